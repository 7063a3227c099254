package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.grouping.RawTextArticles;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies and versions through the production topology (RocksDB stores, TopologyTestDriver): a
 * wire copy joins its original's event as a copy whichever arrives first, and an edited article
 * updates its entry with a new snapshot while a repeat changes nothing.
 */
class VersionsAndCopiesTest {

    @TempDir
    Path stateDir;

    private final Topics topics = Topics.embedded();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> rawArticles;
    private TestOutputTopic<String, NewsEvent> events;
    private final List<TestRecord<String, NewsEvent>> eventLog = new ArrayList<>();
    private final List<RawArticle> seeds = RawTextArticles.inNameOrder(RawTextArticles.SEEDS);

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
    void anEditedBodyEmitsANewSnapshotAndTheEditAgainNone() {
        RawArticle original = seeds.get(0);
        send(original);
        long firstVersion = onlyEvent().getVersion();
        String body = original.getBody() + "\n\nThe two sides also agreed to meet again next year.";
        RawArticle edited = RawTextArticles.article(original.getArticleId(), original.getSourceId(), original.getTitle(), body);

        int before = eventLog.size();
        send(edited);
        assertThat(eventLog).hasSize(before + 1);
        NewsEvent updated = onlyEvent();
        assertThat(updated.getVersion()).isGreaterThan(firstVersion);
        assertThat(updated.getArticles()).extracting(EventArticle::getArticleId).containsExactly(original.getArticleId());

        send(edited);
        assertThat(eventLog).hasSize(before + 1);
        assertThat(onlyEvent().getArticles()).hasSize(1);
    }

    @Test
    void aRepeatOfTheSameArticleEmitsNothing() {
        send(seeds.get(0));
        int before = eventLog.size();
        send(seeds.get(0));
        assertThat(eventLog).hasSize(before);
    }

    @Test
    void aCutCopyWithAnUpdateHeadlineJoinsAsACopyEvenWhenItArrivesFirst() {
        RawArticle original = seeds.get(0);
        String cutBody = original.getBody().substring(0, original.getBody().stripTrailing().lastIndexOf("\n"));
        RawArticle update = RawTextArticles.article("wire-update", "wire.txt", "UPDATE 1-" + original.getTitle(), cutBody);
        RawArticle credited = RawTextArticles.article("wire-credit", "wire2.txt", original.getTitle(),
                "(Reuters) - " + original.getBody() + "\n\nReporting by A Reporter; Editing by An Editor");
        send(update);
        send(original);
        send(credited);

        NewsEvent event = onlyEvent();
        assertThat(event.getArticles()).extracting(EventArticle::getArticleId)
                .containsExactlyInAnyOrder("wire-update", original.getArticleId(), "wire-credit");
        assertThat(event.getIndependentSources()).isEqualTo(1);
        // the seed's last paragraph is a line: the full text adds no more to the cut copy than a credit would
        assertThat(event.getArticles()).filteredOn(a -> a.getCopyOf() != null)
                .extracting(EventArticle::getCopyOf).containsOnly("wire-update");
    }

    @Test
    void theFullTextArrivingAfterACopyCutByAWholeParagraphBecomesItsOriginal() {
        RawArticle original = RawTextArticles.article("original", "story.txt", "Province elects new council",
                BRIEF + "\n\n" + LAST_PARAGRAPH);
        RawArticle cut = RawTextArticles.article("wire-update", "wire.txt", "UPDATE 1-Province elects new council", BRIEF);
        send(cut);
        send(original);

        NewsEvent event = onlyEvent();
        assertThat(event.getArticles()).extracting(EventArticle::getArticleId)
                .containsExactlyInAnyOrder("wire-update", "original");
        assertThat(event.getIndependentSources()).isEqualTo(1);
        assertThat(event.getArticles()).filteredOn(a -> a.getArticleId().equals("wire-update"))
                .extracting(EventArticle::getCopyOf).containsExactly("original");
        assertThat(event.getArticles()).filteredOn(a -> a.getArticleId().equals("original"))
                .extracting(EventArticle::getCopyOf).containsOnly((String) null);

        // a credited copy of the full text now finds the full text as its original
        send(RawTextArticles.article("wire-credit", "wire2.txt", original.getTitle(),
                original.getBody() + "\n\nReporting by Wire Desk 2; Editing by Night Desk"));
        assertThat(onlyEvent().getIndependentSources()).isEqualTo(1);
        assertThat(onlyEvent().getArticles()).filteredOn(a -> a.getCopyOf() != null)
                .extracting(EventArticle::getCopyOf).containsOnly("original");
    }

