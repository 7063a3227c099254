package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.EventChange;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.Topics;
import io.newsflow.wire.ReleasedSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling upgrade, on a real broker and PostgreSQL: an enrich of the previous release (it writes NewsEvent
 * with the released schema v1, which has no firstPublishedAt) and one of this release share the events topic,
 * in the embedded default's single-object encoding with no registry, and this release's sink reads both.
 */
class RollingUpgradeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theNewSinkReadsSnapshotsOfTheOldAndTheNewEnrichOnOneTopic() throws Exception {
        Topics topics = new Topics("upgrade-" + System.nanoTime() + "-", null);
        TestKafka.createTopics(topics, 1);
        String jdbcUrl = TestPostgres.shared().newDatabase("upgrade");
        Schema released = ReleasedSchemas.of("NewsEvent").get(0);
        assertThat(released.getField("firstPublishedAt")).as("v1 predates firstPublishedAt").isNull();
        Instant published = Instant.parse("2016-03-01T10:00:00Z");

        try (KafkaProducer<String, byte[]> oldEnrich = TestKafka.rawProducer();
             KafkaProducer<String, NewsEvent> newEnrich = TestKafka.eventProducer(topics)) {
            oldEnrich.send(new ProducerRecord<>(topics.events().name(), "old", asReleased(released, Snapshots.event("old", 1)))).get();
            newEnrich.send(new ProducerRecord<>(topics.events().name(), "new",
                    Snapshots.builder("new", 1).setFirstPublishedAt(published).setChange(EventChange.CREATED).build())).get();
            newEnrich.send(new ProducerRecord<>(topics.events().name(), "closed",
                    Snapshots.builder("closed", 3).setChange(EventChange.CLOSED).build())).get();
            // The old enrich is still running: its next snapshot of an event the new one also updates.
            oldEnrich.send(new ProducerRecord<>(topics.events().name(), "new", asReleased(released, Snapshots.event("new", 2)))).get();
        }
        SinkConfig config = new SinkConfig(dir.resolve("jsonl"), jdbcUrl, "postgres", "", 50, Duration.ofMillis(20));
        try (SinkService sink = new SinkService(config, TestKafka.clientProperties(), topics)) {
            sink.start();
            Await.until(TIMEOUT, "both releases' snapshots are in",
                    () -> Db.versions(jdbcUrl).equals(Map.of("old", 1L, "new", 2L, "closed", 3L)));
            assertThat(sink.recordsDone()).isEqualTo(4);
        }
        assertThat(TestKafka.readAll(topics.deadLetters())).as("dead letters").isEmpty();
        // v2 of "new" came from the old release: no publication time, and the change v1 records read as.
        assertThat(Db.query(jdbcUrl, "SELECT event_id, first_published_at IS NULL, change FROM events ORDER BY event_id"))
                .containsExactly("closed|t|CLOSED", "new|t|UPDATED", "old|t|UPDATED");
    }

    /** What the previous release's enrich wrote: the snapshot in the released schema, single-object encoded. */
    private static byte[] asReleased(Schema released, NewsEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<NewsEvent>(NewsEvent.getClassSchema(), SpecificData.getForSchema(NewsEvent.getClassSchema()))
                .write(event, encoder);
        encoder.flush();
        GenericRecord old = new GenericDatumReader<GenericRecord>(NewsEvent.getClassSchema(), released)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), released).encode(old).array();
    }
}
