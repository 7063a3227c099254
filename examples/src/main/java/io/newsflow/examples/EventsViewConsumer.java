package io.newsflow.examples;

import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.AvroTrust;
import io.newsflow.wire.MalformedRecordException;
import io.newsflow.wire.RegistryFormat;
import io.newsflow.wire.SchemaRegistryClient;
import io.newsflow.wire.SingleObjectFormat;
import io.newsflow.wire.WriterSchemaStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A complete consumer of Newsflow's {@code events} and {@code event-articles} topics (docs/consumers.md, "Consuming events"):
 * reads them from the start, committed records only, decodes the values with the schemas jar and keeps the live
 * events and every article's event ({@link LiveEvents}). The event-articles topic is named as Newsflow names it
 * beside the events topic: {@code <prefix>events} and {@code <prefix>event-articles}.
 * <pre>java -cp ... io.newsflow.examples.EventsViewConsumer BOOTSTRAP_SERVERS EVENTS_TOPIC [REGISTRY_URL] [--json]</pre>
 */
public final class EventsViewConsumer implements AutoCloseable {

    private static final byte CONFLUENT_MAGIC = 0;

    private final String topic;
    private final String membersTopic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Decoder<NewsEvent> snapshots;
    private final Decoder<EventMember> members;
    private final LiveEvents events = new LiveEvents();
    private long skipped;

    public EventsViewConsumer(String bootstrapServers, String topic, String registryUrl) {
        this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, registryUrl);
    }

    /** {@code kafkaProperties}: the bootstrap servers, and a secured cluster's security settings. */
    public EventsViewConsumer(Map<String, Object> kafkaProperties, String topic, String registryUrl) {
        AvroTrust.trustNewsflowPackages(); // Avro instantiates generated classes of trusted packages only
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        // enrich writes in transactions: a snapshot of an aborted one never happened (and its version comes again).
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // No group, no committed offsets: each start rebuilds the view from the whole (compacted) topic.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.topic = topic;
        this.membersTopic = eventArticlesTopic(topic);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        SchemaRegistryClient registry = registryUrl == null || registryUrl.isBlank()
                ? null : new SchemaRegistryClient(registryUrl);
        this.snapshots = new Decoder<>(NewsEvent.getClassSchema(), registry, topic);
        this.members = new Decoder<>(EventMember.getClassSchema(), registry, membersTopic);
    }

    /** {@code <prefix>events} -> {@code <prefix>event-articles}. */
    static String eventArticlesTopic(String eventsTopic) {
        if (!eventsTopic.endsWith("events")) {
            throw new IllegalArgumentException("not a Newsflow events topic name: " + eventsTopic);
        }
        return eventsTopic.substring(0, eventsTopic.length() - "events".length()) + "event-articles";
    }

    /**
     * Reads every partition up to its end as of this call (the last stable offset: committed records) and returns
     * the live events by id. Called again, it goes on from where it stopped.
     */
    public Map<String, NewsEvent> catchUp(Duration timeout) {
        if (consumer.assignment().isEmpty()) {
            List<TopicPartition> partitions = new java.util.ArrayList<>();
            for (String name : List.of(topic, membersTopic)) {
                List<TopicPartition> of = consumer.partitionsFor(name).stream()
                        .map(p -> new TopicPartition(name, p.partition())).toList();
                if (of.isEmpty()) {
                    throw new IllegalArgumentException("no topic " + name);
                }
                partitions.addAll(of);
            }
            consumer.assign(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end offsets " + end + " in " + timeout);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                apply(record);
            }
        }
        return events.snapshot();
    }

    /** Event id to version of the live events (as of the last {@link #catchUp}). */
    public Map<String, Long> versions() {
        return events.versions();
    }

    /** Article id to event id of every article (as of the last {@link #catchUp}). */
    public Map<String, String> membership() {
        return events.membership();
    }

    /** Records that did not decode, skipped. */
    public long skipped() {
        return skipped;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(membersTopic)) {
                events.applyMember(record.key(), members.decode(record.value()));
            } else {
                events.apply(record.key(), snapshots.decode(record.value()));
            }
        } catch (MalformedRecordException e) {
            // E.g. a newer writer's schema without a registry: say so and go on (the view may miss that change).
            skipped++;
            System.err.printf("skipped %s-%d@%d: %s%n", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    /** Decodes one topic's values in either framing. */
    private static final class Decoder<T> {

        private final SingleObjectFormat<T> singleObject;
        /** The Confluent framing, or null without a registry. */
        private final RegistryFormat<T> confluent;

        Decoder(Schema schema, SchemaRegistryClient registry, String topic) {
            String subject = topic + "-value";
            // Single-object readers know every released version; a registry also serves them newer writers' schemas.
            this.singleObject = new SingleObjectFormat<>(schema, new WriterSchemaStore(schema, registry, subject));
            this.confluent = registry == null ? null : new RegistryFormat<>(registry, subject, schema);
        }

        T decode(byte[] value) {
            if (value == null) {
                return null; // a tombstone
            }
            // The first byte tells the framings apart: 0 is the Confluent framing, C3 starts single-object encoding.
            return confluent != null && value.length > 0 && value[0] == CONFLUENT_MAGIC
                    ? confluent.decode(value) : singleObject.decode(value);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) {
        List<String> positional = Arrays.stream(args).filter(a -> !a.equals("--json")).toList();
        if (positional.size() < 2 || positional.size() > 3) {
            System.err.println("usage: EventsViewConsumer BOOTSTRAP_SERVERS TOPIC [SCHEMA_REGISTRY_URL] [--json]");
            System.exit(2);
        }
        boolean json = positional.size() < args.length;
        String registryUrl = positional.size() == 3 ? positional.get(2) : null;
        try (EventsViewConsumer view = new EventsViewConsumer(positional.get(0), positional.get(1), registryUrl)) {
            Map<String, NewsEvent> live = view.catchUp(Duration.ofMinutes(5));
            for (NewsEvent event : live.values()) {
                // change: what the latest snapshot recorded; a CLOSED event stays until its tombstone. articleCount
                // counts every member (0 in snapshots of schema version 1, which list them all)
                int articles = Math.max(event.getArticleCount(), event.getArticles().size());
                System.out.println(json ? event.toString() : String.format("%-24s v%-5d %-8s %3d articles  %s",
                        event.getEventId(), event.getVersion(), event.getChange(), articles, event.getTitle()));
            }
            System.out.println("events live=" + live.size() + " skipped=" + view.skipped());
        }
    }
}
