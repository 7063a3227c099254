package io.newsflow.ingest.drops;

import io.newsflow.ingest.text.OversizeArticles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsflow.metrics.PipelineMeters;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topic;
import io.newsflow.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the drop folder and produces one RawArticle per article found in each file.
 *
 * <p>One worker thread scans, claims ({@link DropFolder}), reads ({@link ArticleFiles}) and sends;
 * the producer is idempotent with {@code acks=all}. A file moves to done/ only once the broker
 * acknowledged every record it gave (articles, and dead letters for its bad records); an unreadable
 * file goes to failed/ once its dead letter was acknowledged. Many files are in flight at once so the
 * broker's round trips overlap. Content already produced from another drop (same content hash) is not
 * produced again: the file goes to done/ with a {@code <name>.report.txt} note and a log line.
 * If the broker cannot be reached, files stay in processing/ and are retried. An article over a record's
 * size is cut to fit ({@link OversizeArticles}); a record the broker refuses for good (too large for its
 * limits, invalid) is no outage: its file goes to failed/ with a dead letter, the folder carries on.
 */
public final class DropFolderService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderService.class);
    private static final String STAGE = "ingest";
    private static final int MAX_FILES_IN_FLIGHT = 256;
    private static final int MAX_DEAD_LETTER_BYTES = 64 * 1024;
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
    private static final Duration RECOVERY_INTERVAL = Duration.ofSeconds(10);
    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final DropFolderConfig config;
    private final Map<String, Object> kafkaProperties;
    private final Topics topics;
    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
    private final LinkedBlockingQueue<InFlightFile> completed = new LinkedBlockingQueue<>();
    private final Map<String, String> contentInFlight = new HashMap<>();
    private final Set<Path> inFlight = new LinkedHashSet<>();
    private final List<Path> toRetry = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean deliveryFailing;
    /** The producer's own metrics (kafka_producer_*) in the global registry while it runs. */
    private KafkaClientMetrics producerMetrics;
    private volatile Thread worker;
    private volatile long stopDeadlineNanos;
    private OversizeArticles oversize;
    private DropFolder folder;
    private ContentLedger ledger;
    private Producer<String, byte[]> producer;
    private long retryAtNanos;

    public DropFolderService(DropFolderConfig config, Map<String, Object> kafkaProperties, Topics topics) {
        this.config = config;
        this.kafkaProperties = Map.copyOf(kafkaProperties);
        this.topics = topics;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            Files.createDirectories(config.root());
            folder = DropFolder.open(config.root(), instanceId);
            ledger = new ContentLedger(folder.stateDirectory().resolve("content"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot use the drop folder " + config.root() + ": " + e.getMessage(), e);
        }
        oversize = OversizeArticles.forProducer(producerProperties(), topics.rawArticles());
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(Metrics.globalRegistry);
        running = true;
        worker = new Thread(this::run, "newsflow-drop-folder-" + instanceId);
        worker.start();
        LOG.info("Watching drop folder {} (instance {}, stable after {}, max {} bytes per file)", config.root(),
                instanceId, config.stableFor(), config.maxFileBytes());
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> properties = new HashMap<>(kafkaProperties);
        properties.keySet().retainAll(ProducerConfig.configNames()); // Streams settings passed to all clients: not ours
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-drop-folder-" + instanceId);
        return properties;
    }

    /** False once the worker has ended after a start (stopped, or failed for good): the folder makes no progress. */
    public boolean live() {
        Thread thread = worker;
        return thread == null || thread.isAlive();
    }

    /** True while the service runs, can write to its folder and the broker acknowledges what it sends. */
    public boolean healthy() {
        Thread thread = worker;
        return running && thread != null && thread.isAlive() && !deliveryFailing
                && Files.isDirectory(config.root()) && Files.isWritable(config.root());
    }

    @Override
    public void close() {
        close(DEFAULT_STOP_TIMEOUT);
    }

    /**
     * Stops within {@code timeout}: three quarters of it to let what was sent be acknowledged and filed, the rest
     * to close the producer, which then fails what the broker has not acknowledged (those files stay in
     * processing/ and are produced again at the next start), so an unreachable broker cannot hold the stop.
     */
    public void close(Duration timeout) {
        Thread thread;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            if (!running) {
                return;
            }
            stopDeadlineNanos = deadline - timeout.toNanos() / 4;
            running = false;
            thread = worker;
        }
        join(thread, stopDeadlineNanos);
        producerMetrics.close();
        producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        join(thread, deadline);
        folder.close();
        LOG.info("Stopped watching drop folder {}", config.root());
    }

    private static void join(Thread thread, long deadlineNanos) {
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            toRetry.addAll(folder.recover());
            long nextRecoveryNanos = System.nanoTime() + RECOVERY_INTERVAL.toNanos();
            while (running) {
                try {
                    if (System.nanoTime() >= nextRecoveryNanos) {
                        toRetry.addAll(folder.recover());
                        nextRecoveryNanos = System.nanoTime() + RECOVERY_INTERVAL.toNanos();
                    }
                    boolean worked = finishCompleted();
                    worked |= produceWaitingFiles();
                    if (!worked) {
                        InFlightFile next = completed.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                        if (next != null) {
                            completed.add(next);
                        }
                    }
                } catch (RuntimeException e) {
                    // Keep watching: the files involved stay in processing/ and are taken up at the next start.
                    LOG.error("Unexpected error in the drop folder worker; carrying on", e);
                    completed.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            // Stop taking new files; let what was sent be acknowledged and filed, until the stop's deadline (no
            // flush: it would wait for an unreachable broker as long as the delivery timeout).
            while (!inFlight.isEmpty() && System.nanoTime() < stopDeadlineNanos) {
                InFlightFile next = completed.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    completed.add(next);
                    finishCompleted();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The drop folder worker stopped on an unexpected error; files in processing/ are taken up "
                    + "again at the next start", e);
        }
    }

    /** Sends what is waiting: files to retry first, then newly ready files. True when anything was sent. */
    private boolean produceWaitingFiles() {
        int room = MAX_FILES_IN_FLIGHT - inFlight.size();
        if (room <= 0) {
            return false;
        }
        boolean worked = false;
        if (!toRetry.isEmpty() && System.nanoTime() >= retryAtNanos) {
            List<Path> retry = new ArrayList<>(toRetry.subList(0, Math.min(room, toRetry.size())));
            toRetry.removeAll(retry);
            for (Path file : retry) {
                produce(file);
                worked = true;
            }
            room = MAX_FILES_IN_FLIGHT - inFlight.size();
        }
        if (room <= 0 || deliveryFailing) {
            return worked;
        }
        for (Path ready : folder.readyFiles(config.stableFor(), room)) {
            Optional<Path> claimed = folder.claim(ready);
            if (claimed.isPresent()) {
                produce(claimed.get());
                worked = true;
            }
        }
        return worked;
    }

    private void produce(Path claimed) {
        String name = originalName(claimed);
        DropContents contents;
        try {
            contents = ArticleFiles.read(claimed, name, config.maxFileBytes(), Instant.now());
        } catch (ArticleFileException e) {
            sendUnreadableFile(claimed, name, e);
            return;
        }
        PipelineMeters.articlesIn(STAGE, contents.articles().size());
        NewContent content = newContent(contents.articles(), dropIdentity(claimed));
        List<RawArticle> fresh = content.fresh();
        List<String> duplicates = content.duplicates();
        FittedArticles fitted = fitToRecords(name, fresh);
        List<DropContents.RejectedRecord> rejected = fitted.rejected();
        rejected.addAll(contents.rejected());
        BadRecords bad = badRecords(name, rejected);
        String note = duplicates.isEmpty() && rejected.isEmpty() && fitted.cut().isEmpty() ? null
                : note(name, duplicates, fitted.cut(), config.maxDeadLettersPerFile(), contents.articles().size(),
                bad.reported(), bad.unreported());
        if (!duplicates.isEmpty()) {
            LOG.warn("Drop {}: {} article(s) not produced again because their content was already produced: {}",
                    name, duplicates.size(), duplicates.subList(0, Math.min(duplicates.size(), config.maxDeadLettersPerFile())));
        }
        int records = fresh.size() + bad.reported().size() + (bad.unreported() == null ? 0 : 1);
        InFlightFile file = new InFlightFile(claimed, name, fresh, null, note, records);
        if (records == 0) {
            finish(file);
            return;
        }
        sendArticles(file, fitted.values());
        sendBadRecords(file, bad);
    }

    /** A file that cannot be read at all goes to failed/ once its dead letter is acknowledged. */
    private void sendUnreadableFile(Path claimed, String name, ArticleFileException e) {
        LOG.warn("Drop {} is unreadable and goes to failed/: {}", name, e.getMessage());
        InFlightFile file = new InFlightFile(claimed, name, List.of(), e.getMessage(), null, 1);
        send(file, topics.deadLetters(), name, deadLetter(e.getCause() == null ? "unreadable-file"
                : e.getCause().getClass().getName(), e.getMessage(), head(claimed), claimed.toString()));
    }

    /** The articles of a file to produce, and why the others are not produced again. */
    private record NewContent(List<RawArticle> fresh, List<String> duplicates) {
    }

    private NewContent newContent(List<RawArticle> articles, String identity) {
        List<RawArticle> fresh = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        Set<String> hashesInFile = new LinkedHashSet<>();
        for (RawArticle article : articles) {
            String hash = article.getContentHash();
            Optional<ContentLedger.Entry> earlier = ledger.find(hash);
            String inFlightElsewhere = contentInFlight.get(hash);
            if (!hashesInFile.add(hash)) {
                duplicates.add("'" + article.getTitle() + "' appears more than once in this file");
            } else if (earlier.isPresent() && !earlier.get().dropIdentity().equals(identity)) {
                duplicates.add("'" + article.getTitle() + "' has the same content as " + earlier.get().dropName()
                        + ", already produced as article " + earlier.get().articleId());
            } else if (earlier.isPresent()) {
                // This very drop was acknowledged before a crash: nothing to send again.
                continue;
            } else if (inFlightElsewhere != null) {
                duplicates.add("'" + article.getTitle() + "' has the same content as " + inFlightElsewhere
                        + ", being produced right now");
            } else {
                fresh.add(article);
            }
        }
        return new NewContent(fresh, duplicates);
    }

    /**
     * The serialized record of each article in {@code fresh} (same order), the notes of those that were cut,
     * and the articles that cannot fit (removed from {@code fresh}).
     */
    private record FittedArticles(List<byte[]> values, List<String> cut, List<DropContents.RejectedRecord> rejected) {
    }

    private FittedArticles fitToRecords(String name, List<RawArticle> fresh) {
        // An article over a record's size keeps its text and loses its HTML, then the end of its body;
        // one that cannot fit even so is a bad record like the others, never a file retried for ever.
        List<DropContents.RejectedRecord> rejected = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            RawArticle article = fresh.get(i);
            OversizeArticles.Fitted fitted = oversize.fit(article);
            if (fitted.article() == null) {
                rejected.add(new DropContents.RejectedRecord("article '" + article.getTitle() + "'", "Too large for "
                        + "one Kafka record: " + fitted.change() + ".", article.getBody().getBytes(StandardCharsets.UTF_8)));
                fresh.remove(i--);
                continue;
            }
            if (fitted.change() != null) {
                LOG.warn("Drop {}: article '{}' is cut to fit one Kafka record: {}", name, article.getTitle(),
                        fitted.change());
                cut.add("'" + article.getTitle() + "' was cut to fit one Kafka record: " + fitted.change());
            }
            values.add(fitted.value());
        }
        return new FittedArticles(values, cut, rejected);
    }

    /**
     * The bad records of a file that get a dead letter each, and the summary of the rest ({@code null} when none
     * is left), whose first record is {@code firstUnreported}.
     */
    private record BadRecords(List<DropContents.RejectedRecord> reported, String unreported,
                              DropContents.RejectedRecord firstUnreported) {
    }

    private BadRecords badRecords(String name, List<DropContents.RejectedRecord> rejected) {
        // A file of a million bad lines must not give a million dead letters and log lines: the first ones
        // say what is wrong, one summary counts the rest.
        List<DropContents.RejectedRecord> reported = rejected.subList(0, Math.min(rejected.size(),
                config.maxDeadLettersPerFile()));
        String unreported = rejected.size() == reported.size() ? null : (rejected.size() - reported.size())
                + " more unreadable records in " + name + " (not listed one by one), the first of them at "
                + rejected.get(reported.size()).where() + ": " + rejected.get(reported.size()).reason();
        return new BadRecords(reported, unreported, unreported == null ? null : rejected.get(reported.size()));
    }

    /** Sends the articles of {@code file} with their records in {@code values}, same order. */
    private void sendArticles(InFlightFile file, List<byte[]> values) {
        for (int i = 0; i < file.articles.size(); i++) {
            RawArticle article = file.articles.get(i);
            contentInFlight.put(article.getContentHash(), file.name);
            sendBytes(file, topics.rawArticles().name(), article.getArticleId(), values.get(i),
                    "article '" + article.getTitle() + "' (" + article.getArticleId() + ")");
        }
    }

    private void sendBadRecords(InFlightFile file, BadRecords bad) {
        for (DropContents.RejectedRecord record : bad.reported()) {
            LOG.warn("Drop {}: {} is unreadable and goes to the dead-letter topic: {}", file.name, record.where(),
                    record.reason());
            send(file, topics.deadLetters(), file.name, deadLetter("unreadable-record", record.where() + ": "
                    + record.reason(), truncate(record.bytes()), file.path + "#" + record.where()));
        }
        if (bad.unreported() != null) {
            DropContents.RejectedRecord first = bad.firstUnreported();
            LOG.warn("Drop {}: {}; one dead letter sums them up", file.name, bad.unreported());
            send(file, topics.deadLetters(), file.name, deadLetter("unreadable-records", bad.unreported(),
                    truncate(first.bytes()), file.path + "#" + first.where()));
        }
    }

    private <V> void send(InFlightFile file, Topic<String, V> topic, String key, V value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        sendBytes(file, topic.name(), key, bytes, "dead letter of " + file.name);
    }

    private void sendBytes(InFlightFile file, String topic, String key, byte[] bytes, String what) {
        inFlight.add(file.path);
        try {
            producer.send(new ProducerRecord<>(topic, key, bytes), (metadata, exception) -> {
                if (exception != null && isOutage(exception)) {
                    file.failure = exception;
                } else if (exception != null) {
                    file.refused.add(what + ": " + exception);
                    file.refusedKeys.add(key);
                }
                if (file.remaining.decrementAndGet() == 0) {
                    completed.add(file);
                }
            });
        } catch (RuntimeException e) {
            // send() itself fails only when the producer is unusable (closed, metadata timeout).
            file.failure = e;
            if (file.remaining.decrementAndGet() == 0) {
                completed.add(file);
            }
        }
    }

    /**
     * Whether a send error means the broker cannot be used now (retried, health DOWN) rather than that
     * it refused this one record (too large, invalid: sending it again gives the same answer).
     */
    static boolean isOutage(Exception error) {
        return error instanceof RetriableException || error instanceof AuthenticationException
                || error instanceof AuthorizationException || error instanceof InterruptException;
    }

    private boolean finishCompleted() {
        boolean worked = false;
        InFlightFile file;
        while ((file = completed.poll()) != null) {
            finish(file);
            worked = true;
        }
        return worked;
    }

    /** Files what the broker acknowledged (done/ or failed/); keeps what it did not for a retry. */
    private void finish(InFlightFile file) {
        inFlight.remove(file.path);
        file.articles.forEach(article -> contentInFlight.remove(article.getContentHash()));
        if (file.failure != null) {
            if (!deliveryFailing) {
                LOG.error("The broker did not acknowledge drop {} ({}); it stays in processing/ and is retried",
                        file.name, file.failure.toString());
            }
            deliveryFailing = true;
            retryAtNanos = System.nanoTime() + RETRY_AFTER_FAILURE.toNanos();
            toRetry.add(file.path);
            return;
        }
        deliveryFailing = false;
        try {
            if (!file.refused.isEmpty() && file.failureReason == null) {
                fileRefused(file);
                return;
            }
            if (file.failureReason != null) {
                folder.markFailed(file.path, file.failureReason);
                countFile("failed");
                return;
            }
            String identity = dropIdentity(file.path);
            for (RawArticle article : file.articles) {
                ledger.record(article.getContentHash(), new ContentLedger.Entry(article.getArticleId(), file.name, identity));
            }
            folder.markDone(file.path, config.deleteWhenDone(), file.note);
            countFile(config.deleteWhenDone() ? "deleted" : "done");
            PipelineMeters.articlesOut(STAGE, file.articles.size());
            LOG.debug("Drop {} produced {} article(s)", file.name, file.articles.size());
        } catch (IOException e) {
            LOG.error("Drop {} was produced but could not be moved out of processing/: {}", file.name, e.toString());
        }
    }

    /**
     * The broker refused records of this file for good (what was acknowledged stays produced): the
     * file goes to failed/ saying which, with a dead letter, and the folder carries on.
     */
    private void fileRefused(InFlightFile file) throws IOException {
        String identity = dropIdentity(file.path);
        for (RawArticle article : file.articles) {
            if (!file.refusedKeys.contains(article.getArticleId())) {
                ledger.record(article.getContentHash(), new ContentLedger.Entry(article.getArticleId(), file.name, identity));
            }
        }
        List<String> refused = List.copyOf(file.refused);
        String reason = "The broker refused " + refused.size() + " record(s) of " + file.name
                + " for good (the others were produced):\n- " + String.join("\n- ",
                refused.subList(0, Math.min(refused.size(), config.maxDeadLettersPerFile())));
        LOG.warn("Drop {}: the broker refused {} record(s) for good; the file goes to failed/ and the folder carries "
                + "on. First: {}", file.name, refused.size(), refused.get(0));
        InFlightFile failed = new InFlightFile(file.path, file.name, List.of(), reason, null, 1);
        send(failed, topics.deadLetters(), file.name, deadLetter("refused-by-broker", reason, head(file.path),
                file.path.toString()));
    }

    private static String note(String name, List<String> duplicates, List<String> cut, int maxLines, int articles,
                               List<DropContents.RejectedRecord> reported, String unreported) {
        StringBuilder note = new StringBuilder();
        cut.forEach(line -> note.append(line).append('\n'));
        if (!duplicates.isEmpty()) {
            note.append("Some content of ").append(name).append(" was already produced and was not produced again:\n");
            duplicates.stream().limit(maxLines).forEach(line -> note.append("- ").append(line).append('\n'));
            if (duplicates.size() > maxLines) {
                note.append("- and ").append(duplicates.size() - maxLines).append(" more\n");
            }
        }
        if (!reported.isEmpty() || unreported != null) {
            note.append(articles).append(" article(s) of ").append(name)
                    .append(" were read; these records were unreadable and went to the dead-letter topic:\n");
            reported.forEach(r -> note.append("- ").append(r.where()).append(": ").append(r.reason()).append('\n'));
            if (unreported != null) {
                note.append("- ").append(unreported).append('\n');
            }
        }
        return note.toString();
    }

    /** {@code newsflow_drop_files_total{outcome}}: dropped files filed as done, deleted or failed. */
    private static void countFile(String outcome) {
        Counter.builder("newsflow.drop.files").description("Dropped files by what became of them")
                .tag("outcome", outcome).register(Metrics.globalRegistry).increment();
    }

    private static DeadLetter deadLetter(String errorClass, String message, byte[] bytes, String origin) {
        PipelineMeters.deadLetter(Metrics.globalRegistry, STAGE, errorClass);
        return DeadLetter.newBuilder()
                .setStage(STAGE)
                .setErrorClass(errorClass)
                .setMessage(message)
                .setOriginalBytes(bytes == null ? null : ByteBuffer.wrap(bytes))
                .setOrigin(origin)
                .setOccurredAt(Instant.now())
                .build();
    }

    /** The first bytes of a file for its dead letter; never reads a huge file whole. */
    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(MAX_DEAD_LETTER_BYTES);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] truncate(byte[] bytes) {
        return bytes.length <= MAX_DEAD_LETTER_BYTES ? bytes : Arrays.copyOf(bytes, MAX_DEAD_LETTER_BYTES);
    }

    /** The name the file was dropped under (a claim may have added {@code ~2} to keep it unique). */
    private static String originalName(Path claimed) {
        return claimed.getFileName().toString();
    }

    /** Identifies one drop of a file: its name, size and modification time survive the moves between folders. */
    private static String dropIdentity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return file.getFileName() + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return file.getFileName().toString();
        }
    }

    /** A claimed file whose records are on their way to the broker. */
    private static final class InFlightFile {
        final Path path;
        final String name;
        final List<RawArticle> articles;
        final String failureReason;
        final String note;
        final AtomicInteger remaining;
        /** Records the broker refused for good: not an outage, nothing to retry. */
        final Queue<String> refused = new ConcurrentLinkedQueue<>();
        final Set<String> refusedKeys = ConcurrentHashMap.newKeySet();
        volatile Exception failure;

        InFlightFile(Path path, String name, List<RawArticle> articles, String failureReason, String note, int records) {
            this.path = path;
            this.name = name;
            this.articles = articles;
            this.failureReason = failureReason;
            this.note = note;
            this.remaining = new AtomicInteger(records);
        }
    }
}
