package io.newsflow.examples;

import io.newsflow.schemas.EventChange;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkService;
import io.newsflow.sink.TestKafka;
import io.newsflow.sink.TestPostgres;
import io.newsflow.topics.Topics;
import io.newsflow.wire.RegistryStandIn;
import io.newsflow.wire.SchemaRegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example consumer and the real sink read the same {@code events} and {@code event-articles} topics, written
 * in transactions as enrich writes them: the example's live events and its articles' events must be the sink's
 * rows in PostgreSQL, in both framings.
 */
class EventsViewMatchesSinkTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void singleObjectEncoding() throws Exception {
        Topics topics = Topics.of("so-" + System.nanoTime() + "-", null, Topics.Framing.SINGLE_OBJECT);
        assertExampleMatchesSink(topics, null);
    }

    @Test
    void confluentFramingWithARegistry() throws Exception {
        try (RegistryStandIn registry = new RegistryStandIn()) {
            Topics topics = Topics.of("cf-" + System.nanoTime() + "-", new SchemaRegistryClient(registry.url()),
                    Topics.Framing.CONFLUENT);
            assertExampleMatchesSink(topics, registry.url());
        }
    }

    private static void assertExampleMatchesSink(Topics topics, String registryUrl) throws Exception {
        String events = topics.events().name();
        ExampleTopics.create(events, topics.deadLetters().name(), 3);
        try (KafkaProducer<String, NewsEvent> producer = transactionalProducer(topics)) {
            producer.initTransactions();
            inTransaction(producer, true, List.of(
                    snapshot(events, "a", 1), snapshot(events, "b", 1), snapshot(events, "c", 1),
                    snapshot(events, "x", 1), snapshot(events, "d", 1), snapshot(events, "a", 2),
                    snapshot(events, "a", 3), snapshot(events, "b", 2), snapshot(events, "c", 2),
                    snapshot(events, "x", 2), snapshot(events, "c", 3)));
            inTransaction(producer, true, List.of(
                    snapshot(events, "a", 2),                     // late and older: a stays at 3
                    snapshot(events, "b", 2),                     // the same version again
                    snapshot(events, "c", 4, "x"),                // merge: c absorbs x ...
                    new ProducerRecord<>(events, "x", null),      // ... and x gets its tombstone
                    snapshot(events, "x", 1),                     // a late snapshot of the absorbed x
                    new ProducerRecord<>(events, "d", null),      // d ends
                    snapshot(events, "e", 1)));
            inTransaction(producer, false, List.of(               // aborted: none of it happened
                    snapshot(events, "a", 9), new ProducerRecord<>(events, "b", null), snapshot(events, "f", 1)));
            inTransaction(producer, true, List.of(snapshot(events, "x", 3), snapshot(events, "e", 2)));
            inTransaction(producer, true, randomStream(events, new Random(21), 400));
        }
        String members = topics.eventArticles().name();
        try (KafkaProducer<String, EventMember> producer = memberProducer(topics)) {
            producer.initTransactions();
            inTransaction(producer, true, List.of(
                    member(members, "a-1", "a"), member(members, "a-2", "a"), member(members, "x-1", "x"),
                    member(members, "d-1", "d"), member(members, "e-1", "e")));
            inTransaction(producer, true, List.of(
                    member(members, "x-1", "c"),                  // the merge of x into c moves its article
                    new ProducerRecord<>(members, "d-1", null),   // d was tombstoned: so is its article
                    member(members, "a-2", "b")));                // a split moves a-2 to b
            inTransaction(producer, false, List.of(               // aborted: none of it happened
                    member(members, "a-1", "f"), new ProducerRecord<>(members, "e-1", null)));
        }

        String jdbcUrl = TestPostgres.shared().newDatabase("examples");
        Map<String, Long> example;
        Map<String, String> exampleMembership;
        try (EventsViewConsumer consumer = new EventsViewConsumer(TestKafka.bootstrapServers(), events, registryUrl)) {
            consumer.catchUp(TIMEOUT);
            example = consumer.versions();
            exampleMembership = consumer.membership();
            assertThat(consumer.skipped()).isZero();
        }
        assertThat(exampleMembership).isEqualTo(Map.of("a-1", "a", "a-2", "b", "x-1", "c", "e-1", "e"));
        assertThat(example).containsEntry("a", 3L).containsEntry("b", 2L).containsEntry("c", 4L)
                .containsEntry("e", 2L).doesNotContainKeys("d", "x", "f");

        SinkConfig config = new SinkConfig(null, jdbcUrl, "postgres", "", 100, Duration.ofMillis(20));
        try (SinkService sink = new SinkService(config, TestKafka.clientProperties(), topics)) {
            sink.start();
            awaitRecordsDone(sink, 11 + 7 + 2 + 400 + 5 + 3);
        }
        assertThat(example).isEqualTo(ExampleTopics.sinkVersions(jdbcUrl));
        assertThat(exampleMembership).isEqualTo(ExampleTopics.sinkMembership(jdbcUrl));
    }

    /**
     * A busy stream with the lifecycle enrich publishes: new events, new versions, re-sent older versions, events
     * closing (a CLOSED snapshot, their tombstone some records later), and merges whose survivor lists every id it
     * absorbed so far, followed by the absorbed event's MERGED_INTO snapshot and its tombstone.
     */
    private static List<ProducerRecord<String, NewsEvent>> randomStream(String topic, Random random, int count) {
        List<ProducerRecord<String, NewsEvent>> records = new ArrayList<>();
        Map<String, Long> versions = new HashMap<>();
        Map<String, List<String>> absorbedBy = new HashMap<>();
        List<String> live = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        while (records.size() < count) {
            if (!closed.isEmpty() && random.nextInt(10) == 0) {
                records.add(new ProducerRecord<>(topic, closed.remove(0), null)); // one idle timeout after the close
                continue;
            }
            int roll = random.nextInt(100);
            if (live.size() < 10 || roll < 15) {
                String id = "r" + records.size();
                live.add(id);
                versions.put(id, 1L);
                records.add(snapshot(topic, id, 1, EventChange.CREATED));
            } else {
                String id = live.get(random.nextInt(live.size()));
                long version = versions.get(id);
                String[] absorbed = absorbedBy.getOrDefault(id, List.of()).toArray(String[]::new);
                if (roll < 70) {
                    versions.put(id, version + 1);
                    records.add(snapshot(topic, id, version + 1, EventChange.UPDATED, absorbed));
                } else if (roll < 85) {
                    records.add(snapshot(topic, id, 1 + random.nextInt((int) version), EventChange.UPDATED, absorbed));
                } else if (roll < 92) {
                    live.remove(id);
                    closed.add(id);
                    records.add(snapshot(topic, id, version + 1, EventChange.CLOSED, absorbed));
                } else {
                    String other = live.get(random.nextInt(live.size()));
                    if (!other.equals(id)) {
                        live.remove(other);
                        absorbedBy.computeIfAbsent(id, s -> new ArrayList<>()).add(other);
                        versions.put(id, version + 1);
                        records.add(snapshot(topic, id, version + 1, EventChange.ABSORBED,
                                absorbedBy.get(id).toArray(String[]::new)));
                        NewsEvent last = snapshot(topic, other, versions.get(other) + 1, EventChange.MERGED_INTO).value();
                        last.setMergedIntoEventId(id);
                        records.add(new ProducerRecord<>(topic, other, last));
                        records.add(new ProducerRecord<>(topic, other, null));
                    }
                }
            }
        }
        return records.subList(0, count);
    }

    private static ProducerRecord<String, NewsEvent> snapshot(String topic, String id, long version, String... absorbed) {
        return snapshot(topic, id, version, version == 1 ? EventChange.CREATED
                : absorbed.length > 0 ? EventChange.ABSORBED : EventChange.UPDATED, absorbed);
    }

    private static ProducerRecord<String, NewsEvent> snapshot(String topic, String id, long version, EventChange change,
                                                              String... absorbed) {
        Instant start = Instant.parse("2026-06-01T08:00:00Z");
        NewsEvent event = NewsEvent.newBuilder()
                .setEventId(id)
                .setVersion(version)
                .setFirstSeenAt(start)
                .setLastUpdatedAt(start.plusSeconds(60 * version))
                .setTitle("Event " + id + " v" + version)
                .setSummary("Summary of " + id)
                .setArticles(List.of())
                .setCountries(List.of())
                .setOfficials(List.of())
                .setAbsorbedEventIds(List.of(absorbed))
                .setChange(change)
                .build();
        return new ProducerRecord<>(topic, id, event);
    }

    private static ProducerRecord<String, EventMember> member(String topic, String articleId, String eventId) {
        return new ProducerRecord<>(topic, articleId, EventMember.newBuilder().setArticleId(articleId).setEventId(eventId)
                .setEventVersion(1).setSource("outlet").setTitle("Article " + articleId).build());
    }

    private static KafkaProducer<String, EventMember> memberProducer(Topics topics) {
        Map<String, Object> props = TestKafka.clientProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "example-members-" + System.nanoTime());
        return new KafkaProducer<>(props, topics.eventArticles().keySerde().serializer(),
                topics.eventArticles().valueSerde().serializer());
    }

    private static KafkaProducer<String, NewsEvent> transactionalProducer(Topics topics) {
        Map<String, Object> props = TestKafka.clientProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "example-test-" + System.nanoTime());
        return new KafkaProducer<>(props, topics.events().keySerde().serializer(),
                topics.events().valueSerde().serializer());
    }

    private static <V> void inTransaction(KafkaProducer<String, V> producer, boolean commit,
                                          List<ProducerRecord<String, V>> records) {
        producer.beginTransaction();
        records.forEach(producer::send);
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    private static void awaitRecordsDone(SinkService sink, long records) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (sink.recordsDone() < records) {
            assertThat(System.nanoTime()).as("the sink took in %d records in %s", records, TIMEOUT).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        assertThat(sink.recordsDone()).isEqualTo(records);
    }
}
