package io.newsflow.ingest.feeds;

import io.newsflow.ingest.text.OversizeArticles;
import io.newsflow.metrics.PipelineMeters;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SeenItem;
import io.newsflow.schemas.SourceHealth;
import io.newsflow.topics.Topic;
import io.newsflow.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes polling results to the raw-articles, seen-items, source-health and dead-letters topics.
 * Without a {@code transactional.id} in the Kafka properties, articles are flushed before their
 * seen-items records are sent: a crash in between re-emits the same article versions, never loses
 * one. With one, a poll's articles and seen-items records are one transaction: exactly once. An item
 * over a record's size is cut to fit ({@link OversizeArticles}); one the broker refuses for good is a
 * dead letter and the poll's other items are written without it.
 */
final class KafkaFeedOutput implements FeedOutput, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaFeedOutput.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> properties;
    private final Topics topics;
    private static final String STAGE = "ingest";
    private static final int DEAD_LETTER_BYTES = 64 * 1024;

    private final boolean transactional;
    private final OversizeArticles oversize;
    private final AtomicReference<Exception> failureSinceFlush = new AtomicReference<>();
    private final AtomicReference<Exception> lastFailure = new AtomicReference<>();
    private KafkaProducer<byte[], byte[]> producer;

    KafkaFeedOutput(Map<String, Object> kafkaProperties, Topics topics) {
        this.properties = new HashMap<>(kafkaProperties);
        properties.keySet().retainAll(ProducerConfig.configNames()); // Streams settings passed to all clients: not ours
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-feeds");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.topics = topics;
        this.transactional = properties.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG) != null;
        this.oversize = OversizeArticles.forProducer(properties, topics.rawArticles());
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
        PipelineMeters.articlesIn(STAGE, articles.size());
        FittedItems items = fitToRecords(articles);
        return transactional ? writeInTransaction(items.fitted(), items.tooLarge(), seen)
                : writeAndFlush(items.fitted(), items.tooLarge(), seen);
    }

    /** The items that fit one record (some cut to fit), and the dead letters of those past saving. */
    private record FittedItems(List<OversizeArticles.Fitted> fitted, List<DeadLetter> tooLarge) {
    }

    private FittedItems fitToRecords(List<RawArticle> articles) {
        // An item over a record's size is cut to fit (or, past saving, a dead letter): one oversize item
        // must not fail the poll, or the feed would never advance.
        List<OversizeArticles.Fitted> fitted = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        for (RawArticle article : articles) {
            OversizeArticles.Fitted fit = oversize.fit(article);
            if (fit.article() == null) {
                log.warn("Feed item {} ({}) is too large for one Kafka record and goes to the dead-letter topic: {}",
                        article.getUrl(), article.getArticleId(), fit.change());
                letters.add(refusedItem(article, "record-too-large", fit.change()));
            } else {
                if (fit.change() != null) {
                    log.warn("Feed item {} ({}) is cut to fit one Kafka record: {}", article.getUrl(),
                            article.getArticleId(), fit.change());
                }
                fitted.add(fit);
            }
        }
        return new FittedItems(fitted, letters);
    }

    /** Without transactions: the articles are flushed before the seen-items records are sent. */
    private boolean writeAndFlush(List<OversizeArticles.Fitted> fitted, List<DeadLetter> letters,
                                  List<Map.Entry<String, SeenItem>> seen) {
        Map<String, Exception> refused = new ConcurrentHashMap<>();
        fitted.forEach(fit -> sendArticle(fit, refused));
        producer.flush();
        if (failureSinceFlush.getAndSet(null) != null) {
            return false;
        }
        if (!sendRefusedAlone(fitted, refused)) {
            return false;
        }
        refused.forEach((id, error) -> logRefused(id, error));
        refusedLetters(fitted, refused).forEach(letter -> send(topics.deadLetters(), letter.getOrigin(), letter));
        letters.forEach(letter -> send(topics.deadLetters(), letter.getOrigin(), letter));
        refusedLetters(fitted, refused).forEach(PipelineMeters::deadLetter);
        letters.forEach(PipelineMeters::deadLetter);
        seen.forEach(entry -> send(topics.seenItems(), entry.getKey(), entry.getValue()));
        PipelineMeters.articlesOut(STAGE, fitted.size() - refused.size());
        return true;
    }

    /**
     * The broker refuses whole batches: an item refused beside a too large one goes alone once more, and
     * leaves {@code refused} when taken. False when a write failed (not refused).
     */
    private boolean sendRefusedAlone(List<OversizeArticles.Fitted> fitted, Map<String, Exception> refused) {
        for (OversizeArticles.Fitted fit : fitted) {
            if (refused.containsKey(fit.article().getArticleId()) && refused.size() > 1) {
                Map<String, Exception> again = new ConcurrentHashMap<>();
                sendArticle(fit, again);
                producer.flush();
                if (failureSinceFlush.getAndSet(null) != null) {
                    return false;
                }
                if (again.isEmpty()) {
                    refused.remove(fit.article().getArticleId());
                }
            }
        }
        return true;
    }

    /** With transactions: a poll's articles, dead letters and seen-items records are one transaction. */
    private boolean writeInTransaction(List<OversizeArticles.Fitted> fitted, List<DeadLetter> letters,
                                       List<Map.Entry<String, SeenItem>> seen) {
        // A record the broker refuses for good aborts the whole transaction, and the transaction's other
        // records then fail with the same error: the largest refused item is left out (a dead letter,
        // remembered as seen so it is not fetched again and again) and the rest written again, until
        // the broker takes them. At most one more transaction per item.
        Map<String, Exception> refused = new ConcurrentHashMap<>();
        while (true) {
            Map<String, Exception> refusedNow = new ConcurrentHashMap<>();
            List<OversizeArticles.Fitted> sending = fitted.stream()
                    .filter(fit -> !refused.containsKey(fit.article().getArticleId())).toList();
            List<DeadLetter> sendingLetters = new ArrayList<>(letters);
            sendingLetters.addAll(refusedLetters(fitted, refused));
            boolean written = inTransaction(() -> {
                sending.forEach(fit -> sendArticle(fit, refusedNow));
                sendingLetters.forEach(letter -> send(topics.deadLetters(), letter.getOrigin(), letter));
                seen.forEach(entry -> send(topics.seenItems(), entry.getKey(), entry.getValue()));
            });
            Optional<OversizeArticles.Fitted> largest = sending.stream()
                    .filter(fit -> refusedNow.containsKey(fit.article().getArticleId()))
                    .max(Comparator.comparingInt(fit -> fit.value().length));
            if (written || largest.isEmpty()) {
                if (written) {
                    PipelineMeters.articlesOut(STAGE, sending.size());
                    sendingLetters.forEach(PipelineMeters::deadLetter);
                }
                return written;
            }
            String id = largest.get().article().getArticleId();
            logRefused(id, refusedNow.get(id));
            refused.put(id, refusedNow.get(id));
        }
    }

    private List<DeadLetter> refusedLetters(List<OversizeArticles.Fitted> fitted, Map<String, Exception> refused) {
        List<DeadLetter> letters = new ArrayList<>();
        for (OversizeArticles.Fitted fit : fitted) {
            Exception error = refused.get(fit.article().getArticleId());
            if (error != null) {
                letters.add(refusedItem(fit.article(), error.getClass().getName(), "The broker refused the item "
                        + fit.article().getArticleId() + " for good: " + error.getMessage()));
            }
        }
        return letters;
    }

    private static void logRefused(String articleId, Exception error) {
        log.warn("The broker refused feed item {} for good; it goes to the dead-letter topic: {}", articleId,
                error.toString());
    }

    private static DeadLetter refusedItem(RawArticle article, String errorClass, String message) {
        byte[] body = article.getBody().getBytes(StandardCharsets.UTF_8);
        return DeadLetter.newBuilder()
                .setStage("ingest")
                .setErrorClass(errorClass)
                .setMessage(message)
                .setOriginalBytes(ByteBuffer.wrap(Arrays.copyOf(body, Math.min(body.length, DEAD_LETTER_BYTES))))
                .setOrigin(article.getUrl() != null ? article.getUrl() : article.getSourceId())
                .setOccurredAt(Instant.now())
                .build();
    }

    /**
     * Errors that name one record (too large for the broker's limits, invalid): sending it again gives the
     * same answer, and the broker is fine. Deliberately a short list: inside a transaction the other
     * records fail too once one did (aborted, not refused), and those must be sent again.
     */
    static boolean refusedForGood(Exception error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException;
    }

    private void sendArticle(OversizeArticles.Fitted fit, Map<String, Exception> refused) {
        RawArticle article = fit.article();
        Topic<String, RawArticle> topic = topics.rawArticles();
        byte[] key = topic.keySerde().serializer().serialize(topic.name(), article.getArticleId());
        producer.send(new ProducerRecord<>(topic.name(), key, fit.value()), (metadata, exception) -> {
            if (exception != null && refusedForGood(exception)) {
                refused.put(article.getArticleId(), exception);
            } else {
                onSent(topic, exception);
            }
        });
    }

    @Override
    public synchronized void health(SourceHealth health) {
        write(() -> send(topics.sourceHealth(), health.getSourceId(), health));
    }

    @Override
    public synchronized void deadLetter(DeadLetter letter) {
        if (write(() -> send(topics.deadLetters(), letter.getOrigin(), letter))) {
            PipelineMeters.deadLetter(letter);
        }
    }

    /** True unless the latest write failed. */
    boolean healthy() {
        return lastFailure.get() == null;
    }

    /** Whether the records were written (without transactions: handed to the producer). */
    private boolean write(Runnable sends) {
        if (transactional) {
            return inTransaction(sends);
        }
        sends.run();
        return true;
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
        producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes),
                (metadata, exception) -> onSent(topic, exception));
    }

    private void onSent(Topic<String, ?> topic, Exception exception) {
        if (exception != null) {
            log.warn("Write to {} failed: {}", topic.name(), exception.toString());
            failureSinceFlush.set(exception);
            lastFailure.set(exception);
        } else if (!transactional) {
            lastFailure.set(null);
        }
    }

    /**
     * Closes within a few seconds: a transaction the broker has not committed by then is aborted (its items are
     * not marked seen, so the next start emits them), so an unreachable broker cannot hold a stop.
     */
    @Override
    public synchronized void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
