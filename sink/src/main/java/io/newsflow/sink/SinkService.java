package io.newsflow.sink;

import io.newsflow.schemas.NewsEvent;
import io.newsflow.sink.changes.ChangeBatch;
import io.newsflow.sink.changes.RecordOrigin;
import io.newsflow.sink.changes.Rejection;
import io.newsflow.sink.files.JsonlFiles;
import io.newsflow.sink.postgres.PostgresEventStore;
import io.newsflow.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
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
 * seeks to the offsets stored there (Kafka's committed offsets are not used). A crash anywhere therefore either
 * loses the whole batch (read again) or nothing.
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
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** While no records come, the database is still checked this often so health tells the truth. */
    private static final Duration IDLE_PING = Duration.ofSeconds(5);

    private final SinkConfig config;
    private final Map<String, Object> kafkaProperties;
    private final Topics topics;
    private final String topic;
    private final Deserializer<NewsEvent> snapshots;
    private final ExponentialBackoff backoff = new ExponentialBackoff(200, 2, 30_000, 0.2);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Deque<ConsumerRecord<String, byte[]>> pending = new ArrayDeque<>();
    private final AtomicLong recordsDone = new AtomicLong();

    private volatile boolean running;
    private volatile boolean ready;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread worker;

    public SinkService(SinkConfig config, Map<String, Object> kafkaProperties, Topics topics) {
        this.config = config;
        this.kafkaProperties = new HashMap<>(kafkaProperties); // may hold null values, which Map.copyOf refuses
        this.topics = topics;
        this.topic = topics.events().name();
        this.snapshots = topics.events().valueSerde().deserializer();
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

    /** Records consumed whose batch is committed (written, skipped as stale, or dead-lettered). */
    public long recordsDone() {
        return recordsDone.get();
    }

    @Override
    public void close() {
        running = false;
        stopRequested.countDown();
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread w;
        synchronized (this) {
            w = worker;
        }
        if (w != null && w != Thread.currentThread()) {
            try {
                w.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (w.isAlive()) {
                log.warn("The sink did not stop within {}", STOP_TIMEOUT);
            }
        }
    }

    private void run() {
        log.info("Sink starting: {} from topic {}", config, topic);
        JsonlFiles files = null;
        PostgresEventStore database = null;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                new ByteArrayDeserializer());
             DeadLetters deadLetters = new DeadLetters(kafkaProperties, topics.deadLetters())) {
            consumer = c;
            if (!running) {
                return;
            }
            if (config.writesFiles()) {
                files = retry("open the JSON Lines directory " + config.jsonlDir(), () -> new JsonlFiles(
                        config.jsonlDir(), config.rotateBytes(), config.rotateAfter(), Clock.systemUTC()));
            }
            if (config.writesDatabase()) {
                database = new PostgresEventStore(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
                retry("migrate the database schema",
                        () -> SinkMigrations.migrate(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword()));
                assignFromStoredOffsets(c, database);
            } else {
                c.subscribe(List.of(topic));
            }
            ready = true;
            log.info("Sink ready");
            JsonlFiles openFiles = files;
            PostgresEventStore openDatabase = database;
            long lastContact = System.nanoTime();
            while (running) {
                ChangeBatch batch = nextBatch(c);
                if (openFiles != null) {
                    retry("rotate JSON Lines files", () -> {
                        openFiles.rotateIfDue();
                        return null;
                    });
                }
                if (!batch.isEmpty()) {
                    deliver(batch, c, openFiles, database, deadLetters);
                    lastContact = System.nanoTime();
                } else if (openDatabase != null && System.nanoTime() - lastContact > IDLE_PING.toNanos()) {
                    retry("reach PostgreSQL", () -> {
                        openDatabase.ping();
                        return null;
                    });
                    lastContact = System.nanoTime();
                }
            }
        } catch (StopRequested | WakeupException | InterruptException e) {
            if (running) {
                log.error("The sink was interrupted while running", e);
            }
        } catch (RuntimeException | Error e) {
            log.error("The sink stopped on an unexpected failure", e);
        } finally {
            ready = false;
            consumer = null;
            closeQuietly(files, database);
            log.info("Sink stopped after {} records", recordsDone.get());
        }
    }

    private void deliver(ChangeBatch batch, KafkaConsumer<String, byte[]> c, JsonlFiles files,
                         PostgresEventStore database, DeadLetters deadLetters) {
        List<Rejection> undecodable = batch.undecodable();
        if (files != null) {
            List<String> lines = batch.lines();
            retry("write JSON Lines files", () -> {
                files.append(lines);
                files.sync();
                return null;
            });
        }
        if (database != null) {
            PostgresEventStore.WriteResult result = retry("write to PostgreSQL", () -> database.write(
                    batch.changes(), batch.nextOffsets(),
                    rejected -> deadLetters.publish(ChangeBatch.concat(undecodable, rejected))));
            log.debug("Batch of {} records: {} snapshots written, {} stale, {} events deleted, {} rejected",
                    batch.records(), result.written(), result.stale(), result.deleted(), result.rejected().size());
        } else {
            retry("send dead letters", () -> {
                deadLetters.publish(undecodable);
                return null;
            });
            commitToKafka(c, batch.nextOffsets());
        }
        recordsDone.addAndGet(batch.records());
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

    private void assignFromStoredOffsets(KafkaConsumer<String, byte[]> c, PostgresEventStore database) {
        List<TopicPartition> partitions = retry("find the partitions of topic " + topic, () -> {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist yet");
            }
            return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        });
        Map<TopicPartition, Long> stored = retry("read the offsets stored in PostgreSQL",
                () -> database.readOffsets(topic));
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
                partitions.size(), topic, stored);
    }

    /** Up to batchSize records; waits at most linger once the first record is in. */
    private ChangeBatch nextBatch(KafkaConsumer<String, byte[]> c) {
        ChangeBatch batch = new ChangeBatch();
        long deadline = 0;
        while (running && batch.records() < config.batchSize()) {
            if (pending.isEmpty()) {
                long waitNanos = batch.isEmpty() ? IDLE_POLL.toNanos() : Math.max(0, deadline - System.nanoTime());
                c.poll(Duration.ofNanos(waitNanos)).forEach(pending::add);
                if (pending.isEmpty() && (batch.isEmpty() || System.nanoTime() >= deadline)) {
                    break;
                }
            }
            while (!pending.isEmpty() && batch.records() < config.batchSize()) {
                add(batch, pending.poll());
            }
            if (deadline == 0) {
                deadline = System.nanoTime() + config.linger().toNanos();
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
        }
        return batch;
    }

    private void add(ChangeBatch batch, ConsumerRecord<String, byte[]> record) {
        RecordOrigin origin = new RecordOrigin(record.topic(), record.partition(), record.offset(), record.value());
        if (record.value() == null) {
            if (record.key() == null) {
                log.warn("Dead-lettering a tombstone without a key at {}", origin);
                batch.addUndecodable(origin, "tombstone-without-key", "A tombstone without a key names no event");
            } else {
                batch.addTombstone(origin, record.key());
            }
            return;
        }
        NewsEvent snapshot;
        try {
            snapshot = snapshots.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            log.warn("Dead-lettering an undecodable value at {}: {}", origin, e.getMessage());
            batch.addUndecodable(origin, e.getClass().getName(),
                    "The value does not decode as a NewsEvent: " + e.getMessage());
            return;
        }
        if (record.key() != null && !record.key().equals(snapshot.getEventId())) {
            log.warn("Record at {} has key {} but eventId {}; the eventId counts", origin, record.key(),
                    snapshot.getEventId());
        }
        batch.addSnapshot(origin, snapshot);
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = KafkaSettings.consumer(kafkaProperties);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-sink");
        if (!config.writesDatabase()) {
            props.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP_ID);
        }
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

    private static void closeQuietly(JsonlFiles files, PostgresEventStore database) {
        if (files != null) {
            try {
                files.close();
            } catch (Exception e) {
                log.warn("Could not publish the last JSON Lines file: {}", e.getMessage());
            }
        }
        if (database != null) {
            database.close();
        }
    }

    /** close() was called while the sink waited or retried. */
    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("stop requested", null, false, false);
        }
    }
}
