package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.Topics;
import java.io.File;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly once under crashes: the sink runs as a real child JVM and is killed with SIGKILL many times while it
 * writes, each time while a database transaction of it is open when we can catch one; at the end the table must
 * equal the topic: no event missing, none twice, every version the latest, and the child rows of that version.
 */
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int KILLS = 10;
    private static final int RECORDS_PER_ROUND = 400;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void tableEqualsTopicAfterManyKillsMidBatch() throws Exception {
        String prefix = "crash-" + System.nanoTime() + "-";
        Topics topics = new Topics(prefix, null);
        TestKafka.createTopics(topics, 3);
        String jdbcUrl = TestPostgres.shared().newDatabase("crash");
        SinkMigrations.migrate(jdbcUrl, "postgres", "");
        Path jsonl = dir.resolve("jsonl");
        EventStream stream = new EventStream(topics.events().name(), 7);
        long produced = 0;
        int killsMidTransaction = 0;

        try (KafkaProducer<String, NewsEvent> producer = TestKafka.eventProducer(topics)) {
            for (int round = 1; round <= KILLS; round++) {
                produced += produce(producer, stream, RECORDS_PER_ROUND);
                long before = storedOffsetSum(jdbcUrl);
                long producedSoFar = produced;
                Process sink = startSink(prefix, jdbcUrl, jsonl, round);
                try {
                    // Let it commit a few batches first, so that kills land at varied points of the stream.
                    long progress = 50L * (1 + round % 4);
                    Await.until(TIMEOUT, "the sink makes progress in round " + round,
                            () -> storedOffsetSum(jdbcUrl) >= Math.min(before + progress, producedSoFar));
                    boolean midTransaction = awaitOpenTransaction(jdbcUrl);
                    sink.destroyForcibly(); // SIGKILL
                    assertThat(sink.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    if (midTransaction) {
                        killsMidTransaction++;
                    }
                    log.info("Round {}: killed the sink at {} of {} records (transaction open: {})", round,
                            storedOffsetSum(jdbcUrl), produced, midTransaction);
                } finally {
                    sink.destroyForcibly();
                }
            }
        }
        assertThat(killsMidTransaction).as("kills that hit an open transaction").isGreaterThanOrEqualTo(KILLS / 3);

        long total = produced;
        Process sink = startSink(prefix, jdbcUrl, jsonl, KILLS + 1);
        try {
            Await.until(TIMEOUT, "the last run reads the topic to its end", () -> storedOffsetSum(jdbcUrl) == total);
            sink.destroy(); // SIGTERM: a clean stop publishes the last file
            assertThat(sink.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            sink.destroyForcibly();
        }
        assertThat(SinkServiceTest.inProgressFiles(jsonl)).isEmpty();

        List<ConsumerRecord<String, NewsEvent>> topic = TestKafka.readAll(topics.events());
        assertThat(topic).hasSize((int) total);
        Map<String, Long> expected = TopicState.expectedVersions(topic);
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(Db.versions(jdbcUrl)).isEqualTo(expected);
        // Child rows belong to the stored version, once each (version n carries min(n, 40) articles).
        assertThat(Db.query(jdbcUrl, """
                SELECT e.event_id FROM events e
                WHERE e.article_count <> least(e.version, 40)
                   OR (SELECT count(*) FROM event_countries c WHERE c.event_id = e.event_id) <> 2
                   OR (SELECT count(*) FROM event_officials o WHERE o.event_id = e.event_id) <> 1
                   OR (e.snapshot->>'version')::bigint <> e.version""")).isEmpty();

        // Files: killed mid-write many times, yet every published line is whole and every record is there.
        List<JsonNode> lines = SinkServiceTest.readJsonl(jsonl);
        Set<String> seen = new HashSet<>();
        for (JsonNode line : lines) {
            seen.add(line.get("eventId").asText() + "@" + (line.path("tombstone").asBoolean()
                    ? "tombstone" : line.get("version").asText()));
        }
        Set<String> wanted = new HashSet<>();
        for (ConsumerRecord<String, NewsEvent> record : topic) {
            wanted.add(record.key() + "@" + (record.value() == null ? "tombstone" : record.value().getVersion()));
        }
        assertThat(seen).containsAll(wanted);
    }

    private static long produce(KafkaProducer<String, NewsEvent> producer, EventStream stream, int count) {
        List<ProducerRecord<String, NewsEvent>> records = stream.next(count);
        records.forEach(producer::send);
        producer.flush();
        return records.size();
    }

    /** Waits briefly for the child to be inside a transaction, so that the kill lands mid-batch. */
    private static boolean awaitOpenTransaction(String jdbcUrl) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                List<String> open = Db.query(jdbcUrl, "SELECT count(*) FROM pg_stat_activity "
                        + "WHERE application_name = 'newsflow-sink' AND xact_start IS NOT NULL "
                        + "AND query NOT LIKE 'SELECT partition, next_offset%'");
                if (!open.get(0).equals("0")) {
                    return true;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    private static long storedOffsetSum(String jdbcUrl) throws SQLException {
        String sum = Db.query(jdbcUrl, "SELECT coalesce(sum(next_offset), 0) FROM sink_offsets").get(0);
        return Long.parseLong(sum);
    }

    private Process startSink(String prefix, String jdbcUrl, Path jsonl, int round) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsflow",
                "-cp", classpath,
                SinkProcessMain.class.getName(),
                TestKafka.bootstrapServers(), prefix, jdbcUrl, jsonl.toString(), "50"));
        File logFile = dir.resolve("sink-" + round + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile)).start();
    }
}
