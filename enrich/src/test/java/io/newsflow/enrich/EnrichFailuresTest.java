package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.enrich.failures.EnrichFailures;
import io.newsflow.enrich.grouping.RawTextArticles;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures are visible: an article the tagger or the grouper fails on goes to the dead letters with
 * its reason, is counted in {@code newsflow_enrich_failures_total}, and the stream goes on; a
 * placement that fails at any of its store writes leaves the stores exactly as before it.
 * The real topology through TopologyTestDriver; the one double is a store that fails on purpose.
 */
class EnrichFailuresTest {

    private static final TaggingStep.Tagger TAGGER = EnrichTopology.taggerOf(ArticleTagger.standard());
    private static final List<RawArticle> SEEDS = RawTextArticles.inNameOrder(RawTextArticles.SEEDS);
    private static final GroupingSettings DEFAULTS = GroupingSettings.defaults(Duration.ofDays(7));
    private static final String VOLCANO = "The Krakatoa volcano erupted near Jakarta and an ash cloud grounded flights. "
            + "Villagers fled the lava while rescue teams searched the slopes. Geologists warned of further eruptions.";
    private static final String BUDGET = "The Canberra parliament passed the budget after the treasurer promised deficit cuts. "
            + "Opposition senators attacked the spending plan. Economists doubted the surplus forecast.";

    @TempDir
    Path stateDir;

    @Test
    void anArticleTheTaggerFailsOnIsADeadLetterCountedAndTheOthersAreGrouped() {
        RawArticle broken = SEEDS.get(1);
        RawArticle tooDeep = SEEDS.get(3);
        TaggingStep.Tagger failsOnTwo = article -> {
            if (article.getArticleId().equals(broken.getArticleId())) {
                throw new IllegalArgumentException("tagger broke on purpose");
            }
            if (article.getArticleId().equals(tooDeep.getArticleId())) {
                // what deep regex backtracking on a pathological text throws: the article's failure, not the thread's
                throw new StackOverflowError();
            }
            return TAGGER.tag(article);
        };
        try (Pipeline pipeline = new Pipeline(DEFAULTS, failsOnTwo)) {
            SEEDS.forEach(pipeline::send);

            List<TestRecord<String, DeadLetter>> letters = pipeline.deadLetters.readRecordsToList();
            assertThat(letters).hasSize(2);
            assertThat(letters.get(1).key()).isEqualTo(tooDeep.getArticleId());
            assertThat(letters.get(1).value().getErrorClass()).isEqualTo(StackOverflowError.class.getName());
            assertThat(pipeline.failures("tagging", "StackOverflowError")).isEqualTo(1.0);
            TestRecord<String, DeadLetter> letter = letters.get(0);
            assertThat(letter.key()).isEqualTo(broken.getArticleId());
            assertThat(step(letter)).isEqualTo("tagging");
            assertThat(letter.value().getStage()).isEqualTo("enrich");
            assertThat(letter.value().getErrorClass()).isEqualTo(IllegalArgumentException.class.getName());
            assertThat(letter.value().getMessage()).contains("Tagging failed", broken.getArticleId(), "tagger broke on purpose");
            assertThat(letter.value().getOrigin()).isEqualTo(Topics.embedded().rawArticles().name() + "/0/1");
            assertThat(decode(letter.value())).isEqualTo(broken);
            assertThat(pipeline.failures("tagging", "IllegalArgumentException")).isEqualTo(1.0);

            Map<String, NewsEvent> latest = pipeline.latestEvents();
            assertThat(members(latest)).doesNotContain(broken.getArticleId(), tooDeep.getArticleId())
                    .containsAll(SEEDS.stream().map(RawArticle::getArticleId)
                            .filter(id -> !id.equals(broken.getArticleId()) && !id.equals(tooDeep.getArticleId())).toList());
            assertThat(pipeline.failures("grouping", "InjectedStoreFailure")).isZero();
        }
    }

