package io.newsflow.ingest.drops;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.topics.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The embedded broker for the drop folder's tests. The drop folder creates no topics: the broker creates them on
 * first use, with 3 partitions as `up` creates them (NEWSFLOW_TOPIC_PARTITIONS), so that records spread.
 */
final class TestBroker implements AutoCloseable {

    private final EmbeddedKafka kafka;

    private TestBroker(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    /** Starts a broker keeping its data in {@code dataDir}. */
    static TestBroker start(Path dataDir) {
        return new TestBroker(EmbeddedKafka.builder(dataDir)
                .brokerSetting("auto.create.topics.enable", "true")
                .brokerSetting("num.partitions", "3")
                .start());
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Map<String, Object> clientProperties() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    /** Reads the topic from the start until {@code done} holds for what was read, or the timeout passes. */
    <V> List<ConsumerRecord<String, V>> readUntil(Topic<String, V> topic, Predicate<List<ConsumerRecord<String, V>>> done,
                                                  Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(properties, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            // Assigned, not subscribed: no group rebalance to wait for.
            List<TopicPartition> partitions = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                consumer.partitionsFor(topic.name(), Duration.ofSeconds(5))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() {
        kafka.close();
    }
}
