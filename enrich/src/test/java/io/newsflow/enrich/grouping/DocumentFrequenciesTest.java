package io.newsflow.enrich.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Document frequencies in memory, kept as a snapshot and a log: a restart at any point counts alike, to the bit. */
class DocumentFrequenciesTest {

    private static final double HALF_LIFE = 30 * 86_400_000.0;
    private static final long DAY = 86_400_000L;

    @Test
    void aTableLoadedFromTheStoreAfterAnyArticleCountsAsTheOneThatNeverStopped() {
        try (TopologyTestDriver a = GroupingStoresDriver.start(); TopologyTestDriver b = GroupingStoresDriver.start()) {
            DocumentFrequencies live = new DocumentFrequencies(store(a), 7);
            SplittableRandom random = new SplittableRandom(3);
            long now = 1_767_225_600_000L;
            for (int article = 0; article < 40; article++) {
                // time mostly forward, sometimes back (late articles)
                now += random.nextLong(-2 * DAY, 5 * DAY);
                long[] terms = randomTerms(random);
                // a new instance on the other store for every article: a restart before each one
                DocumentFrequencies restarted = new DocumentFrequencies(store(b), 7);
                assertThat(restarted.documentCount(now, HALF_LIFE)).isEqualTo(live.documentCount(now, HALF_LIFE));
                assertThat(restarted.count(terms, now, HALF_LIFE)).isEqualTo(live.count(terms, now, HALF_LIFE));
            }
            assertThat(keys(store(a))).isEqualTo(keys(store(b)));
        }
    }

    @Test
    void aSnapshotReplacesTheLogItCovers() {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            DocumentFrequencies frequencies = new DocumentFrequencies(store(driver), 5);
            for (int article = 1; article <= 12; article++) {
                frequencies.count(new long[] {11, 12, 13}, article * DAY, HALF_LIFE);
            }
            assertThat(keys(store(driver))).containsExactly(DocumentFrequencies.logKey(11), DocumentFrequencies.logKey(12),
                    "snap", "snap|0");
            assertThat(new DocumentFrequencies(store(driver), 5).documentCount(12 * DAY, HALF_LIFE))
                    .isEqualTo(frequencies.documentCount(12 * DAY, HALF_LIFE))
                    .isCloseTo(decayedSum(12, 30), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void termsDecayedBelowAHundredthOfADocumentLeaveAtTheSnapshotSoTheTableStaysBounded() {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            double halfLife = DAY;
            DocumentFrequencies frequencies = new DocumentFrequencies(store(driver), 100);
            // a new name every article, a day apart: after 7 half-lives a name is below 0.01 documents
            for (int article = 1; article <= 1_000; article++) {
                frequencies.count(new long[] {1_000_000L + article, 42}, article * DAY, halfLife);
            }
            // kept: the document count, the shared term and the names of the last 7 days
            assertThat(frequencies.terms()).isEqualTo(2 + 7);
            assertThat(new DocumentFrequencies(store(driver), 100).terms()).isEqualTo(9);
            // a shared term keeps counting through the snapshots: 1 / (1 - 2^-1) in the limit
            assertThat(frequencies.count(new long[] {42}, 1_001 * DAY, halfLife)[0]).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void frequenciesStoredAWordPerKeyByAnEarlierVersionAreReadOnceThenKeptAsASnapshot() {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            KeyValueStore<String, byte[]> store = store(driver);
            store.put("quake", ByteBuffer.allocate(16).putDouble(3.5).putLong(10 * DAY).array());
            store.put(DocumentFrequencies.DOCUMENT_COUNT, ByteBuffer.allocate(16).putDouble(8.0).putLong(10 * DAY).array());

            DocumentFrequencies frequencies = new DocumentFrequencies(store);
            assertThat(frequencies.documentCount(10 * DAY, HALF_LIFE)).isEqualTo(8.0);
            assertThat(frequencies.count(new long[] {TermVector.termOf("quake"), TermVector.termOf("new")}, 10 * DAY, HALF_LIFE))
                    .containsExactly(4.5, 1.0);
            assertThat(keys(store)).containsExactly(DocumentFrequencies.logKey(1), "snap", "snap|0");
            assertThat(new DocumentFrequencies(store).documentCount(10 * DAY, HALF_LIFE)).isEqualTo(9.0);
        }
    }

    /** n documents a day apart, counted on the last day, with this half-life in days. */
    private static double decayedSum(int n, double halfLifeDays) {
        double sum = 0;
        for (int age = 0; age < n; age++) {
            sum += Math.pow(0.5, age / halfLifeDays);
        }
        return sum;
    }

    private static long[] randomTerms(SplittableRandom random) {
        long[] terms = new long[random.nextInt(1, 30)];
        for (int i = 0; i < terms.length; i++) {
            // a small vocabulary, so that terms recur and decay
            terms[i] = TermVector.termOf("w" + random.nextInt(60));
        }
        return java.util.Arrays.stream(terms).distinct().toArray();
    }

    private static List<String> keys(KeyValueStore<String, byte[]> store) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining((KeyValue<String, byte[]> entry) -> keys.add(entry.key));
        }
        return keys;
    }

    private static KeyValueStore<String, byte[]> store(TopologyTestDriver driver) {
        return driver.getKeyValueStore(GroupingStores.DOCUMENT_FREQUENCY);
    }
}
