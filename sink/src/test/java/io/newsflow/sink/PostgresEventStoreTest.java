package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.sink.changes.ChangeBatch;
import io.newsflow.sink.changes.RecordOrigin;
import io.newsflow.sink.changes.Rejection;
import io.newsflow.sink.postgres.PostgresEventStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL writer against a real server: version guard, children, merges, tombstones, rejections. */
class PostgresEventStoreTest {

    private static final String TOPIC = "events";

    private String jdbcUrl;
    private PostgresEventStore store;
    private final List<Rejection> deadLetters = new ArrayList<>();
    private long offset;

    @BeforeEach
    void migrate() {
        jdbcUrl = TestPostgres.shared().newDatabase("store");
        assertThat(SinkMigrations.migrate(jdbcUrl, "postgres", "")).isGreaterThan(0);
        assertThat(SinkMigrations.migrate(jdbcUrl, "postgres", "")).isZero();
        store = new PostgresEventStore(jdbcUrl, "postgres", "");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void writesEventWithItsArticlesCountriesAndOfficialsAndSnapshot() throws Exception {
        write(snapshot(Snapshots.event("e1", 3)));

        assertThat(query("SELECT version, title, article_count, event_date IS NULL, first_seen_at = "
                + "timestamptz '2026-06-01 08:00:00Z', last_updated_at = timestamptz '2026-06-01 08:03:00Z' "
                + "FROM events")).containsExactly("3|Event e1 v3|3|t|t|t");
        assertThat(query("SELECT article_id, url, published_at IS NOT NULL FROM event_articles ORDER BY position"))
                .containsExactly("e1-a0|https://news.example/e1/0|t", "e1-a1|null|f", "e1-a2|https://news.example/e1/2|t");
        assertThat(query("SELECT code, mentions, in_title_or_lead FROM event_countries ORDER BY position"))
                .containsExactly("KR|3|t", "CN|1|f");
        assertThat(query("SELECT official_key, role, country FROM event_officials"))
                .containsExactly("kim hong kyun|vice foreign minister|KR");
        assertThat(query("SELECT snapshot->>'eventId', snapshot->>'firstSeenAt', "
                + "jsonb_array_length(snapshot->'articles') FROM events"))
                .containsExactly("e1|2026-06-01T08:00:00Z|3");
        assertThat(query("SELECT partition, next_offset FROM sink_offsets WHERE topic = 'events'"))
                .containsExactly("0|" + offset);
    }

    @Test
    void neverLetsAnOlderSnapshotOverwriteANewerOne() throws Exception {
        write(snapshot(Snapshots.event("e1", 5)));
        write(snapshot(Snapshots.event("e1", 3)));
        write(snapshot(Snapshots.event("e1", 5)));

        assertThat(query("SELECT version, article_count FROM events")).containsExactly("5|5");
        assertThat(query("SELECT count(*) FROM event_articles")).containsExactly("5");

        write(snapshot(Snapshots.event("e1", 6)));
        assertThat(query("SELECT version, article_count FROM events")).containsExactly("6|6");
        assertThat(query("SELECT count(*) FROM event_articles")).containsExactly("6");
    }

    @Test
    void newerSnapshotLeavesExactlyItsOwnChildRows() throws Exception {
        write(snapshot(Snapshots.event("e1", 4)));
        NewsEvent.Builder newer = Snapshots.builder("e1", 5);
        List<EventArticle> articles = new ArrayList<>(newer.getArticles().subList(1, 3));
        articles.set(1, EventArticle.newBuilder(articles.get(1)).setCopyOf("e1-a1").setScore(0.5).build());
        write(snapshot(newer.setArticles(articles)
                .setCountries(List.of(CountryTag.newBuilder().setCode("JP").setName("Japan").setMentions(4).build()))
                .setOfficials(List.of()).build()));

        assertThat(query("SELECT position, article_id, score, copy_of FROM event_articles ORDER BY position"))
                .containsExactly("0|e1-a1|0.8|null", "1|e1-a2|0.5|e1-a1");
        assertThat(query("SELECT position, code, mentions, in_title_or_lead FROM event_countries"))
                .containsExactly("0|JP|4|f");
        assertThat(query("SELECT count(*) FROM event_officials")).containsExactly("0");

        // An older snapshot changes nothing, children included; a newer one with more rows adds them.
        write(snapshot(Snapshots.event("e1", 4)));
        assertThat(query("SELECT count(*) FROM event_articles")).containsExactly("2");
        write(snapshot(Snapshots.event("e1", 6)));
        assertThat(query("SELECT string_agg(article_id, ',' ORDER BY position) FROM event_articles"))
                .containsExactly("e1-a0,e1-a1,e1-a2,e1-a3,e1-a4,e1-a5");
        assertThat(query("SELECT string_agg(code || mentions, ',' ORDER BY position) FROM event_countries"))
                .containsExactly("KR3,CN1");
        assertThat(query("SELECT count(*) FROM event_officials")).containsExactly("1");
    }

    @Test
    void keepsTheNewestVersionWithinOneBatch() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(origin(), Snapshots.event("e1", 4));
        batch.addSnapshot(origin(), Snapshots.event("e1", 2));
        batch.addSnapshot(origin(), Snapshots.event("e2", 1));
        write(batch);

        assertThat(query("SELECT event_id, version FROM events ORDER BY event_id")).containsExactly("e1|4", "e2|1");
    }

