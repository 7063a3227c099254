package io.newsflow.sink;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.Topic;
import io.newsflow.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

/** One embedded Kafka broker for all tests of the JVM (the examples' tests too), started on first use. */
public final class TestKafka {

    private static EmbeddedKafka broker;

    private TestKafka() {
    }

    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    private static synchronized EmbeddedKafka broker() {
        if (broker == null) {
            Path dir;
            try {
                dir = Files.createTempDirectory("newsflow-test-kafka");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the test broker's directory", e);
            }
            broker = EmbeddedKafka.start(dir);
            // Tests of a JVM may share it until the end: it stops as the JVM exits.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dir), "stop-test-kafka"));
        }
        return broker;
    }

    private static void stop(Path dir) {
        broker.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // The JVM is exiting; a leftover temporary directory is all that remains.
        }
    }

    public static Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /** Creates the events and event-articles topics (compacted, as the pipeline does) and the dead-letter topic. */
    static void createTopics(Topics topics, int eventPartitions) {
        broker().createTopics(List.of(
                new NewTopic(topics.events().name(), eventPartitions, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(topics.eventArticles().name(), eventPartitions, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(topics.deadLetters().name(), 1, (short) 1)));
    }

    static KafkaProducer<String, NewsEvent> eventProducer(Topics topics) {
        Map<String, Object> props = clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, topics.events().keySerde().serializer(),
                topics.events().valueSerde().serializer());
    }

    static KafkaProducer<String, EventMember> memberProducer(Topics topics) {
        Map<String, Object> props = clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, topics.eventArticles().keySerde().serializer(),
                topics.eventArticles().valueSerde().serializer());
    }

    static KafkaProducer<String, byte[]> rawProducer() {
        Map<String, Object> props = clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    /** Everything on a topic from the start to its current end. */
    static <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic) {
        Map<String, Object> props = clientProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " to its end");
                }
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
