package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real PostgreSQL server goes away mid-stream and comes back: the sink waits, reports it, and resumes. */
class DatabaseOutageTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final TestPostgres postgres = TestPostgres.start();

    @AfterEach
    void stopPostgres() {
        postgres.close();
    }

    @Test
    void stopsReportsNotReadyAndResumesWhenTheDatabaseReturns() throws Exception {
        Topics topics = new Topics("outage-" + System.nanoTime() + "-", null);
        TestKafka.createTopics(topics, 2);
        String jdbcUrl = postgres.newDatabase("outage");
        SinkConfig config = new SinkConfig(null, jdbcUrl, "postgres", "", 20, Duration.ofMillis(10));
        Map<String, Long> expected = new TreeMap<>();

        try (SinkService sink = new SinkService(config, TestKafka.clientProperties(), topics);
             KafkaProducer<String, NewsEvent> producer = TestKafka.eventProducer(topics)) {
            sink.start();
            produce(producer, topics, expected, 0, 100);
            Await.until(TIMEOUT, "the first snapshots are in", () -> Db.versions(jdbcUrl).equals(expected));
            assertThat(sink.healthy()).isTrue();

            postgres.stopServer();
            produce(producer, topics, expected, 100, 200);
            Await.until(TIMEOUT, "the sink reports not ready", () -> !sink.healthy());
            long doneWhileDown = sink.recordsDone();
            assertThat(doneWhileDown).isLessThan(200);

            postgres.startServer();
            produce(producer, topics, expected, 200, 300);
            Await.until(TIMEOUT, "every snapshot is in after the database returned",
                    () -> Db.versions(jdbcUrl).equals(expected));
            Await.until(TIMEOUT, "the sink reports ready again", sink::healthy);
            assertThat(Db.query(jdbcUrl, "SELECT sum(next_offset) FROM sink_offsets")).containsExactly("300");
        }
    }

    /** A stop must not wait for the database: writers retrying and a reader waiting to hand them batches end. */
    @Test
    void stopsPromptlyWhileTheDatabaseIsDown() throws Exception {
        Topics topics = new Topics("outage-stop-" + System.nanoTime() + "-", null);
        TestKafka.createTopics(topics, 2);
        String jdbcUrl = postgres.newDatabase("outage_stop");
        SinkConfig config = new SinkConfig(null, jdbcUrl, "postgres", "", 20, Duration.ofMillis(10));
        Map<String, Long> expected = new TreeMap<>();
        SinkService sink = new SinkService(config, TestKafka.clientProperties(), topics);
        try (KafkaProducer<String, NewsEvent> producer = TestKafka.eventProducer(topics)) {
            sink.start();
            produce(producer, topics, expected, 0, 40);
            Await.until(TIMEOUT, "the first snapshots are in", () -> Db.versions(jdbcUrl).equals(expected));
            postgres.stopServer();
            // More than the writers can hold: the reader ends up waiting to hand a batch over.
            produce(producer, topics, expected, 40, 400);
            Await.until(TIMEOUT, "the sink reports not ready", () -> !sink.healthy());
        } finally {
            long start = System.nanoTime();
            sink.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
        assertThat(sink.recordsDone()).isLessThan(400);
    }

    /** Events i..end-1; each second record is a newer version of an earlier event. */
    private static void produce(KafkaProducer<String, NewsEvent> producer, Topics topics,
                                Map<String, Long> expected, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            String id = "e" + (i % 2 == 0 ? i : i / 4);
            long version = expected.getOrDefault(id, 0L) + 1;
            expected.put(id, version);
            producer.send(new ProducerRecord<>(topics.events().name(), id, Snapshots.event(id, version)));
        }
        producer.flush();
    }
}
