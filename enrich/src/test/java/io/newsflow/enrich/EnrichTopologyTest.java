package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.grouping.RawTextArticles;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production topology (RocksDB stores) on the seed articles, through TopologyTestDriver. */
class EnrichTopologyTest {

    private static final Set<Set<String>> SEED_EVENTS = Set.of(
            Set.of("000_16d210ef47e2a33a", "001_7f609bce913b8f04", "002_e4007a39067177ba"),
            Set.of("003_cf9a69334054b8ad"),
            Set.of("004_22830d41a2a2e69c"));

    @TempDir
    Path stateDir;

    private final Topics topics = Topics.embedded();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> rawArticles;
    private TestOutputTopic<String, NewsEvent> events;
    /** Every record read from the events topic, in order. */
    private final List<TestRecord<String, NewsEvent>> eventLog = new ArrayList<>();

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.putAll(EnrichService.streamsProperties(EnrichConfig.defaults(stateDir), Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092"), topics));
        driver = new TopologyTestDriver(EnrichTopology.build(topics, EnrichConfig.defaults(stateDir)), props);
        rawArticles = driver.createInputTopic(topics.rawArticles().name(), topics.rawArticles().keySerde().serializer(),
                topics.rawArticles().valueSerde().serializer());
        events = driver.createOutputTopic(topics.events().name(), topics.events().keySerde().deserializer(),
                topics.events().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void seedsInNameOrderGiveThreeEventsWithRisingVersions() {
        List<RawArticle> seeds = RawTextArticles.inNameOrder(RawTextArticles.SEEDS);
        assertThat(seeds).hasSize(5);
        seeds.forEach(this::send);

        Map<String, NewsEvent> latest = latest();
        assertThat(memberships(latest)).isEqualTo(SEED_EVENTS);
        Map<String, List<Long>> versions = new HashMap<>();
        for (TestRecord<String, NewsEvent> r : eventLog) {
            assertThat(r.key()).isEqualTo(r.value().getEventId());
            versions.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value().getVersion());
        }
        for (List<Long> v : versions.values()) {
            for (int i = 0; i < v.size(); i++) {
                assertThat(v.get(i)).isEqualTo(i + 1L);
            }
        }
        NewsEvent meeting = latest.values().stream().filter(e -> e.getArticles().size() == 3).findFirst().orElseThrow();
        assertThat(meeting.getVersion()).isEqualTo(3);
        assertThat(meeting.getIndependentSources()).isEqualTo(3);
        assertThat(meeting.getTitle()).isEqualTo(seeds.get(0).getTitle());
        assertThat(meeting.getEventDate()).hasToString("2024-06-18");
        EventArticle second = meeting.getArticles().get(1);
        assertThat(second.getScore()).isBetween(0.0, 1.0);
        assertThat(second.getCopyOf()).isNull();
        assertThat(meeting.getArticles().get(0).getScore()).isEqualTo(1.0);
    }

    /**
     * The seeds as ingest delivers them from a drop folder: two dated, three undated and fetched
     * long after. An undated article must not push stream time to its fetch time (that closed the
     * event of the first report before the second arrived). Name order and shuffles.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void seedsAsIngestedGiveTheLabelledEventsInAnyOrder(long shuffleSeed) {
        List<RawArticle> seeds = new ArrayList<>(RawTextArticles.seedsAsIngested());
        if (shuffleSeed != 0) {
            Collections.shuffle(seeds, new Random(shuffleSeed));
        }
        seeds.forEach(this::send);
        assertThat(memberships(latest())).isEqualTo(SEED_EVENTS);
    }

    @Test
    void eventIdsAreDeterministicAcrossRuns() {
        RawTextArticles.inNameOrder(RawTextArticles.SEEDS).forEach(this::send);
        Set<String> first = latest().keySet();
        driver.close();
        start();
        eventLog.clear();
        RawTextArticles.inNameOrder(RawTextArticles.SEEDS).forEach(this::send);
        assertThat(latest().keySet()).isEqualTo(first);
    }

    @Test
    void theSameArticleAgainIsNotANewSource() {
        RawArticle article = RawTextArticles.inNameOrder(RawTextArticles.SEEDS).get(0);
        send(article);
        send(article);
        RawArticle sameContentOtherId = RawArticle.newBuilder(article).setArticleId("other-id").build();
        send(sameContentOtherId);
        Map<String, NewsEvent> latest = latest();
        assertThat(latest).hasSize(1);
        assertThat(latest.values().iterator().next().getArticles()).extracting(EventArticle::getArticleId)
                .containsExactly(article.getArticleId());
    }

    /** The outlet ingest reads (metadata "source": a byline, a site name, a feed's title) names the member. */
    @Test
    void aMemberIsNamedAfterTheOutletIngestFound() {
        RawArticle seed = RawTextArticles.inNameOrder(RawTextArticles.SEEDS).get(0);
        send(RawArticle.newBuilder(seed).setMetadata(Map.of("source", "Example Times")).build());
        NewsEvent event = latest().values().iterator().next();
        assertThat(event.getArticles().get(0).getSource()).isEqualTo("Example Times");
    }

    @Test
    void aSyndicatedCopyJoinsAndIsMarkedAsCopy() {
        RawArticle original = RawTextArticles.inNameOrder(RawTextArticles.SEEDS).get(0);
        RawArticle copy = RawTextArticles.article("syndicated", "another-outlet.txt", "Officials of China and ROK meet",
                original.getBody() + "\n\nThis story was first published by ECNS.");
        send(original);
        send(copy);
        NewsEvent event = latest().values().iterator().next();
        assertThat(event.getArticles()).extracting(EventArticle::getArticleId)
                .containsExactly(original.getArticleId(), "syndicated");
        assertThat(event.getArticles().get(1).getCopyOf()).isEqualTo(original.getArticleId());
        assertThat(event.getIndependentSources()).isEqualTo(1);
    }

    @Test
    void theStreamGoesOnAfterAnUndecodableRecord() {
        TestInputTopic<String, byte[]> rawBytes = driver.createInputTopic(topics.rawArticles().name(),
                new StringSerializer(), new ByteArraySerializer());
        rawBytes.pipeInput("broken", new byte[] {1, 2, 3, 4});
        send(RawTextArticles.inNameOrder(RawTextArticles.SEEDS).get(4));
        assertThat(latest()).hasSize(1);
    }

    @Test
    void anIdleEventClosesAndALateReportOpensANewOne() {
        List<RawArticle> seeds = RawTextArticles.inNameOrder(RawTextArticles.SEEDS);
        Instant start = Instant.parse("2026-01-05T10:00:00Z");
        send(at(seeds.get(0), start));
        Instant later = start.plus(EnrichConfig.defaults(stateDir).eventIdleTimeout()).plus(Duration.ofDays(1));
        send(at(seeds.get(4), later));
        send(at(seeds.get(1), later.plus(Duration.ofMinutes(20))));
        Map<String, NewsEvent> latest = latest();
        assertThat(memberships(latest)).containsExactlyInAnyOrder(
                Set.of(seeds.get(0).getArticleId()), Set.of(seeds.get(4).getArticleId()), Set.of(seeds.get(1).getArticleId()));
    }

    private static RawArticle at(RawArticle article, Instant fetched) {
        return RawArticle.newBuilder(article).setFetchedAt(fetched).build();
    }

    private void send(RawArticle article) {
        rawArticles.pipeInput(article.getArticleId(), article);
        eventLog.addAll(events.readRecordsToList());
    }

    private Map<String, NewsEvent> latest() {
        Map<String, NewsEvent> latest = new HashMap<>();
        for (TestRecord<String, NewsEvent> r : eventLog) {
            if (r.value() == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.key(), r.value());
            }
        }
        return latest;
    }

    static Set<Set<String>> memberships(Map<String, NewsEvent> events) {
        return events.values().stream()
                .map(e -> e.getArticles().stream().map(EventArticle::getArticleId).collect(Collectors.toCollection(TreeSet::new)))
                .collect(Collectors.toSet());
    }
}
