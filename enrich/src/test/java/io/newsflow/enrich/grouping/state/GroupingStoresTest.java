package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.RawTextArticles;
import io.newsflow.enrich.grouping.EventGrouper;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.text.MinHash;
import io.newsflow.enrich.grouping.vectors.TermVector;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** The grouping state: what is kept in memory (candidate index, band lists) is what a restarted task rebuilds from the stores. */
class GroupingStoresTest {

    /**
     * The candidate index lives in memory only: a restart rebuilds it from the stored events, and
     * at every step it is the index kept by the task that never stopped. Each term shows its
     * newest events by first-seen time (then id).
     */
    @Test
    void theIndexRebuiltFromTheStoredEventsIsTheIndexKept() {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            GroupingStores live = stores(driver);
            put(live, "ev-d", 40, "quake");
            put(live, "ev-a", 10, "quake", "ankara");
            put(live, "ev-c", 30, "quake");
            put(live, "ev-b", 30, "quake");
            put(live, "ev-é", 50, "ankara");
            assertVotes(live, driver, List.of("quake"), "ev-b", "ev-c", "ev-d");
            assertVotes(live, driver, List.of("quake", "ankara"), "ev-a", "ev-b", "ev-c", "ev-d", "ev-é");

            // ev-c leaves: ev-a is among the newest three again, as a rebuilt list has it
            EventState leaving = live.event("ev-c");
            live.unindex(leaving);
            live.deleteEvent("ev-c", leaving.lastUpdatedAt);
            assertVotes(live, driver, List.of("quake"), "ev-a", "ev-b", "ev-d");

            // an earlier report joins ev-d: first seen at 5, it is now the oldest under quake
            put(live, "ev-f", 60, "quake");
            assertVotes(live, driver, List.of("quake"), "ev-b", "ev-d", "ev-f");
            put(live, "ev-d", 5, "quake");
            assertVotes(live, driver, List.of("quake"), "ev-a", "ev-b", "ev-f");
            // and it leaves ankara's list for good when it no longer wants the term
            put(live, "ev-a", 10, "quake");
            assertVotes(live, driver, List.of("ankara"), "ev-é");
        }
    }

    /**
     * Many events coming, changing terms, first-seen and activity times, and going: the kept index
     * and expiry order and rebuilt ones agree throughout, and the idle events are the stored events
     * last active before the cutoff, oldest first.
     */
    @Test
    void theKeptAndTheRebuiltIndexAgreeThroughAThousandRandomChanges() {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            GroupingStores live = stores(driver);
            java.util.SplittableRandom random = new java.util.SplittableRandom(11);
            List<String> open = new java.util.ArrayList<>();
            for (int step = 0; step < 1_000; step++) {
                int action = random.nextInt(10);
                if (action < 5 || open.isEmpty()) {
                    String id = "ev-" + step;
                    put(live, id, random.nextLong(50), randomWords(random));
                    open.add(id);
                } else if (action < 8) {
                    String id = open.get(random.nextInt(open.size()));
                    put(live, id, random.nextLong(50), randomWords(random));
                } else {
                    EventState leaving = live.event(open.remove(random.nextInt(open.size())));
                    live.unindex(leaving);
                    live.deleteEvent(leaving.eventId, leaving.lastUpdatedAt);
                }
                if (step % 50 == 49) {
                    GroupingStores rebuilt = stores(driver);
                    for (int query = 0; query < 20; query++) {
                        long[] terms = terms(List.of(randomWords(random)));
                        double[] weights = random.doubles(terms.length).toArray();
                        assertThat(rebuilt.mostVoted(terms, weights, 8, 5)).isEqualTo(live.mostVoted(terms, weights, 8, 5));
                    }
                    long cutoff = random.nextLong(60);
                    List<String> idle = open.stream().map(live::event).filter(e -> e.lastUpdatedAt < cutoff)
                            .sorted(java.util.Comparator.comparingLong((EventState e) -> e.lastUpdatedAt).thenComparing(e -> e.eventId))
                            .map(e -> e.eventId).toList();
                    assertThat(live.idleEvents(cutoff, 10_000)).isEqualTo(idle);
                    assertThat(rebuilt.idleEvents(cutoff, 10_000)).isEqualTo(idle);
                    assertThat(rebuilt.idleEvents(cutoff, 3)).isEqualTo(idle.subList(0, Math.min(3, idle.size())));
                }
            }
        }
    }

    private static String[] randomWords(java.util.SplittableRandom random) {
        return random.ints(random.nextInt(1, 6), 0, 12).mapToObj(i -> "w" + i).toArray(String[]::new);
    }

    @Test
    void votesSumInTermOrderAndTiesGoByEventId() {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            GroupingStores stores = stores(driver);
            put(stores, "ev-2", 1, "a");
            put(stores, "ev-1", 2, "a");
            put(stores, "ev-3", 3, "b", "c");
            assertThat(voted(stores, 10, 100, List.of("a", "b", "c"), 0.5, 0.3, 0.3))
                    .containsExactly("ev-3", "ev-1", "ev-2");
            assertThat(voted(stores, 2, 100, List.of("a", "b", "c"), 0.5, 0.3, 0.3))
                    .containsExactly("ev-3", "ev-1");
            assertThat(voted(stores, 1, 100, List.of("a"), 0.5)).containsExactly("ev-1");
            assertThat(voted(stores, 5, 100, List.of("none"), 0.5)).isEmpty();
        }
    }

    /** Stores the event (new, or updated with these terms and first-seen time). */
    private static void put(GroupingStores stores, String id, long firstSeenAt, String... words) {
        EventState stored = stores.event(id);
        EventState event = stored != null ? stored : new EventState(id);
        long[] before = event.indexedTerms;
        long previousActivity = stored == null ? -1 : stored.lastUpdatedAt;
        event.firstSeenAt = firstSeenAt;
        event.lastUpdatedAt = Math.max(event.lastUpdatedAt, firstSeenAt);
        event.indexedTerms = java.util.Arrays.stream(words).mapToLong(GroupingStoresTest::term).sorted().distinct().toArray();
        stores.putEvent(event, previousActivity, before);
    }

    /** Every event under the words (each term's newest three), as kept and as a restarted task rebuilds them. */
    private static void assertVotes(GroupingStores live, TopologyTestDriver driver, List<String> words, String... expected) {
        double[] weights = new double[words.size()];
        java.util.Arrays.fill(weights, 1.0);
        assertThat(live.mostVoted(terms(words), weights, 10, 3)).containsExactlyInAnyOrder(expected);
        assertThat(stores(driver).mostVoted(terms(words), weights, 10, 3)).containsExactlyInAnyOrder(expected);
    }

    private static long[] terms(List<String> words) {
        return words.stream().mapToLong(GroupingStoresTest::term).toArray();
    }

    @Test
    void anEventHeldInMemoryIsTheEventARestartedTaskReads() {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            GroupingStores grouperStores = stores(driver);
            EventGrouper grouper = new EventGrouper(GroupingSettings.defaults(java.time.Duration.ofDays(7)), grouperStores);
            String body = "The magnitude 6.1 earthquake struck Qeshm island off southern Iran on Sunday, killing ten people "
                    + "and injuring dozens in the villages around Dargahan, officials said.";
            EventGrouper.Outcome last = null;
            for (int i = 0; i < 4; i++) {
                last = grouper.place(RawTextArticles.article("a" + i, "outlet-" + i, "Quake kills ten on Qeshm island",
                        body + " Report " + i + " adds rescue teams and aftershocks number " + i + "."), null, 1_000L * i);
            }
            EventState held = last.changed().get(0);
            assertThat(held.members).as("one event of four reports").hasSize(4);

            EventState readBack = stores(driver).event(held.eventId);
            // the same terms, weights and order: scores are sums over it, and float sums depend on their order
            assertThat(readBack.centroid).isEqualTo(held.centroid);

            // the reach, kept in memory, is rebuilt alike: a member's own vector reaches, an unrelated one does not
            EventReach.Probe member = new EventReach.Probe(held.features.values().iterator().next().vector());
            EventReach.Probe unrelated = new EventReach.Probe(TermVector.ofSorted(new long[] {term("budget"), term("parliament")},
                    new double[] {0.6, 0.8}));
            for (GroupingStores task : List.of(grouperStores, stores(driver))) {
                assertThat(task.mayReach(held.eventId, member, 0.99)).isTrue();
                assertThat(task.mayReach(held.eventId, unrelated, 0.05)).isFalse();
            }
        }
    }

    /**
     * A founder can leave the event it founded, which keeps its id; if that article comes back
     * later (its record forgotten), the event it opens must not take the live event's key.
     */
    @Test
    void aNewEventNeverTakesTheIdOfAnOpenEvent() {
        aNewEventNeverTakesTheIdOfAnOpenEvent(false);
        // the ids taken are known from the stored events after a restart too
        aNewEventNeverTakesTheIdOfAnOpenEvent(true);
    }

    private static void aNewEventNeverTakesTheIdOfAnOpenEvent(boolean restarted) {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            GroupingStores stores = stores(driver);
            EventState live = new EventState(EventGrouper.eventIdFor(EventGrouper.foundingKey("founder", 2)));
            live.firstSeenAt = 1;
            live.lastUpdatedAt = 1;
            live.version = 7;
            live.members.add(new EventState.Member("other", "outlet", null, "Budget passes", null, 1, 1.0, List.of(),
                    List.of(), null, null));
            stores.putEvent(live, -1, new long[0]);
            EventGrouper grouper = new EventGrouper(GroupingSettings.defaults(java.time.Duration.ofDays(7)),
                    restarted ? stores(driver) : stores);

            EventGrouper.Outcome placed = grouper.place(RawTextArticles.article("founder", "outlet", "Volcano erupts",
                    "The Krakatoa volcano erupted near Jakarta and an ash cloud grounded flights."), null, 2);

            assertThat(placed.changed()).hasSize(1);
            assertThat(placed.changed().get(0).eventId).isNotEqualTo(live.eventId).startsWith("ev-");
            assertThat(stores(driver).event(live.eventId).version).isEqualTo(7);
            assertThat(stores(driver).event(live.eventId).members).extracting(EventState.Member::articleId).containsExactly("other");
        }
    }

    /** Consumers keep the highest version of an id: a closed event's id must not come back at version 1. */
    @Test
    void anArticleBackAfterItsEventClosedFoundsANewEvent() {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            EventGrouper grouper = new EventGrouper(GroupingSettings.defaults(java.time.Duration.ofDays(7)), stores(driver));
            String body = "The Krakatoa volcano erupted near Jakarta and an ash cloud grounded flights.";
            String first = grouper.place(RawTextArticles.article("a", "outlet", "Volcano erupts", body), null, 1_000L)
                    .changed().get(0).eventId;
            assertThat(grouper.closeIdle(5_000L, 10)).extracting(e -> e.eventId).containsExactly(first);

            EventGrouper.Outcome again = grouper.place(RawTextArticles.article("a", "outlet", "Volcano erupts", body), null, 9_000L);

            assertThat(again.changed()).hasSize(1);
            assertThat(again.changed().get(0).eventId).isNotEqualTo(first);
            assertThat(again.changed().get(0).version).isEqualTo(1);
        }
    }

    /**
     * Band lists live in memory only: a restart rebuilds them from the article records, and at
     * every step they are the lists kept by the task that never stopped.
     */
    @Test
    void bandListsRebuiltFromTheArticleRecordsAreTheListsKept() {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            int[] signature = MinHash.standard().signature(List.of("the", "quake", "struck", "qeshm", "island", "on", "sunday"));
            GroupingStores live = stores(driver);
            for (String id : List.of("a1", "a2", "a3", "a4", "a5")) {
                live.putArticle(record(id, signature), live.articlesInBands(signature, 3));
            }
            assertBands(live, driver, signature, "a3", "a4", "a5");

            live.forgetArticle(live.article("a4"));
            // a2 is among the newest three again, as a list rebuilt from the records has it
            assertBands(live, driver, signature, "a2", "a3", "a5");

            live.putArticle(record("a2", signature), live.articlesInBands(signature, 3));
            assertBands(live, driver, signature, "a3", "a5", "a2");

            live.moveArticle(live.article("a3"), "ev-2");
            assertThat(stores(driver).article("a3").eventId()).isEqualTo("ev-2");
            assertBands(live, driver, signature, "a3", "a5", "a2");
            assertThat(keys(driver.getKeyValueStore(GroupingStores.ARTICLES))).noneMatch(key -> key.startsWith("b:"));
        }
    }

    private static GroupingStores.ArticleRecord record(String id, int[] signature) {
        return new GroupingStores.ArticleRecord(id, "ev-1", null, null, null, signature);
    }

    /** The newest articles under every band, as kept and as a restarted task rebuilds them. */
    private static void assertBands(GroupingStores live, TopologyTestDriver driver, int[] signature, String... newest) {
        assertThat(live.articlesInBands(signature, 3).listed()).hasSize(16)
                .allSatisfy(ids -> assertThat(ids).containsExactly(newest));
        assertThat(stores(driver).articlesInBands(signature, 3).listed())
                .allSatisfy(ids -> assertThat(ids).containsExactly(newest));
    }

    private static List<String> keys(KeyValueStore<String, byte[]> store) {
        List<String> keys = new java.util.ArrayList<>();
        try (org.apache.kafka.streams.state.KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    /** Expiry keys sort by time as text: the format the stores already hold ({@code %015d|id}). */
    @Test
    void expiryKeysAreTheTimeInFifteenDigitsThenTheEventId() {
        for (long time : new long[] {0, 7, 1_767_225_600_000L, 999_999_999_999_999L, 1_000_000_000_000_000L, -5}) {
            assertThat(GroupingStores.expiryKey(time, "ev-1")).isEqualTo(String.format("%015d|%s", Math.max(0, time), "ev-1"));
        }
    }

    private static GroupingStores stores(TopologyTestDriver driver) {
        return GroupingStoresDriver.stores(driver);
    }

    private static long term(String word) {
        return TermVector.termOf(word);
    }

    /** The most voted events for these words with these weights, in this order. */
    private static List<String> voted(GroupingStores stores, int limit, int visible, List<String> words, double... weights) {
        return stores.mostVoted(terms(words), weights, limit, visible);
    }
}
