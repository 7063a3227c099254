package io.newsflow.sink;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsflow.sink.changes.ChangeBatch;
import io.newsflow.sink.changes.Rejection;
import io.newsflow.sink.files.JsonlFiles;
import io.newsflow.sink.postgres.PostgresEventStore;
import io.newsflow.topics.Topics;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.ExponentialBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes event snapshots from the compacted events topic and writes them to JSON Lines files and/or
 * PostgreSQL, in batches of at most {@link SinkConfig#batchSize()} records or {@link SinkConfig#linger()} of
 * waiting, whichever comes first.
 *
 * <p><b>With a database</b> the sink is exactly once: each batch's rows and the next offsets of its partitions
 * commit in one PostgreSQL transaction, and on start the sink assigns itself every partition of the topic and
 * seeks to the offsets stored there (Kafka's committed offsets are not read). It copies those offsets to
 * consumer group {@code newsflow-sink} as they commit, without joining it, so that standard lag tools see its position. A crash anywhere therefore either
 * loses the whole batch (read again) or nothing. {@link SinkConfig#writers()} database writers share the work:
 * writer i takes the records of the partitions p with p mod writers = i, each in transactions of its own with its
 * own partitions' offsets, so the guarantee holds per partition; all of an event's records share a partition.
 * Each writer works through its batches in order at its own pace ({@link DatabaseWriters}) while the next ones
 * are read and decoded, so an event's snapshots reach the database in the topic's order.
 *
 * <p><b>Files only</b>, the sink joins consumer group {@code newsflow-sink} (unless {@code group.id} is given) and
 * commits offsets to Kafka after the lines are on disk: at least once.
 *
 * <p><b>Failures</b>: when a store cannot be written (database down, disk full, broker unreachable for dead
 * letters), the sink stops consuming, keeps the batch, retries with exponential backoff (200 ms up to 30 s),
 * reports {@link #healthy()} false and logs each attempt, and resumes with the same batch when the store is back.
 * A record that cannot be decoded, or that the database refuses for its content, goes to the dead-letter topic
 * with the reason; the stream goes on.
 */
public final class SinkService implements AutoCloseable {

    public static final String DEFAULT_GROUP_ID = "newsflow-sink";

    private static final Logger log = LoggerFactory.getLogger(SinkService.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** While no records come, the database is still checked this often so health tells the truth. */
    private static final Duration IDLE_PING = Duration.ofSeconds(5);
    /** Subfolder (and file-name prefix) of the JSON Lines files of the event-articles topic. */
    public static final String EVENT_ARTICLES_DIR = "event-articles";

    private final SinkConfig config;
    private final Map<String, Object> kafkaProperties;
    private final Topics topics;
    /** The events topic, then the event-articles topic: read together, each partition into its lane. */
    private final List<String> topicNames;
    private final ExponentialBackoff backoff = new ExponentialBackoff(200, 2, 30_000, 0.2);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final AtomicLong recordsDone = new AtomicLong();
    private final SinkMeters meters = new SinkMeters();
    /**
     * Next offsets the database writers committed to PostgreSQL, not yet committed to the consumer group:
     * PostgreSQL stays the source of truth, the group only lets standard lag tools see the sink's position.
     */
    private final Map<TopicPartition, Long> databasePositions = new ConcurrentHashMap<>();

    private volatile boolean running;
    /** When a stop must be over (System.nanoTime); 0 until close is called. */
    private volatile long stopDeadlineNanos;
    private volatile boolean ready;
    /** The consumer has its partitions: assigned from the stored offsets, or given by its group. */
    private volatile boolean assigned;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaClientMetrics consumerMetrics;
    private volatile Thread worker;
    /** Parts a round of records is split into: one per database writer, one without a database. */
    private final int lanes;
    private final RecordBatches batches;

    public SinkService(SinkConfig config, Map<String, Object> kafkaProperties, Topics topics) {
        this.config = config;
        this.kafkaProperties = new HashMap<>(kafkaProperties); // may hold null values, which Map.copyOf refuses
        this.topics = topics;
        this.topicNames = List.of(topics.events().name(), topics.eventArticles().name());
        this.lanes = config.writesDatabase() ? config.writers() : 1;
        this.batches = new RecordBatches(lanes, config.batchSize(), config.linger(), topics);
    }

    public synchronized void start() {
        if (worker != null) {
            throw new IllegalStateException("the sink was already started");
        }
        running = true;
        worker = new Thread(this::run, "newsflow-sink");
        worker.start();
    }

    /** False until the stores are ready, while a store (e.g. the database) cannot be written, and after a stop. */
    public boolean healthy() {
        Thread w = worker;
        return ready && failing.isEmpty() && w != null && w.isAlive();
    }

    /** False once the sink's thread has ended (a stop, or a failure it cannot retry): it makes no progress. */
    public boolean live() {
        Thread w = worker;
        return w == null || w.isAlive();
    }

    /** True while the consumer holds its partitions (all of them with a database, its group's share without). */
    public boolean assigned() {
        return assigned;
    }

    /** What the sink cannot do right now and retries (e.g. "write to the database"); empty when all goes. */
    public Set<String> failing() {
        return Set.copyOf(failing);
    }

    /** Records consumed whose batch is committed (written, skipped as stale, or dead-lettered). */
    public long recordsDone() {
        return recordsDone.get();
    }

    @Override
    public void close() {
        close(STOP_TIMEOUT);
    }

    /**
     * Stops within {@code timeout}: the batch under way is written or abandoned (read again at the next start),
     * and the Kafka clients get what is left of the time to close, so an unreachable broker cannot hold the stop.
     */
    public void close(Duration timeout) {
        stopDeadlineNanos = System.nanoTime() + timeout.toNanos();
        requestStop();
        meters.close();
        Thread w;
        synchronized (this) {
            w = worker;
        }
        if (w != null && w != Thread.currentThread()) {
            try {
                w.join(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (w.isAlive()) {
                log.warn("The sink did not stop within {}", timeout);
            }
        }
    }

    /** What is left of the stop's time (all of a default stop's when none was asked yet), for closing clients. */
    private Duration leftToStop() {
        long left = stopDeadlineNanos - System.nanoTime();
        return stopDeadlineNanos == 0 ? STOP_TIMEOUT : Duration.ofNanos(Math.max(0, left));
    }

    private void requestStop() {
        running = false;
        stopRequested.countDown();
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private void run() {
        log.info("Sink starting: {} from topics {}", config, topicNames);
        KafkaConsumer<String, byte[]> c = null;
        DeadLetters deadLetters = null;
        try {
            c = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
            deadLetters = new DeadLetters(kafkaProperties, topics.deadLetters());
            consumer = c;
            consumerMetrics = new KafkaClientMetrics(c);
            consumerMetrics.bindTo(Metrics.globalRegistry);
            if (running) {
                consume(c, deadLetters);
            }
        } catch (StopRequested | WakeupException | InterruptException e) {
            if (running) {
                log.error("The sink was interrupted while running", e);
            }
        } catch (RuntimeException | Error e) {
            log.error("The sink stopped on an unexpected failure", e);
        } finally {
            if (consumerMetrics != null) {
                consumerMetrics.close();
            }
            ready = false;
            assigned = false;
            consumer = null;
            running = false;
            closeClients(deadLetters, c);
            log.info("Sink stopped after {} records", recordsDone.get());
        }
    }

    /** Opens the stores and runs until stopped; closes the stores (writers first) before the consumer closes. */
    private void consume(KafkaConsumer<String, byte[]> c, DeadLetters deadLetters) {
        JsonlFiles files = null;
        JsonlFiles memberFiles = null;
        DatabaseWriters writers = null;
        try {
            if (config.writesFiles()) {
                files = retry("open the JSON Lines directory " + config.jsonlDir(), () -> new JsonlFiles(
                        config.jsonlDir(), "events", config.rotateBytes(), config.rotateAfter(), Clock.systemUTC()));
                Path membersDir = config.jsonlDir().resolve(EVENT_ARTICLES_DIR);
                memberFiles = retry("open the JSON Lines directory " + membersDir, () -> new JsonlFiles(
                        membersDir, EVENT_ARTICLES_DIR, config.rotateBytes(), config.rotateAfter(), Clock.systemUTC()));
            }
            if (config.writesDatabase()) {
                retry("migrate the database schema",
                        () -> SinkMigrations.migrate(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword()));
                try (PostgresEventStore offsets = newStore()) {
                    assignFromStoredOffsets(c, offsets);
                }
                assigned = true;
                writers = new DatabaseWriters(lanes, this::newStore, IDLE_PING, writerTasks(deadLetters));
            } else {
                c.subscribe(topicNames, new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        assigned = false;
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        assigned = true;
                    }
                });
            }
            ready = true;
            log.info("Sink ready");
            while (running) {
                List<ChangeBatch> batch = batches.next(c, () -> running);
                meters.sampleLag(c);
                commitDatabasePositions(c);
                if (files != null) {
                    JsonlFiles openFiles = files;
                    JsonlFiles openMemberFiles = memberFiles;
                    retry("rotate JSON Lines files", () -> {
                        openFiles.rotateIfDue();
                        openMemberFiles.rotateIfDue();
                        return null;
                    });
                }
                if (batch.stream().anyMatch(part -> !part.isEmpty())) {
                    deliver(batch, c, files, memberFiles, writers, deadLetters);
                }
            }
        } finally {
            requestStop(); // the writers too: they retry only while the sink runs
            closeQuietly(files, writers);
            closeQuietly(memberFiles, null);
            copyLastPositions(c);
        }
    }

    /** Writes a round: the files at once (all parts), then hands each part to its database writer. */
    private void deliver(List<ChangeBatch> parts, KafkaConsumer<String, byte[]> c, JsonlFiles files,
                         JsonlFiles memberFiles, DatabaseWriters writers, DeadLetters deadLetters) {
        if (files != null) {
            List<String> lines = new ArrayList<>();
            List<String> memberLines = new ArrayList<>();
            parts.forEach(part -> {
                lines.addAll(part.lines());
                memberLines.addAll(part.memberLines());
            });
            retry("write JSON Lines files", () -> {
                files.append(lines);
                memberFiles.append(memberLines);
                files.sync();
                memberFiles.sync();
                return null;
            });
            meters.lines(lines.size());
            meters.batch("files");
        }
        if (writers == null) {
            ChangeBatch batch = parts.get(0);
            retry("send dead letters", () -> {
                deadLetters.publish(batch.undecodable());
                return null;
            });
            commitToKafka(c, batch.nextOffsets());
            recordsDone.addAndGet(batch.records());
            return;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).isEmpty()) {
                try {
                    if (!writers.submit(i, parts.get(i))) {
                        throw new StopRequested();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StopRequested();
                }
            }
        }
    }

    /** Runs on a writer's thread. */
    private void write(ChangeBatch batch, PostgresEventStore store, String what, DeadLetters deadLetters) {
        List<Rejection> undecodable = batch.undecodable();
        PostgresEventStore.WriteResult result = retry(what, () -> store.write(batch.changes(), batch.memberChanges(),
                batch.nextOffsets(),
                rejected -> deadLetters.publish(ChangeBatch.concat(undecodable, rejected))));
        log.debug("Batch of {} records: {} snapshots written, {} stale, {} events deleted, {} rejected",
                batch.records(), result.written(), result.stale(), result.deleted(), result.rejected().size());
        meters.rows(result);
        meters.batch("database");
        batch.nextOffsets().forEach((partition, next) -> databasePositions.merge(partition, next, Math::max));
        recordsDone.addAndGet(batch.records());
    }

    private DatabaseWriters.Tasks writerTasks(DeadLetters deadLetters) {
        return new DatabaseWriters.Tasks() {
            @Override
            public void write(ChangeBatch batch, PostgresEventStore store, String what) {
                SinkService.this.write(batch, store, what, deadLetters);
            }

            @Override
            public void ping(PostgresEventStore store, String what) {
                retry(what, () -> {
                    store.ping();
                    return null;
                });
            }

            @Override
            public boolean sinkRunning() {
                return running;
            }

            @Override
            public void failed(Throwable failure) {
                log.error("A database writer stopped on an unexpected failure; stopping the sink", failure);
                requestStop();
            }
        };
    }

    private PostgresEventStore newStore() {
        return new PostgresEventStore(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
    }

    /** Files only: at least once. A failed commit (e.g. after a rebalance) means those records come again. */
    private void commitToKafka(KafkaConsumer<String, byte[]> c, Map<TopicPartition, Long> nextOffsets) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsets.forEach((partition, next) -> offsets.put(partition, new OffsetAndMetadata(next)));
        try {
            c.commitSync(offsets);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn("Could not commit offsets {} to Kafka ({}); those records may be written to files again",
                    nextOffsets, e.getMessage());
        }
    }

    /**
     * Copies the positions committed to PostgreSQL to the consumer group {@code newsflow-sink}, asynchronously:
     * a failed or late commit only makes lag tools lag; the sink never reads these offsets back.
     */
    private void commitDatabasePositions(KafkaConsumer<String, byte[]> c) {
        if (databasePositions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : List.copyOf(databasePositions.keySet())) {
            Long next = databasePositions.remove(partition);
            if (next != null) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        }
        c.commitAsync(offsets, (committed, error) -> {
            if (error != null) {
                // kept for the next copy (e.g. the group coordinator was not found yet)
                offsets.forEach((partition, offset) -> databasePositions.merge(partition, offset.offset(), Math::max));
                log.debug("Could not copy the sink's position {} to its consumer group: {}", offsets, error.toString());
            }
        });
    }

    /** After a clean stop the group shows the sink's last position too (best effort, as every copy). */
    private void copyLastPositions(KafkaConsumer<String, byte[]> c) {
        for (int attempt = 0; attempt < 2 && !databasePositions.isEmpty(); attempt++) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            databasePositions.forEach((partition, next) -> offsets.put(partition, new OffsetAndMetadata(next)));
            try {
                c.commitSync(offsets, Duration.ofSeconds(5));
                offsets.keySet().forEach(databasePositions::remove);
            } catch (WakeupException e) {
                // the stop's wakeup was still pending: it is spent now, so the second attempt can commit
            } catch (KafkaException e) {
                log.debug("Could not copy the sink's last position {} to its consumer group: {}", offsets, e.toString());
                return;
            }
        }
    }

    private void assignFromStoredOffsets(KafkaConsumer<String, byte[]> c, PostgresEventStore database) {
        List<TopicPartition> partitions = new ArrayList<>();
        Map<TopicPartition, Long> stored = new HashMap<>();
        for (String topic : topicNames) {
            partitions.addAll(retry("find the partitions of topic " + topic, () -> {
                List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalStateException("topic " + topic + " does not exist yet");
                }
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }));
            stored.putAll(retry("read the offsets stored in PostgreSQL", () -> database.readOffsets(topic)));
        }
        c.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next == null) {
                c.seekToBeginning(List.of(partition));
            } else {
                c.seek(partition, next);
            }
        }
        log.info("Reading {} partitions of {} from the offsets stored in PostgreSQL {} (others from the start)",
                partitions.size(), topicNames, stored);
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = KafkaSettings.consumer(kafkaProperties);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize() * lanes);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-sink");
        // With a database the sink assigns itself its partitions and does not join the group; it still
        // commits its position there (copied from PostgreSQL) so that lag tools see it.
        props.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP_ID);
        return props;
    }

    /**
     * Runs the action until it succeeds, with exponential backoff; while it fails the sink is not healthy.
     * Only close() ends the retrying.
     */
    private <T> T retry(String what, Callable<T> action) {
        int attempts = 0;
        while (true) {
            if (!running) {
                throw new StopRequested();
            }
            try {
                T result = action.call();
                if (failing.remove(what)) {
                    log.info("Could {} again after {} failed attempts; resuming", what, attempts);
                }
                return result;
            } catch (WakeupException | InterruptException | StopRequested e) {
                throw e;
            } catch (Exception e) {
                failing.add(what);
                long wait = backoff.backoff(attempts++);
                log.warn("Not ready: cannot {} (attempt {}): {}; retrying in {} ms", what, attempts, describe(e),
                        wait);
                try {
                    if (stopRequested.await(wait, TimeUnit.MILLISECONDS)) {
                        throw new StopRequested();
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StopRequested();
                }
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text.append(" (caused by ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(cause.getMessage()).append(')');
        }
        return text.toString();
    }

    /** Dead letters first (sent ones are flushed), then the consumer (leaves its group), within the stop's time. */
    private void closeClients(DeadLetters deadLetters, KafkaConsumer<String, byte[]> c) {
        try {
            if (deadLetters != null) {
                deadLetters.close(leftToStop());
            }
        } catch (RuntimeException e) {
            log.warn("Closing the dead-letter producer failed: {}", e.toString());
        }
        try {
            if (c != null) {
                c.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(leftToStop()));
            }
        } catch (RuntimeException e) {
            log.warn("Closing the consumer failed: {}", e.toString());
        }
    }

    private static void closeQuietly(JsonlFiles files, DatabaseWriters writers) {
        if (files != null) {
            try {
                files.close();
            } catch (Exception e) {
                log.warn("Could not publish the last JSON Lines file: {}", e.getMessage());
            }
        }
        if (writers != null) {
            writers.close();
        }
    }

    /** close() was called while the sink waited or retried. */
    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("stop requested", null, false, false);
        }
    }
}
