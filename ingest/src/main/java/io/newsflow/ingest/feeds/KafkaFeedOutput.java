package io.newsflow.ingest.feeds;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SeenItem;
import io.newsflow.schemas.SourceHealth;
import io.newsflow.topics.Topic;
import io.newsflow.topics.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes polling results to the raw-articles, seen-items, source-health and dead-letters topics. */
final class KafkaFeedOutput implements FeedOutput, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaFeedOutput.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final Topics topics;
    private final AtomicReference<Exception> failureSinceFlush = new AtomicReference<>();
    private final AtomicReference<Exception> lastFailure = new AtomicReference<>();

    KafkaFeedOutput(Map<String, Object> kafkaProperties, Topics topics) {
        Map<String, Object> properties = new HashMap<>(kafkaProperties);
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-feeds");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        this.topics = topics;
    }

    @Override
    public void article(RawArticle article) {
        send(topics.rawArticles(), article.getArticleId(), article);
    }

    @Override
    public void seen(String key, SeenItem item) {
        send(topics.seenItems(), key, item);
    }

    @Override
    public void health(SourceHealth health) {
        send(topics.sourceHealth(), health.getSourceId(), health);
    }

    @Override
    public void deadLetter(DeadLetter letter) {
        send(topics.deadLetters(), letter.getOrigin(), letter);
    }

    @Override
    public boolean flush() {
        producer.flush();
        Exception failure = failureSinceFlush.getAndSet(null);
        return failure == null;
    }

    /** True unless the latest write failed. */
    boolean healthy() {
        return lastFailure.get() == null;
    }

    private <V> void send(Topic<String, V> topic, String key, V value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), (metadata, exception) -> {
            if (exception != null) {
                log.warn("Write to {} failed: {}", topic.name(), exception.toString());
                failureSinceFlush.set(exception);
                lastFailure.set(exception);
            } else {
                lastFailure.set(null);
            }
        });
    }

    @Override
    public void close() {
        producer.close();
    }
}
