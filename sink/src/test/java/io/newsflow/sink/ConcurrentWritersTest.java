package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.CountryTag;
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

/**
 * Several writers on one database at once, as the sink runs them (one per share of the partitions): a merge is
 * the only change that reaches across writers, and these races must neither leave an absorbed event behind nor
 * deadlock. A plain connection holding a row lock pauses a writer at a chosen statement.
 */
class ConcurrentWritersTest {

    private static final String TOPIC = "events";

    private String jdbcUrl;
    private PostgresEventStore store;
    private final List<Rejection> deadLetters = new ArrayList<>();

    @BeforeEach
    void migrate() {
        jdbcUrl = TestPostgres.shared().newDatabase("writers");
        SinkMigrations.migrate(jdbcUrl, "postgres", "");
        store = new PostgresEventStore(jdbcUrl, "postgres", "");
    }

    @AfterEach
    void close() {
        store.close();
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
        assertThat(query("SELECT count(*) FROM event_countries WHERE event_id LIKE 'x-%'")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM events WHERE event_id LIKE 's-%'"))
                .containsExactly(String.valueOf(rounds * pairs));
        assertThat(query("SELECT count(*) FROM event_merges")).containsExactly(String.valueOf(rounds * pairs));
        assertThat(store.readOffsets(TOPIC)).isEqualTo(Map.of(new TopicPartition(TOPIC, 0), (long) rounds * pairs,
                new TopicPartition(TOPIC, 1), (long) rounds * pairs));
    }

    /**
     * The absorbed event's writer updates it (adds a country) while the survivor's writer absorbs it. A plain
     * connection holds an uncommitted row the update needs, so the update is paused after its UPDATE of events:
     * without a lock on the id the merge deleted the child rows it could see, waited for the events row, and the
     * update's new country row stayed behind for good.
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
                s.execute("INSERT INTO event_countries (event_id, position, code, name, mentions, in_title_or_lead)"
                        + " VALUES ('x', 2, 'JP', 'Japan', 1, false)");
            }
            NewsEvent.Builder x2 = Snapshots.builder("x", 2);
            List<CountryTag> countries = new ArrayList<>(x2.getCountries());
            countries.add(CountryTag.newBuilder().setCode("JP").setName("Japan").setMentions(1).build());
            Future<?> update = threads.submit(() -> writeOne(absorbedWriter, 1, 1, x2.setCountries(countries).build()));
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
        assertThat(query("SELECT count(*) FROM event_countries WHERE event_id = 'x'")).containsExactly("0");
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
            oneWriter.write(first.changes(), first.memberChanges(), first.nextOffsets(), deadLetters::addAll);
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("SELECT * FROM events WHERE event_id = 'z' FOR UPDATE");
            }
            ChangeBatch second = new ChangeBatch();
            second.addSnapshot(new RecordOrigin(TOPIC, 1, 2, null), Snapshots.event("x", 2));
            second.addSnapshot(new RecordOrigin(TOPIC, 1, 3, null), Snapshots.event("z", 2));
            second.addSnapshot(new RecordOrigin(TOPIC, 1, 4, null), Snapshots.event("y", 1));
            Future<?> updates = threads.submit(() -> {
                oneWriter.write(second.changes(), second.memberChanges(), second.nextOffsets(), deadLetters::addAll);
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
        writer.write(batch.changes(), batch.memberChanges(), batch.nextOffsets(), rejected -> assertThat(rejected).isEmpty());
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
        writer.write(batch.changes(), batch.memberChanges(), batch.nextOffsets(), rejected -> assertThat(rejected).isEmpty());
        return null;
    }

    private List<String> query(String sql) throws SQLException {
        return Db.query(jdbcUrl, sql);
    }
}
