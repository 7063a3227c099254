package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.vectors.TermVector;
import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * A placement that fails takes back what it counted (table, counters, a snapshot it made): the
     * frequencies then count as if the failed articles never came, in memory and in the store.
     */
    @Test
    void countingOfAFailedPlacementIsTakenBackToTheBit() {
        try (TopologyTestDriver a = GroupingStoresDriver.start(); TopologyTestDriver b = GroupingStoresDriver.start()) {
            WritePlan plan = new WritePlan();
            DocumentFrequencies planned = new DocumentFrequencies(store(a), 7, plan);
            DocumentFrequencies neverFailed = new DocumentFrequencies(store(b), 7);
            SplittableRandom random = new SplittableRandom(5);
            long now = 1_767_225_600_000L;
            for (int article = 0; article < 60; article++) {
                now += random.nextLong(-DAY, 3 * DAY);
                long[] terms = randomTerms(random);
                planned.load();
                plan.begin();
                double[] counted = planned.count(terms, now, HALF_LIFE);
                if (article % 3 == 1) {
                    // failed: nothing written, the counting taken back
                    plan.close();
                    planned.forgetUncounted();
                } else {
                    plan.applyWrites();
                    plan.applyMemoryChanges();
                    planned.keepCounted();
                    plan.close();
                    assertThat(counted).isEqualTo(neverFailed.count(terms, now, HALF_LIFE));
                }
                assertThat(planned.documentCount(now, HALF_LIFE)).isEqualTo(neverFailed.documentCount(now, HALF_LIFE));
                assertThat(planned.terms()).isEqualTo(neverFailed.terms());
            }
            assertThat(keys(store(a))).isEqualTo(keys(store(b)));
            assertThat(new DocumentFrequencies(store(a), 7).count(new long[] {1, 2, 3}, now, HALF_LIFE))
                    .isEqualTo(neverFailed.count(new long[] {1, 2, 3}, now, HALF_LIFE));
        }
    }

    @Test
    void aSnapshotMakesTheLogRecordsItCoversStaleAndTheirSlotsAreReused() {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            DocumentFrequencies frequencies = new DocumentFrequencies(store(driver), 5);
            for (int article = 1; article <= 12; article++) {
                frequencies.count(new long[] {11, 12, 13}, article * DAY, HALF_LIFE);
            }
            // five slots, holding articles 10, 11, 12 (after the snapshot at 10) and the stale 8 and 9
            assertThat(keys(store(driver))).containsExactly("slot|0", "slot|1", "slot|2", "slot|3", "slot|4",
                    "snap", "snap|0");
            assertThat(new DocumentFrequencies(store(driver), 5).documentCount(12 * DAY, HALF_LIFE))
                    .isEqualTo(frequencies.documentCount(12 * DAY, HALF_LIFE))
                    .isCloseTo(decayedSum(12, 30), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /** A log written with one slot count, read with another (fewer, more, not a divisor) after any article. */
    @Test
    void aLogWrittenWithAnotherSlotCountIsReadAlike() {
        for (int slots : new int[] {3, 5, 11}) {
            for (int change = 8; change < 16; change++) {
                try (TopologyTestDriver a = GroupingStoresDriver.start(); TopologyTestDriver b = GroupingStoresDriver.start()) {
                    DocumentFrequencies live = new DocumentFrequencies(store(a), 7);
                    DocumentFrequencies before = new DocumentFrequencies(store(b), 7);
                    SplittableRandom random = new SplittableRandom(5);
                    long now = 1_767_225_600_000L;
                    for (int article = 0; article < 40; article++) {
                        now += random.nextLong(0, DAY);
                        long[] terms = randomTerms(random);
                        // from article `change` on, the other slot count and a restart before each article
                        if (article >= change) {
                            before = new DocumentFrequencies(store(b), slots);
                        }
                        assertThat(before.count(terms, now, HALF_LIFE)).as("%d slots from article %d", slots, change)
                                .isEqualTo(live.count(terms, now, HALF_LIFE));
                    }
                }
            }
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