    @Test
    void tombstoneDeletesTheEventAndItsRows() throws Exception {
        write(snapshot(Snapshots.event("e1", 2)));
        ChangeBatch batch = new ChangeBatch();
        batch.addTombstone(origin(), "e1");
        write(batch);

        assertThat(query("SELECT count(*) FROM events")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM event_articles")).containsExactly("0");
    }

    @Test
    void mergedAwayEventIsRemovedAndNeverComesBackWhateverTheOrder() throws Exception {
        write(snapshot(Snapshots.event("x", 2)));
        write(snapshot(Snapshots.builder("s", 4).setAbsorbedEventIds(List.of("x")).build()));
        // A late snapshot of the absorbed event (another partition may lag behind) must not revive it.
        write(snapshot(Snapshots.event("x", 3)));
        ChangeBatch tombstone = new ChangeBatch();
        tombstone.addTombstone(origin(), "x");
        write(tombstone);

        assertThat(query("SELECT event_id, version FROM events")).containsExactly("s|4");
        assertThat(query("SELECT absorbed_event_id, survivor_event_id FROM event_merges")).containsExactly("x|s");
        assertThat(query("SELECT count(DISTINCT event_id) FROM event_countries WHERE code = 'KR'"))
                .containsExactly("1");
    }

    @Test
    void tombstoneBeforeSurvivorEndsTheSame() throws Exception {
        write(snapshot(Snapshots.event("x", 2)));
        ChangeBatch tombstone = new ChangeBatch();
        tombstone.addTombstone(origin(), "x");
        write(tombstone);
        write(snapshot(Snapshots.builder("s", 4).setAbsorbedEventIds(List.of("x")).build()));

        assertThat(query("SELECT event_id FROM events")).containsExactly("s");
        assertThat(query("SELECT absorbed_event_id, survivor_event_id FROM event_merges")).containsExactly("x|s");
    }

    /**
     * Two writers (partitions) at once: one inserts new events while the other's survivors absorb them. Without a
     * lock neither sees the other's uncommitted rows, so an absorbed event could stay next to its survivor.
     */
    @Test
    void concurrentWritersNeverLeaveAnAbsorbedEventBehind() throws Exception {
        int rounds = 60;
        int pairs = 20;
        CyclicBarrier start = new CyclicBarrier(2);
        try (PostgresEventStore absorbedWriter = new PostgresEventStore(jdbcUrl, "postgres", "");
             PostgresEventStore survivorWriter = new PostgresEventStore(jdbcUrl, "postgres", "")) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < rounds; round++) {
                    ChangeBatch absorbed = new ChangeBatch();
                    ChangeBatch survivors = new ChangeBatch();
                    for (int i = 0; i < pairs; i++) {
                        String x = "x-" + round + "-" + i;
                        absorbed.addSnapshot(new RecordOrigin(TOPIC, 1, round * pairs + i, null),
                                Snapshots.event(x, 1));
                        survivors.addSnapshot(new RecordOrigin(TOPIC, 0, round * pairs + i, null),
                                Snapshots.builder("s-" + round + "-" + i, 2).setAbsorbedEventIds(List.of(x)).build());
                    }
                    Future<?> one = threads.submit(() -> writeAtOnce(start, absorbedWriter, absorbed));
                    Future<?> other = threads.submit(() -> writeAtOnce(start, survivorWriter, survivors));
                    one.get(60, TimeUnit.SECONDS);
                    other.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
        }

        assertThat(query("SELECT count(*) FROM events WHERE event_id LIKE 'x-%'")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM event_articles WHERE event_id LIKE 'x-%'")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM events WHERE event_id LIKE 's-%'"))
                .containsExactly(String.valueOf(rounds * pairs));
        assertThat(query("SELECT count(*) FROM event_merges")).containsExactly(String.valueOf(rounds * pairs));
        assertThat(store.readOffsets(TOPIC)).isEqualTo(Map.of(new TopicPartition(TOPIC, 0), (long) rounds * pairs,
                new TopicPartition(TOPIC, 1), (long) rounds * pairs));
    }

    /**
     * The absorbed event's writer updates it (adds an article) while the survivor's writer absorbs it. A plain
     * connection holds an uncommitted row the update needs, so the update is paused after its UPDATE of events:
     * without a lock on the id the merge deleted the child rows it could see, waited for the events row, and the
     * update's new article row stayed behind for good.
     */
    @Test
    void anUpdateRacingTheMergeOfItsEventLeavesNoRowBehind() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (PostgresEventStore absorbedWriter = new PostgresEventStore(jdbcUrl, "postgres", "");
             PostgresEventStore survivorWriter = new PostgresEventStore(jdbcUrl, "postgres", "");
             Connection blocker = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            writeOne(absorbedWriter, 1, 0, Snapshots.event("x", 1));
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("INSERT INTO event_articles (event_id, position, article_id, source, title, score)"
                        + " VALUES ('x', 1, 'b', 'b', 'b', 0)");
            }
            Future<?> update = threads.submit(() -> writeOne(absorbedWriter, 1, 1, Snapshots.event("x", 2)));
            awaitLockWaits(1);
            Future<?> merge = threads.submit(() -> writeOne(survivorWriter, 0, 0,
                    Snapshots.builder("s", 1).setAbsorbedEventIds(List.of("x")).build()));
            awaitLockWaits(2);
            blocker.rollback();
            update.get(30, TimeUnit.SECONDS);
            merge.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(query("SELECT count(*) FROM events WHERE event_id = 'x'")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM event_articles WHERE event_id = 'x'")).containsExactly("0");
        assertThat(query("SELECT event_id FROM events")).containsExactly("s");
    }

    /**
     * One writer updates x and z and inserts y while another's survivor absorbs x and y. Locks taken in two steps
     * (ids absorbed, then ids inserted) with row locks between them made a cycle that PostgreSQL broke as a deadlock.
     */
    @Test
    void anUpdateAndAnInsertRacingOneMergeDoNotDeadlock() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (PostgresEventStore oneWriter = new PostgresEventStore(jdbcUrl, "postgres", "");
             PostgresEventStore survivorWriter = new PostgresEventStore(jdbcUrl, "postgres", "");
             Connection blocker = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            ChangeBatch first = new ChangeBatch();
            first.addSnapshot(new RecordOrigin(TOPIC, 1, 0, null), Snapshots.event("x", 1));
            first.addSnapshot(new RecordOrigin(TOPIC, 1, 1, null), Snapshots.event("z", 1));
            oneWriter.write(first.changes(), first.nextOffsets(), deadLetters::addAll);
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("SELECT * FROM events WHERE event_id = 'z' FOR UPDATE");
            }
            ChangeBatch second = new ChangeBatch();
            second.addSnapshot(new RecordOrigin(TOPIC, 1, 2, null), Snapshots.event("x", 2));
            second.addSnapshot(new RecordOrigin(TOPIC, 1, 3, null), Snapshots.event("z", 2));
            second.addSnapshot(new RecordOrigin(TOPIC, 1, 4, null), Snapshots.event("y", 1));
            Future<?> updates = threads.submit(() -> {
                oneWriter.write(second.changes(), second.nextOffsets(), deadLetters::addAll);
                return null;
            });
            awaitLockWaits(1);
            Future<?> merge = threads.submit(() -> writeOne(survivorWriter, 0, 0,
                    Snapshots.builder("s", 1).setAbsorbedEventIds(List.of("x", "y")).build()));
            awaitLockWaits(2);
            blocker.commit();
            updates.get(30, TimeUnit.SECONDS);
            merge.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(query("SELECT event_id FROM events ORDER BY event_id")).containsExactly("s", "z");
        assertThat(query("SELECT count(*) FROM event_articles WHERE event_id IN ('x', 'y')")).containsExactly("0");
        assertThat(deadLetters).isEmpty();
    }

    private static Void writeOne(PostgresEventStore writer, int partition, long offset, NewsEvent event)
            throws Exception {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(new RecordOrigin(TOPIC, partition, offset, null), event);
        writer.write(batch.changes(), batch.nextOffsets(), rejected -> assertThat(rejected).isEmpty());
        return null;
    }

    /** Waits until that many of the sink's connections wait for a lock. */
    private void awaitLockWaits(int count) {
        Await.until(Duration.ofSeconds(20), count + " sink connections waiting for a lock", () -> Integer.parseInt(
                query("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND application_name = 'newsflow-sink' AND datname = current_database()").get(0))
                >= count);
    }

    private static Void writeAtOnce(CyclicBarrier start, PostgresEventStore writer, ChangeBatch batch)
            throws Exception {
        start.await(30, TimeUnit.SECONDS);
        writer.write(batch.changes(), batch.nextOffsets(), rejected -> assertThat(rejected).isEmpty());
        return null;
    }

    @Test
    void refusedContentGoesToDeadLettersAndTheRestOfTheBatchIsWritten() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(origin(), Snapshots.event("ok1", 1));
        RecordOrigin tooLongOrigin = origin();
        batch.addSnapshot(tooLongOrigin, Snapshots.builder("long", 1).setTitle("T".repeat(5000)).build());
        RecordOrigin nulOrigin = origin();
        batch.addSnapshot(nulOrigin, Snapshots.builder("nul", 1).setSummary("bad \u0000 byte").build());
        batch.addSnapshot(origin(), Snapshots.event("ok2", 2));
        PostgresEventStore.WriteResult result = write(batch);

        assertThat(result.written()).isEqualTo(2);
        assertThat(query("SELECT event_id FROM events ORDER BY event_id")).containsExactly("ok1", "ok2");
        assertThat(deadLetters).extracting(Rejection::origin).containsExactly(tooLongOrigin, nulOrigin);
        assertThat(deadLetters.get(0).errorClass()).isEqualTo("sqlstate-22001");
        assertThat(deadLetters.get(0).reason()).contains("event long version 1").contains("too long");
        assertThat(deadLetters.get(1).errorClass()).startsWith("sqlstate-22");
        assertThat(query("SELECT next_offset FROM sink_offsets")).containsExactly(String.valueOf(offset));
    }

    @Test
    void failedDeadLetterDeliveryRollsBackRowsAndOffsets() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(origin(), Snapshots.event("ok", 1));
        batch.addSnapshot(origin(), Snapshots.builder("long", 1).setTitle("T".repeat(5000)).build());
        try {
            store.write(batch.changes(), batch.nextOffsets(), rejected -> {
                throw new IllegalStateException("broker unreachable");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("broker unreachable");
        }
        assertThat(query("SELECT count(*) FROM events")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM sink_offsets")).containsExactly("0");
    }

    @Test
    void readsBackTheOffsetsItStored() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(new RecordOrigin(TOPIC, 0, 41, null), Snapshots.event("a", 1));
        batch.addSnapshot(new RecordOrigin(TOPIC, 2, 7, null), Snapshots.event("b", 1));
        store.write(batch.changes(), batch.nextOffsets(), deadLetters::addAll);

        assertThat(store.readOffsets(TOPIC)).isEqualTo(Map.of(new TopicPartition(TOPIC, 0), 42L,
                new TopicPartition(TOPIC, 2), 8L));
        assertThat(store.readOffsets("other")).isEmpty();
    }

    private ChangeBatch snapshot(NewsEvent event) {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(origin(), event);
        return batch;
    }

    private RecordOrigin origin() {
        return new RecordOrigin(TOPIC, 0, offset++, new byte[] {1, 2, 3});
    }

    private PostgresEventStore.WriteResult write(ChangeBatch batch) throws Exception {
        return store.write(batch.changes(), batch.nextOffsets(), deadLetters::addAll);
    }

    private List<String> query(String sql) throws SQLException {
        return Db.query(jdbcUrl, sql);
    }
}
