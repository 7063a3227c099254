package io.newsflow.launcher.faults;

import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The events topic as a downstream consumer sees it (read_committed; the latest snapshot per event id, a
 * tombstone removes it), read incrementally up to the last stable offset on each {@link #catchUp()}.
 */
final class EventsTopic implements AutoCloseable {

    private final KafkaConsumer<String, NewsEvent> consumer;
    private final List<TopicPartition> partitions;
    private final Map<String, NewsEvent> live = new HashMap<>();
    private long records;

    EventsTopic(String bootstrapServers, Topic<String, NewsEvent> events) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        consumer = new KafkaConsumer<>(props, events.keySerde().deserializer(), events.valueSerde().deserializer());
        partitions = consumer.partitionsFor(events.name(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads up to what is committed now; false if the broker did not answer in time (it may be down). */
    boolean catchUp() {
        try {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                for (ConsumerRecord<String, NewsEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    if (record.value() == null) {
                        live.remove(record.key());
                    } else {
                        live.put(record.key(), record.value());
                    }
                }
            }
            return true;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return false;
        }
    }

    /** Live events by id, their latest snapshot each. */
    Map<String, NewsEvent> live() {
        return Map.copyOf(live);
    }

    /** Records read (snapshots and tombstones). */
    long records() {
        return records;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
