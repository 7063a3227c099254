package io.newsflow.sink;

import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.sink.changes.ChangeBatch;
import io.newsflow.sink.changes.RecordOrigin;
import io.newsflow.topics.Topics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the events and event-articles topics into batches, one per lane (database writer; one lane without a database): a record goes
 * to lane partition mod lanes, decoded into a snapshot or tombstone, or kept as undecodable for the dead letters.
 * A lane whose batch is full keeps its further records for the next round, in order.
 */
final class RecordBatches {

    private static final Logger log = LoggerFactory.getLogger(RecordBatches.class);
    /** How long a poll waits while nothing has come. */
    private static final Duration IDLE_POLL = Duration.ofMillis(500);

    private final int batchSize;
    private final Duration linger;
    private final Deserializer<NewsEvent> snapshots;
    private final String eventArticlesTopic;
    private final Deserializer<EventMember> members;
    /** Records polled but not yet in a batch, per lane. */
    private final List<Deque<ConsumerRecord<String, byte[]>>> pending = new ArrayList<>();

    RecordBatches(int lanes, int batchSize, Duration linger, Topics topics) {
        this.batchSize = batchSize;
        this.linger = linger;
        this.snapshots = topics.events().valueSerde().deserializer();
        this.eventArticlesTopic = topics.eventArticles().name();
        this.members = topics.eventArticles().valueSerde().deserializer();
        for (int i = 0; i < lanes; i++) {
            pending.add(new ArrayDeque<>());
        }
    }

    /**
     * The next round: a batch per lane, each of at most batchSize records. A fetch brings one partition's records
     * before another's, so polling goes on until every batch is full, linger has passed since the first record,
     * nothing comes, or a round's worth of records waits in lanes that are full.
     */
    List<ChangeBatch> next(KafkaConsumer<String, byte[]> consumer, BooleanSupplier running) {
        int lanes = pending.size();
        List<ChangeBatch> parts = new ArrayList<>(lanes);
        for (int i = 0; i < lanes; i++) {
            parts.add(new ChangeBatch());
        }
        int records = fill(parts);
        long deadline = records == 0 ? 0 : System.nanoTime() + linger.toNanos();
        while (running.getAsBoolean() && !allFull(parts) && waiting() < batchSize * lanes) {
            long waitNanos = records == 0 ? IDLE_POLL.toNanos() : Math.max(0, deadline - System.nanoTime());
            int polled = 0;
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofNanos(waitNanos))) {
                pending.get(record.partition() % lanes).add(record);
                polled++;
            }
            records += fill(parts);
            if (deadline == 0 && records > 0) {
                deadline = System.nanoTime() + linger.toNanos();
            }
            if (records == 0 ? polled == 0 : System.nanoTime() >= deadline) {
                break;
            }
        }
        return parts;
    }

    /** Moves waiting records into their lane's batch while it has room; returns how many moved. */
    private int fill(List<ChangeBatch> parts) {
        int moved = 0;
        for (int i = 0; i < parts.size(); i++) {
            Deque<ConsumerRecord<String, byte[]>> waiting = pending.get(i);
            ChangeBatch part = parts.get(i);
            while (!waiting.isEmpty() && part.records() < batchSize) {
                add(part, waiting.poll());
                moved++;
            }
        }
        return moved;
    }

    private boolean allFull(List<ChangeBatch> parts) {
        return parts.stream().allMatch(part -> part.records() >= batchSize);
    }

    private int waiting() {
        return pending.stream().mapToInt(Deque::size).sum();
    }

    private void add(ChangeBatch batch, ConsumerRecord<String, byte[]> record) {
        RecordOrigin origin = new RecordOrigin(record.topic(), record.partition(), record.offset(), record.value());
        if (record.topic().equals(eventArticlesTopic)) {
            addMember(batch, record, origin);
            return;
        }
        if (record.value() == null) {
            if (record.key() == null) {
                log.warn("Dead-lettering a tombstone without a key at {}", origin);
                batch.addUndecodable(origin, "tombstone-without-key", "A tombstone without a key names no event");
            } else {
                batch.addTombstone(origin, record.key());
            }
            return;
        }
        NewsEvent snapshot = decode(snapshots, "a NewsEvent", batch, record, origin);
        if (snapshot == null) {
            return;
        }
        if (record.key() != null && !record.key().equals(snapshot.getEventId())) {
            log.warn("Record at {} has key {} but eventId {}; the eventId counts", origin, record.key(),
                    snapshot.getEventId());
        }
        batch.addSnapshot(origin, snapshot);
    }

    private void addMember(ChangeBatch batch, ConsumerRecord<String, byte[]> record, RecordOrigin origin) {
        if (record.key() == null) {
            log.warn("Dead-lettering an event-articles record without a key at {}", origin);
            batch.addUndecodable(origin, "member-without-key", "An event-articles record without a key names no article");
            return;
        }
        if (record.value() == null) {
            batch.addMember(origin, record.key(), null);
            return;
        }
        EventMember member = decode(members, "an EventMember", batch, record, origin);
        if (member != null) {
            batch.addMember(origin, record.key(), member);
        }
    }

    /** The record's value decoded, or null when it does not decode: then it is kept for the dead letters. */
    private static <T> T decode(Deserializer<T> deserializer, String what, ChangeBatch batch,
                                ConsumerRecord<String, byte[]> record, RecordOrigin origin) {
        try {
            return deserializer.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            log.warn("Dead-lettering an undecodable value at {}: {}", origin, e.getMessage());
            batch.addUndecodable(origin, e.getClass().getName(), "The value does not decode as " + what + ": " + e.getMessage());
            return null;
        }
    }
}
