package io.newsflow.ingest.feeds;

import io.newsflow.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a compacted topic from the beginning to its current end: how the feed state is restored at start. */
final class CompactedTopicReader {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicReader.class);

    private CompactedTopicReader() {
    }

    /** Hands every record (value null for a tombstone or an unreadable record) to {@code sink}; returns how many. */
    static <V> long readAll(Map<String, Object> kafkaProperties, Topic<String, V> topic, Duration timeout,
                            BiConsumer<String, V> sink) {
        Map<String, Object> properties = new HashMap<>(kafkaProperties);
        properties.keySet().retainAll(ConsumerConfig.configNames()); // Streams settings passed to all clients: not ours
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Looking up a missing topic must not create it with the broker's default (non-compacted) policy.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-feeds-restore");
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic.name(), timeout);
            if (partitions == null || partitions.isEmpty()) {
                log.info("Topic {} does not exist yet: nothing to restore", topic.name());
                return 0;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            Instant deadline = Instant.now().plus(timeout.multipliedBy(6));
            while (!reachedEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("reading " + topic.name() + " to its end took longer than " + timeout.multipliedBy(6));
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String key = topic.keySerde().deserializer().deserialize(topic.name(), record.key());
                    V value = null;
                    if (record.value() != null) {
                        try {
                            value = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
                        } catch (RuntimeException e) {
                            log.warn("Unreadable record on {} at offset {} skipped: {}", topic.name(), record.offset(), e.toString());
                            continue;
                        }
                    }
                    sink.accept(key, value);
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
