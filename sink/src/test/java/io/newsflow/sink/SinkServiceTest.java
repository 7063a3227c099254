package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.sink.files.JsonlFiles;
import io.newsflow.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole sink against a real Kafka broker and a real PostgreSQL server. */
class SinkServiceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesSnapshotsToPostgresAndFilesAndResumesFromTheStoredOffsets() throws Exception {
        Topics topics = new Topics("svc-" + System.nanoTime() + "-", null);
        TestKafka.createTopics(topics, 3);
        String jdbcUrl = TestPostgres.shared().newDatabase("service");
        Path jsonl = dir.resolve("jsonl");
        SinkConfig config = new SinkConfig(jsonl, jdbcUrl, "postgres", "", 50, Duration.ofMillis(50));

        try (KafkaProducer<String, NewsEvent> producer = TestKafka.eventProducer(topics)) {
            for (long version = 1; version <= 3; version++) {
                for (String id : List.of("a", "b", "c", "x")) {
                    send(producer, topics, Snapshots.event(id, version));
                }
            }
            send(producer, topics, Snapshots.event("a", 2)); // late, older: must not win
            send(producer, topics, Snapshots.builder("c", 4).setAbsorbedEventIds(List.of("x")).build());
            producer.send(new ProducerRecord<>(topics.events().name(), "x", null)).get();
        }
        // c's articles on their own topic: the full membership, which the table follows
        try (KafkaProducer<String, EventMember> members = TestKafka.memberProducer(topics)) {
            for (EventMember member : Snapshots.members(Snapshots.event("c", 4))) {
                members.send(new ProducerRecord<>(topics.eventArticles().name(), member.getArticleId(), member)).get();
            }
        }
        try (SinkService sink = new SinkService(config, TestKafka.clientProperties(), topics)) {
            sink.start();
            Await.until(TIMEOUT, "the table holds the latest versions",
                    () -> Db.versions(jdbcUrl).equals(Map.of("a", 3L, "b", 3L, "c", 4L)));
            Await.until(TIMEOUT, "the sink is healthy", sink::healthy);
            Await.until(TIMEOUT, "the articles are in", () -> sink.recordsDone() == 19);
        }
        assertThat(Db.query(jdbcUrl, "SELECT absorbed_event_id, survivor_event_id FROM event_merges"))
                .containsExactly("x|c");
        assertThat(Db.query(jdbcUrl, "SELECT count(*) FROM event_articles WHERE event_id = 'c'"))
                .containsExactly("4");

        // Files: every record once, as whole lines, nothing left in progress after a clean stop.
        List<JsonNode> lines = readJsonl(jsonl);
        assertThat(lines).hasSize(15);
        assertThat(lines).filteredOn(l -> l.path("tombstone").asBoolean()).extracting(l -> l.get("eventId").asText())
                .containsExactly("x");
        JsonNode c4 = lines.stream().filter(l -> l.path("eventId").asText().equals("c")
                && l.path("version").asLong() == 4).findFirst().orElseThrow();
        assertThat(c4.get("firstSeenAt").asText()).isEqualTo("2026-06-01T08:00:00Z");
        assertThat(c4.get("absorbedEventIds").get(0).asText()).isEqualTo("x");
        assertThat(inProgressFiles(jsonl)).isEmpty();

