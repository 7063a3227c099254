package io.newsflow.launcher.bench;

import io.newsflow.launcher.kafka.KafkaClientProperties;
import io.newsflow.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each article of the end-to-end phase reached the topics between the stages: {@code raw-articles}
 * (ingest has produced it; read uncommitted, as soon as the broker has it) and {@code event-articles}
 * (enrich has placed it and committed; read committed, as the sink sees it). With the file's landing and its
 * row in PostgreSQL that splits the end-to-end latency into ingest, enrich and sink. Both topics are keyed by
 * article id; the consumers start at the topics' ends and poll every 20 ms (the split is that coarse).
 */
final class StageClock implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);

    private final Map<String, Long> ingestedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> placedAt = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    StageClock(Map<String, Object> client, Topics topics) {
        KafkaConsumer<String, byte[]> raw = consumer(client, "read_uncommitted");
        KafkaConsumer<String, byte[]> placed = consumer(client, "read_committed");
        startAtEnd(raw, topics.rawArticles().name());
        startAtEnd(placed, topics.eventArticles().name());
        poller = new Thread(() -> poll(raw, placed), "bench-stage-clock");
        poller.setDaemon(true);
        poller.start();
    }

    /** Nanos when the article was first on {@code raw-articles}, or null. */
    Long ingestedAt(String articleId) {
        return ingestedAt.get(articleId);
    }

    /** Nanos when the article's event membership was first visible to read-committed consumers, or null. */
    Long placedAt(String articleId) {
        return placedAt.get(articleId);
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> client, String isolation) {
        Map<String, Object> props = KafkaClientProperties.only(client, ConsumerConfig.configNames());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void startAtEnd(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the first file lands
    }

    private void poll(KafkaConsumer<String, byte[]> raw, KafkaConsumer<String, byte[]> placed) {
        try (raw; placed) {
            while (running) {
                note(raw, ingestedAt);
                note(placed, placedAt);
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void note(KafkaConsumer<String, byte[]> consumer, Map<String, Long> seenAt) {
        var records = consumer.poll(POLL);
        long now = System.nanoTime();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null) {
                seenAt.putIfAbsent(record.key(), now);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
