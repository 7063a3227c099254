package io.newsflow.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.sink.TestKafka;
import io.newsflow.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The example as run from the command line: the live events as a table or JSON lines, then a summary line. */
class EventsViewConsumerMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printsTheLiveEventsAndSkipsWhatDoesNotDecode() throws Exception {
        Topics topics = Topics.of("main-" + System.nanoTime() + "-", null, Topics.Framing.SINGLE_OBJECT);
        String events = topics.events().name();
        ExampleTopics.create(events, topics.deadLetters().name(), 2);
        try (KafkaProducer<String, NewsEvent> producer = new KafkaProducer<>(TestKafka.clientProperties(),
                topics.events().keySerde().serializer(), topics.events().valueSerde().serializer());
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(TestKafka.clientProperties(),
                     new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(events, "a", event("a", 1, "Quake hits \"the coast\""))).get();
            producer.send(new ProducerRecord<>(events, "a", event("a", 2, "Quake hits the coast, 12 dead"))).get();
            producer.send(new ProducerRecord<>(events, "b", event("b", 1, "Summit ends"))).get();
            producer.send(new ProducerRecord<>(events, "b", null)).get();
            raw.send(new ProducerRecord<>(events, "junk", "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }

        List<String> table = runMain(TestKafka.bootstrapServers(), events);
        assertThat(table).hasSize(2);
        assertThat(table.get(0)).startsWith("a ").contains("v2").contains("Quake hits the coast, 12 dead");
        assertThat(table.get(1)).isEqualTo("events live=1 skipped=1");

        List<String> json = runMain(TestKafka.bootstrapServers(), events, "--json");
        assertThat(json).hasSize(2);
        JsonNode a = JSON.readTree(json.get(0));
        assertThat(a.get("eventId").asText()).isEqualTo("a");
        assertThat(a.get("version").asLong()).isEqualTo(2);
        assertThat(a.get("firstSeenAt").asText()).isEqualTo("2026-06-01T08:00:00Z");
        assertThat(json.get(1)).isEqualTo("events live=1 skipped=1");
    }

    private static List<String> runMain(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            EventsViewConsumer.main(args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static NewsEvent event(String id, long version, String title) {
        Instant at = Instant.parse("2026-06-01T08:00:00Z");
        return NewsEvent.newBuilder().setEventId(id).setVersion(version).setFirstSeenAt(at).setLastUpdatedAt(at)
                .setTitle(title).setSummary("").setArticles(List.of()).setCountries(List.of()).setOfficials(List.of())
                .setAbsorbedEventIds(List.of()).build();
    }
}