    @Test
    void aCopyCutToAThirdOfItsOriginalJoinsItAsACopy() {
        seeds.forEach(this::send);
        RawArticle original = seeds.get(0);
        String[] paragraphs = original.getBody().split("\n\s*\n");
        String firstThird = String.join("\n\n", java.util.Arrays.copyOf(paragraphs, Math.max(2, paragraphs.length / 3)));
        send(RawTextArticles.article("wire-short", "wire.txt", "UPDATE 1-" + original.getTitle(), firstThird));

        NewsEvent event = latest().values().stream()
                .filter(e -> e.getArticles().stream().anyMatch(a -> a.getArticleId().equals("wire-short")))
                .findFirst().orElseThrow();
        assertThat(event.getArticles()).extracting(EventArticle::getArticleId).contains(original.getArticleId());
        EventArticle copy = event.getArticles().stream().filter(a -> a.getArticleId().equals("wire-short")).findFirst().orElseThrow();
        assertThat(copy.getCopyOf()).isEqualTo(original.getArticleId());
        assertThat(event.getIndependentSources()).isEqualTo(3);
    }

    @Test
    void copiesDoNotFragmentAnEventOfIndependentReports() {
        List<RawArticle> meeting = seeds.subList(0, 3);
        for (RawArticle report : meeting) {
            send(report);
            for (int k = 1; k <= 3; k++) {
                send(RawTextArticles.article(report.getArticleId() + "-wire" + k, "wire" + k + ".txt", report.getTitle(),
                        report.getBody() + "\n\nCopyright 2026 Wire " + k + ". All rights reserved."));
            }
        }
        Map<String, NewsEvent> latest = latest();
        assertThat(latest).hasSize(1);
        NewsEvent event = latest.values().iterator().next();
        assertThat(event.getArticles()).hasSize(12);
        assertThat(event.getIndependentSources()).isEqualTo(3);
    }

    @Test
    void aVerbatimCopyFromAnotherOutletJoinsAsACopyWhicheverArrivesFirst() {
        // the same text, so the same content hash: from another outlet it is syndication, not a version
        RawArticle original = seeds.get(0);
        RawArticle verbatim = RawTextArticles.article("verbatim", "wire1.txt", original.getTitle(), original.getBody());
        RawArticle second = RawTextArticles.article("verbatim-2", "wire2.txt", original.getTitle(), original.getBody());
        send(verbatim);
        send(original);
        send(second);

        NewsEvent event = onlyEvent();
        assertThat(event.getArticles()).extracting(EventArticle::getArticleId)
                .containsExactlyInAnyOrder("verbatim", original.getArticleId(), "verbatim-2");
        assertThat(event.getIndependentSources()).isEqualTo(1);
    }

    @Test
    void theSameTextFromTheSameOutletUnderAnotherIdIsThatArticleAgain() {
        RawArticle original = seeds.get(0);
        send(original);
        int before = eventLog.size();
        send(RawTextArticles.article("moved", original.getSourceId(), original.getTitle(), original.getBody()));

        assertThat(eventLog).hasSize(before);
        assertThat(onlyEvent().getArticles()).extracting(EventArticle::getArticleId).containsExactly(original.getArticleId());
    }

    /** A brief of three sentences: a credit line is a third of it, and its first sentence alone a cut copy. */
    private static final String BRIEF = "Voters in the northern province elected a new regional council on Sunday.\n\n"
            + "Turnout was the highest recorded since the council was founded, officials said.\n\n"
            + "Results are expected to be published by the electoral commission on Tuesday morning.";

    /** A paragraph of its own: far more than a credit line (about 15 shingles) adds. */
    private static final String LAST_PARAGRAPH = "The new council will hold its first session next month in the "
            + "provincial capital, where it is expected to elect a speaker and to debate the regional budget for the "
            + "coming year, which the outgoing council left unfinished after months of disputes over road repairs.";

    @Test
    void copiesOfAShortBriefJoinItAsCopies() {
        send(RawTextArticles.article("brief", "brief.txt", "Province elects new council", BRIEF));
        send(RawTextArticles.article("brief-credit", "wire1.txt", "Province elects new council",
                BRIEF + "\n\nReporting by Wire Desk 1; Editing by Night Desk"));
        send(RawTextArticles.article("brief-cut", "wire2.txt", "UPDATE 1-Province elects new council",
                BRIEF.substring(0, BRIEF.lastIndexOf("\n\n"))));

        NewsEvent event = onlyEvent();
        assertThat(event.getArticles()).hasSize(3);
        assertThat(event.getIndependentSources()).isEqualTo(1);
        assertThat(event.getArticles()).filteredOn(a -> a.getCopyOf() != null)
                .extracting(EventArticle::getCopyOf).containsOnly("brief");
    }

    @Test
    void aRoundUpHoldingABriefAndAnotherStoryIsNoCopyOfIt() {
        RawArticle other = seeds.get(0);
        send(RawTextArticles.article("brief", "brief.txt", "Province elects new council", BRIEF));
        send(RawTextArticles.article("round-up", "roundup.txt", "News in brief", BRIEF + "\n\n" + other.getBody()));

        assertThat(latest().values()).flatExtracting(NewsEvent::getArticles)
                .filteredOn(a -> a.getArticleId().equals("round-up")).extracting(EventArticle::getCopyOf).containsOnly((String) null);
    }

    private NewsEvent onlyEvent() {
        Map<String, NewsEvent> latest = latest();
        assertThat(latest).hasSize(1);
        return latest.values().iterator().next();
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
}