        // A second run starts where the database says the first one stopped: only new records are read.
        try (KafkaProducer<String, NewsEvent> producer = TestKafka.eventProducer(topics)) {
            send(producer, topics, Snapshots.event("b", 7));
            send(producer, topics, Snapshots.event("d", 1));
        }
        try (SinkService sink = new SinkService(config, TestKafka.clientProperties(), topics)) {
            sink.start();
            Await.until(TIMEOUT, "the new snapshots are in",
                    () -> Db.versions(jdbcUrl).equals(Map.of("a", 3L, "b", 7L, "c", 4L, "d", 1L)));
            Await.until(TIMEOUT, "the second run counted its records", () -> sink.recordsDone() == 2);
        }
        assertThat(readJsonl(jsonl)).hasSize(17);
        assertThat(Db.query(jdbcUrl, "SELECT sum(next_offset) FROM sink_offsets")).containsExactly("21");
        assertThat(readJsonl(jsonl.resolve(SinkService.EVENT_ARTICLES_DIR))).extracting(l -> l.get("eventId").asText())
                .containsExactly("c", "c", "c", "c");
        // The group's offsets are a copy of PostgreSQL's, for lag tools (the sink never reads them back).
        try (Admin admin = Admin.create(TestKafka.clientProperties())) {
            long copied = admin.listConsumerGroupOffsets(SinkService.DEFAULT_GROUP_ID).partitionsToOffsetAndMetadata().get()
                    .entrySet().stream().filter(e -> e.getKey().topic().equals(topics.events().name()))
                    .mapToLong(e -> e.getValue().offset()).sum();
            assertThat(copied).isEqualTo(17);
        }
    }

    @Test
    void sendsUndecodableAndRefusedRecordsToDeadLettersAndGoesOn() throws Exception {
        Topics topics = new Topics("dl-" + System.nanoTime() + "-", null);
        TestKafka.createTopics(topics, 1);
        String jdbcUrl = TestPostgres.shared().newDatabase("deadletters");
        SinkConfig config = new SinkConfig(null, jdbcUrl, "postgres", "", 100, Duration.ofMillis(20));

        try (KafkaProducer<String, NewsEvent> producer = TestKafka.eventProducer(topics);
             KafkaProducer<String, byte[]> raw = TestKafka.rawProducer()) {
            send(producer, topics, Snapshots.event("before", 1));
            raw.send(new ProducerRecord<>(topics.events().name(), "garbage",
                    "not avro".getBytes(StandardCharsets.UTF_8))).get();
            send(producer, topics, Snapshots.builder("huge", 1).setTitle("T".repeat(1001)).build());
            send(producer, topics, Snapshots.event("after", 2));
        }
        try (SinkService sink = new SinkService(config, TestKafka.clientProperties(), topics)) {
            sink.start();
            Await.until(TIMEOUT, "the good snapshots are in",
                    () -> Db.versions(jdbcUrl).equals(Map.of("before", 1L, "after", 2L)));
            Await.until(TIMEOUT, "two dead letters are out",
                    () -> TestKafka.readAll(topics.deadLetters()).size() == 2);
            assertThat(sink.healthy()).isTrue();
        }
        List<ConsumerRecord<String, DeadLetter>> letters = TestKafka.readAll(topics.deadLetters());
        DeadLetter garbage = letters.get(0).value();
        assertThat(garbage.getStage()).isEqualTo("sink");
        assertThat(garbage.getOrigin()).isEqualTo(topics.events().name() + "/0/1");
        assertThat(garbage.getOriginalBytes().array()).isEqualTo("not avro".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.getMessage()).contains("does not decode");
        DeadLetter huge = letters.get(1).value();
        assertThat(huge.getErrorClass()).isEqualTo("sqlstate-22001");
        assertThat(huge.getMessage()).contains("event huge version 1").contains("too long");
        assertThat(huge.getOrigin()).isEqualTo(topics.events().name() + "/0/2");
        NewsEvent original = topics.events().valueSerde().deserializer().deserialize(topics.events().name(),
                huge.getOriginalBytes().array());
        assertThat(original.getEventId()).isEqualTo("huge");
        assertThat(Db.query(jdbcUrl, "SELECT next_offset FROM sink_offsets")).containsExactly("4");
    }

    @Test
    void filesOnlyWritesEveryRecordAndCommitsToKafka() throws Exception {
        Topics topics = new Topics("files-" + System.nanoTime() + "-", null);
        TestKafka.createTopics(topics, 2);
        Path jsonl = dir.resolve("only-files");
        SinkConfig config = new SinkConfig(jsonl, null, null, null, 10, Duration.ofMillis(20), 2_000,
                Duration.ofMinutes(10));
        Map<String, Object> kafka = new java.util.HashMap<>(TestKafka.clientProperties());
        kafka.put("group.id", "files-only-" + System.nanoTime());

        try (KafkaProducer<String, NewsEvent> producer = TestKafka.eventProducer(topics)) {
            for (int i = 0; i < 30; i++) {
                send(producer, topics, Snapshots.event("e" + i, 1));
            }
        }
        try (SinkService sink = new SinkService(config, kafka, topics)) {
            sink.start();
            Await.until(TIMEOUT, "all records are written", () -> sink.recordsDone() == 30);
            // Files rotate by size while the sink runs: some are already published.
            assertThat(publishedFiles(jsonl).size()).isGreaterThan(1);
            assertThat(sink.healthy()).isTrue();
        }
        assertThat(readJsonl(jsonl)).extracting(l -> l.get("eventId").asText()).hasSize(30).doesNotHaveDuplicates();
        try (Admin admin = Admin.create(TestKafka.clientProperties())) {
            long committed = admin.listConsumerGroupOffsets((String) kafka.get("group.id"))
                    .partitionsToOffsetAndMetadata().get().values().stream().mapToLong(o -> o.offset()).sum();
            assertThat(committed).isEqualTo(30);
        }
    }

    private static void send(KafkaProducer<String, NewsEvent> producer, Topics topics, NewsEvent event)
            throws Exception {
        producer.send(new ProducerRecord<>(topics.events().name(), event.getEventId(), event)).get();
    }

    static List<JsonNode> readJsonl(Path dir) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (Path file : publishedFiles(dir)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    static List<Path> publishedFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(JsonlFiles.SUFFIX)).sorted().toList();
        }
    }

    static List<Path> inProgressFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(JsonlFiles.IN_PROGRESS_SUFFIX)).toList();
        }
    }
}
