package io.newsflow.ingest.feeds;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SeenItem;
import io.newsflow.schemas.SourceHealth;
import io.newsflow.topics.Topic;
import io.newsflow.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes polling results to the raw-articles, seen-items, source-health and dead-letters topics.
 * Without a {@code transactional.id} in the Kafka properties, articles are flushed before their
 * seen-items records are sent: a crash in between re-emits the same article versions, never loses
 * one. With one, a poll's articles and seen-items records are one transaction: exactly once.
 */
final class KafkaFeedOutput implements FeedOutput, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaFeedOutput.class);

    private final Map<String, Object> properties;
    private final Topics topics;
    private final boolean transactional;
    private final AtomicReference<Exception> failureSinceFlush = new AtomicReference<>();
    private final AtomicReference<Exception> lastFailure = new AtomicReference<>();
    private KafkaProducer<byte[], byte[]> producer;

    KafkaFeedOutput(Map<String, Object> kafkaProperties, Topics topics) {
        this.properties = new HashMap<>(kafkaProperties);
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-feeds");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.topics = topics;
        this.transactional = properties.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG) != null;
        this.producer = newProducer();
    }

    private KafkaProducer<byte[], byte[]> newProducer() {
        KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        if (transactional) {
            created.initTransactions();
        }
        return created;
    }

    @Override
    public synchronized boolean items(List<RawArticle> articles, List<Map.Entry<String, SeenItem>> seen) {
        if (transactional) {
            return inTransaction(() -> {
                articles.forEach(article -> send(topics.rawArticles(), article.getArticleId(), article));
                seen.forEach(entry -> send(topics.seenItems(), entry.getKey(), entry.getValue()));
            });
        }
        articles.forEach(article -> send(topics.rawArticles(), article.getArticleId(), article));
        producer.flush();
        if (failureSinceFlush.getAndSet(null) != null) {
            return false;
        }
        seen.forEach(entry -> send(topics.seenItems(), entry.getKey(), entry.getValue()));
        return true;
    }

    @Override
    public synchronized void health(SourceHealth health) {
        write(() -> send(topics.sourceHealth(), health.getSourceId(), health));
    }

    @Override
    public synchronized void deadLetter(DeadLetter letter) {
        write(() -> send(topics.deadLetters(), letter.getOrigin(), letter));
    }

    /** True unless the latest write failed. */
    boolean healthy() {
        return lastFailure.get() == null;
    }

    private void write(Runnable sends) {
        if (transactional) {
            inTransaction(sends);
        } else {
            sends.run();
        }
    }

    private boolean inTransaction(Runnable sends) {
        try {
            producer.beginTransaction();
            sends.run();
            producer.commitTransaction();
            lastFailure.set(null);
            return true;
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            // The producer cannot be used again: a fresh one takes over (and fences off its predecessor).
            log.warn("Transactional producer failed for good ({}); starting a new one", fatal.toString());
            lastFailure.set(fatal);
            producer.close();
            producer = newProducer();
            return false;
        } catch (KafkaException e) {
            log.warn("Transaction aborted: {}", e.toString());
            lastFailure.set(e);
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                producer.close();
                producer = newProducer();
            }
            return false;
        }
    }

    private <V> void send(Topic<String, V> topic, String key, V value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), (metadata, exception) -> {
            if (exception != null) {
                log.warn("Write to {} failed: {}", topic.name(), exception.toString());
                failureSinceFlush.set(exception);
                lastFailure.set(exception);
            } else if (!transactional) {
                lastFailure.set(null);
            }
        });
    }

    @Override
    public synchronized void close() {
        producer.close();
    }
}