    @Test
    void anArticleTheGrouperFailsOnIsADeadLetterCountedAndTheNextIsGrouped() {
        try (Pipeline pipeline = new Pipeline(DEFAULTS, TAGGER)) {
            pipeline.send(SEEDS.get(0));
            pipeline.events.readRecordsToList();
            pipeline.stores.failAtWrite(1);
            pipeline.send(SEEDS.get(1));

            assertThat(pipeline.events.readRecordsToList()).isEmpty();
            List<TestRecord<String, DeadLetter>> letters = pipeline.deadLetters.readRecordsToList();
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).key()).isEqualTo(SEEDS.get(1).getArticleId());
            assertThat(step(letters.get(0))).isEqualTo("grouping");
            assertThat(letters.get(0).value().getErrorClass()).isEqualTo(FaultyStores.InjectedStoreFailure.class.getName());
            assertThat(letters.get(0).value().getMessage()).contains("Grouping failed", "failed on purpose");
            assertThat(decode(letters.get(0).value())).isEqualTo(SEEDS.get(1));
            assertThat(pipeline.failures("grouping", "InjectedStoreFailure")).isEqualTo(1.0);

            pipeline.send(SEEDS.get(2));
            assertThat(members(pipeline.latestEvents())).contains(SEEDS.get(2).getArticleId());
            assertThat(pipeline.deadLetters.readRecordsToList()).isEmpty();
        }
    }

    /** An article joining an event (regrouping of a neighbourhood). */
    @Test
    void aJoinFailedAtAnyWriteLeavesTheStoresAsBefore() {
        failAtEveryWrite(DEFAULTS, SEEDS.subList(0, 2), SEEDS.get(2), SEEDS.get(3));
    }

    /** An article bridging two events: the survivor rewritten, the absorbed one deleted, members moved. */
    @Test
    void aMergeFailedAtAnyWriteLeavesTheStoresAsBefore() {
        GroupingSettings settings = DEFAULTS.withLinkThresholds(0.12, 0.10, 0.0);
        Instant t0 = Instant.parse("2026-02-01T08:00:00Z");
        failAtEveryWrite(settings,
                List.of(article("volcano", "Volcano erupts", VOLCANO, t0), article("budget", "Budget passes", BUDGET, t0.plusSeconds(60))),
                article("bridge", "Volcano and budget", VOLCANO + "\n\n" + BUDGET, t0.plusSeconds(120)),
                article("after", "Volcano erupts again", VOLCANO + " Ash fell on Jakarta.", t0.plusSeconds(180)));
    }

    /** A syndicated copy (another id and URL, the same text) joining its original's event. */
    @Test
    void aCopyFailedAtAnyWriteLeavesTheStoresAsBefore() {
        RawArticle original = SEEDS.get(0);
        RawArticle copy = RawArticle.newBuilder(original).setArticleId("wire-copy").setSourceId("wire.txt")
                .setContentHash("another-hash").build();
        failAtEveryWrite(DEFAULTS, List.of(original, SEEDS.get(3)), copy, SEEDS.get(1));
    }

    /**
     * Runs prefix then target with the n-th write of the target's placement failing, for every n:
     * each time the stores must be as before the target, the target a dead letter, and the next
     * article placed as in a run that never saw the target.
     */
    private void failAtEveryWrite(GroupingSettings settings, List<RawArticle> prefix, RawArticle target, RawArticle next) {
        long writes;
        try (Pipeline clean = new Pipeline(settings, TAGGER)) {
            prefix.forEach(clean::send);
            long before = clean.stores.writes();
            clean.send(target);
            writes = clean.stores.writes() - before;
            assertThat(clean.events.readRecordsToList()).isNotEmpty();
        }
        assertThat(writes).as("writes of the placement").isGreaterThanOrEqualTo(3);
        List<String> withoutTarget;
        try (Pipeline reference = new Pipeline(settings, TAGGER)) {
            prefix.forEach(reference::send);
            reference.events.readRecordsToList();
            reference.send(next);
            withoutTarget = summaries(reference.events.readRecordsToList());
        }
        for (long n = 1; n <= writes; n++) {
            try (Pipeline pipeline = new Pipeline(settings, TAGGER)) {
                prefix.forEach(pipeline::send);
                pipeline.events.readRecordsToList();
                Map<String, Map<String, String>> before = pipeline.contents();
                pipeline.stores.failAtWrite(n);

                pipeline.send(target);

                assertThat(pipeline.contents()).as("stores after failing write %d of %d", n, writes).isEqualTo(before);
                assertThat(pipeline.events.readRecordsToList()).as("events after failing write %d", n).isEmpty();
                List<TestRecord<String, DeadLetter>> letters = pipeline.deadLetters.readRecordsToList();
                assertThat(letters).hasSize(1);
                assertThat(letters.get(0).key()).isEqualTo(target.getArticleId());
                assertThat(letters.get(0).value().getMessage()).contains("Grouping failed", "failed on purpose");
                assertThat(letters.get(0).value().getErrorClass()).isEqualTo(FaultyStores.InjectedStoreFailure.class.getName());
                assertThat(pipeline.failures("grouping", "InjectedStoreFailure")).isEqualTo(1.0);

                pipeline.send(next);
                assertThat(summaries(pipeline.events.readRecordsToList())).as("next article after failing write %d", n)
                        .isEqualTo(withoutTarget);
            }
        }
    }

    private static RawArticle article(String id, String title, String body, Instant fetched) {
        return RawArticle.newBuilder(RawTextArticles.article(id, id + ".txt", title, body)).setFetchedAt(fetched).build();
    }

    private static String step(TestRecord<String, DeadLetter> letter) {
        Header header = letter.headers().lastHeader(EnrichFailures.STEP_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static RawArticle decode(DeadLetter letter) {
        try {
            return RawArticle.getDecoder().decode(letter.getOriginalBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> members(Map<String, NewsEvent> events) {
        return events.values().stream().flatMap(e -> e.getArticles().stream()).map(EventArticle::getArticleId).toList();
    }

    /** What a consumer would see of each snapshot: key, version, members, absorbed ids (or a tombstone). */
    private static List<String> summaries(List<TestRecord<String, NewsEvent>> records) {
        return records.stream().map(r -> r.value() == null ? r.key() + " tombstone"
                : r.key() + " v" + r.value().getVersion() + " " + r.value().getArticles().stream()
                        .map(EventArticle::getArticleId).sorted().toList() + " absorbed " + r.value().getAbsorbedEventIds())
                .toList();
    }

    /** The topology on heap stores that count their writes (and fail one when told), with its own metrics. */
    private final class Pipeline implements AutoCloseable {

        final FaultyStores stores = new FaultyStores();
        final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        final TopologyTestDriver driver;
        final TestInputTopic<String, RawArticle> rawArticles;
        final TestOutputTopic<String, NewsEvent> events;
        final TestOutputTopic<String, DeadLetter> deadLetters;
        private final Map<String, NewsEvent> latest = new TreeMap<>();

        Pipeline(GroupingSettings settings, TaggingStep.Tagger tagger) {
            Topics topics = Topics.embedded();
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-failures-test");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            driver = new TopologyTestDriver(EnrichTopology.build(topics, settings, stores.builders(), tagger, metrics,
                    UnaryOperator.identity()), props);
            rawArticles = driver.createInputTopic(topics.rawArticles().name(), topics.rawArticles().keySerde().serializer(),
                    topics.rawArticles().valueSerde().serializer());
            events = driver.createOutputTopic(topics.events().name(), topics.events().keySerde().deserializer(),
                    topics.events().valueSerde().deserializer());
            deadLetters = driver.createOutputTopic(topics.deadLetters().name(), topics.deadLetters().keySerde().deserializer(),
                    topics.deadLetters().valueSerde().deserializer());
        }

        void send(RawArticle article) {
            rawArticles.pipeInput(article.getArticleId(), article, article.getFetchedAt());
        }

        Map<String, NewsEvent> latestEvents() {
            for (KeyValue<String, NewsEvent> record : events.readKeyValuesToList()) {
                if (record.value == null) {
                    latest.remove(record.key);
                } else {
                    latest.put(record.key, record.value);
                }
            }
            return latest;
        }

        double failures(String stage, String reason) {
            Counter counter = metrics.find("newsflow.enrich.failures").tags("stage", stage, "reason", reason).counter();
            return counter == null ? 0 : counter.count();
        }

        /** Every key and value of the three grouping stores. */
        Map<String, Map<String, String>> contents() {
            Map<String, Map<String, String>> contents = new TreeMap<>();
            for (String name : GroupingStores.names()) {
                KeyValueStore<String, byte[]> store = driver.getKeyValueStore(name);
                Map<String, String> entries = new TreeMap<>();
                try (KeyValueIterator<String, byte[]> all = store.all()) {
                    all.forEachRemaining(e -> entries.put(e.key, Base64.getEncoder().encodeToString(e.value)));
                }
                contents.put(name, entries);
            }
            return contents;
        }

        @Override
        public void close() {
            driver.close();
        }
    }
}
