package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.vectors.TermVector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Document frequencies, decayed in event time (a value halves every half-life), for IDF: a table
 * in memory, kept in the store as a snapshot plus a log of the articles counted since.
 *
 * <p>Why not a store entry per term: an article counts ~100 terms, and written one by one they
 * were ~100 store writes per article (RocksDB puts and changelog records at every commit), the
 * largest share of the service's store traffic. Here an article is one log record (its terms);
 * every {@value #SNAPSHOT_EVERY} articles the whole table is written as a snapshot in chunks.
 * Loading reads the snapshot and replays the log records after it with the same arithmetic, so
 * the table after a restart is the one before it, to the bit, and decisions stay the same. The
 * snapshot drops terms decayed below {@value #PRUNE_BELOW} documents, which keeps the table
 * bounded on an endless stream of new names.
 *
 * <p>Log records go to {@value #SNAPSHOT_EVERY} slots in turn (article S to slot S modulo that),
 * each record holding its article's number: a record the snapshot covers is overwritten in time,
 * never deleted, and loading skips it. Deleting the log at each snapshot was a store read and a
 * tombstone per article.
 *
 * <p>Keys: {@code snap} (the last article the snapshot counts, its chunk count), {@code snap|N}
 * (chunk N: term, value, as-of triples), {@code slot|N} (log slot N: article number, event time,
 * half-life and terms).
 */
final class DocumentFrequencies {

    static final int SNAPSHOT_EVERY = 10_000;
    static final double PRUNE_BELOW = 0.01;
    static final String DOCUMENT_COUNT = "\u0000documents";
    private static final long DOCUMENT_COUNT_TERM = TermVector.termOf(DOCUMENT_COUNT);
    private static final String SNAPSHOT = "snap";
    private static final String CHUNK = "snap|";
    private static final String SLOT = "slot|";
    /** End of the key range that holds the log slots: '}' follows '|'. */
    private static final String SLOT_END = "slot}";
    private static final int CHUNK_TERMS = 4096;

    private final KeyValueStore<String, byte[]> store;
    private final int snapshotEvery;
    /** Where writes go: straight to the store, or into the placement's plan ({@link WritePlan}). */
    private final WritePlan plan;
    private FrequencyTable table;
    /** Articles counted since the store was new: the sequence number of the last one. */
    private long counted;
    private long snapshotAt;
    private int snapshotChunks;
    /**
     * While a plan is open: the table as the placement found it (a snapshot replaces the table),
     * the counters then, and what counting changed in it, to take back if the placement fails.
     */
    private FrequencyTable tableBefore;
    private long countedBefore;
    private long snapshotAtBefore;
    private int snapshotChunksBefore;
    private final Changes changes = new Changes();

    DocumentFrequencies(KeyValueStore<String, byte[]> store) {
        this(store, SNAPSHOT_EVERY);
    }

    DocumentFrequencies(KeyValueStore<String, byte[]> store, int snapshotEvery) {
        this(store, snapshotEvery, new WritePlan());
    }

    DocumentFrequencies(KeyValueStore<String, byte[]> store, WritePlan plan) {
        this(store, SNAPSHOT_EVERY, plan);
    }

    DocumentFrequencies(KeyValueStore<String, byte[]> store, int snapshotEvery, WritePlan plan) {
        this.store = store;
        this.snapshotEvery = snapshotEvery;
        this.plan = plan;
    }

    /** Loads the table if it is not loaded (a placement loads it before planning writes). */
    void load() {
        table();
    }

    /** The placement's counting is written: nothing to take back any more. */
    void keepCounted() {
        tableBefore = null;
        changes.clear();
    }

    /** The placement failed before its writes: the table and counters go back to how it found them. */
    void forgetUncounted() {
        if (tableBefore == null) {
            return;
        }
        changes.undo(tableBefore);
        table = tableBefore;
        counted = countedBefore;
        snapshotAt = snapshotAtBefore;
        snapshotChunks = snapshotChunksBefore;
        keepCounted();
    }

    /** Drops the table: it is read from the store again when next needed. */
    void forget() {
        table = null;
        keepCounted();
    }

    /** The decayed number of documents counted. */
    double documentCount(long now, double halfLifeMillis) {
        FrequencyTable t = table();
        int slot = t.find(DOCUMENT_COUNT_TERM);
        return slot < 0 ? 0 : decayed(t, slot, now, halfLifeMillis);
    }

    /** Counts one more document with these terms; returns each term's frequency now, in order. */
    double[] count(long[] terms, long now, double halfLifeMillis) {
        FrequencyTable t = table();
        if (plan.open() && tableBefore == null) {
            tableBefore = t;
            countedBefore = counted;
            snapshotAtBefore = snapshotAt;
            snapshotChunksBefore = snapshotChunks;
        }
        counted++;
        plan.write(store, slotKey(counted), logEntry(counted, terms, now, halfLifeMillis));
        double[] frequencies = apply(t, terms, now, halfLifeMillis, plan.open() && t == tableBefore ? changes : null);
        if (counted % snapshotEvery == 0) {
            snapshot(now, halfLifeMillis);
        }
        return frequencies;
    }

    /** Each term's frequency as {@link #count} would return it, counting nothing: for an article that is no new document. */
    double[] frequenciesWith(long[] terms, long now, double halfLifeMillis) {
        FrequencyTable t = table();
        double[] frequencies = new double[terms.length];
        for (int i = 0; i < terms.length; i++) {
            int slot = t.find(terms[i]);
            frequencies[i] = (slot < 0 ? 0 : decayed(t, slot, now, halfLifeMillis)) + 1.0;
        }
        return frequencies;
    }

    /** Terms in the table (the document count among them). */
    int terms() {
        return table().size();
    }

    private FrequencyTable table() {
        if (table == null) {
            loadTable();
        }
        return table;
    }

    private static double[] apply(FrequencyTable t, long[] terms, long now, double halfLifeMillis) {
        return apply(t, terms, now, halfLifeMillis, null);
    }

    /** Counts the terms in the table; what each replaces goes to changes, unless null. */
    private static double[] apply(FrequencyTable t, long[] terms, long now, double halfLifeMillis, Changes changes) {
        increment(t, DOCUMENT_COUNT_TERM, now, halfLifeMillis, changes);
        double[] frequencies = new double[terms.length];
        for (int i = 0; i < terms.length; i++) {
            frequencies[i] = increment(t, terms[i], now, halfLifeMillis, changes);
        }
        return frequencies;
    }

    private static double increment(FrequencyTable t, long term, long now, double halfLifeMillis, Changes changes) {
        int slot = t.find(term);
        if (changes != null) {
            changes.record(t, term, slot);
        }
        double value = (slot < 0 ? 0 : decayed(t, slot, now, halfLifeMillis)) + 1.0;
        long asOf = slot < 0 ? now : Math.max(now, t.asOf(slot));
        t.put(term, value, asOf);
        return value;
    }

    private static double decayed(FrequencyTable t, int slot, long now, double halfLifeMillis) {
        double value = t.value(slot);
        long asOf = t.asOf(slot);
        return now <= asOf ? value : value * Math.pow(0.5, (now - asOf) / halfLifeMillis);
    }

    /**
     * Writes the table, less the terms decayed below {@link #PRUNE_BELOW} by now, as the snapshot
     * of all articles counted so far, and deletes the log it replaces. The kept terms keep their
     * stored value and time, so pruning changes no other frequency.
     */
    private void snapshot(long now, double halfLifeMillis) {
        FrequencyTable kept = new FrequencyTable(Integer.highestOneBit(Math.max(2, table.size())) * 2);
        for (int slot = 0; slot < table.slots(); slot++) {
            long term = table.termAt(slot);
            if (term != 0 && (term == DOCUMENT_COUNT_TERM || decayed(table, slot, now, halfLifeMillis) >= PRUNE_BELOW)) {
                kept.put(term, table.value(slot), table.asOf(slot));
            }
        }
        table = kept;
        writeSnapshot();
    }

    /** The table as the snapshot of every article counted so far: the log records before it are now stale. */
    private void writeSnapshot() {
        int chunks = writeChunks(table);
        for (int chunk = chunks; chunk < snapshotChunks; chunk++) {
            plan.write(store, CHUNK + chunk, null);
        }
        plan.write(store, SNAPSHOT, ByteBuffer.allocate(12).putLong(counted).putInt(chunks).array());
        snapshotAt = counted;
        snapshotChunks = chunks;
    }

    private int writeChunks(FrequencyTable t) {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_TERMS * 24);
        int chunks = 0;
        for (int slot = 0; slot < t.slots(); slot++) {
            long term = t.termAt(slot);
            if (term == 0) {
                continue;
            }
            chunk.putLong(term).putDouble(t.value(slot)).putLong(t.asOf(slot));
            if (!chunk.hasRemaining()) {
                plan.write(store, CHUNK + chunks++, chunk.array().clone());
                chunk.clear();
            }
        }
        if (chunk.position() > 0) {
            plan.write(store, CHUNK + chunks++, Arrays.copyOf(chunk.array(), chunk.position()));
        }
        return chunks;
    }

    /** The snapshot, then the log after it, replayed. */
    private void loadTable() {
        FrequencyTable t = new FrequencyTable(1 << 16);
        byte[] header = store.get(SNAPSHOT);
        snapshotAt = header == null ? 0 : ByteBuffer.wrap(header).getLong(0);
        snapshotChunks = header == null ? 0 : ByteBuffer.wrap(header).getInt(8);
        for (int chunk = 0; chunk < snapshotChunks; chunk++) {
            ByteBuffer b = ByteBuffer.wrap(store.get(CHUNK + chunk));
            while (b.hasRemaining()) {
                t.put(b.getLong(), b.getDouble(), b.getLong());
            }
        }
        counted = snapshotAt;
        // the slots after the snapshot, in the order they were counted; the others are stale
        List<ByteBuffer> log = new ArrayList<>();
        boolean misplaced = false;
        try (KeyValueIterator<String, byte[]> slots = store.range(SLOT, SLOT_END)) {
            while (slots.hasNext()) {
                KeyValue<String, byte[]> entry = slots.next();
                ByteBuffer record = ByteBuffer.wrap(entry.value);
                long article = record.getLong(0);
                if (article > snapshotAt) {
                    log.add(record);
                    misplaced |= !entry.key.equals(slotKey(article));
                }
            }
        }
        log.sort(Comparator.comparingLong(record -> record.getLong(0)));
        for (ByteBuffer record : log) {
            counted = record.getLong();
            replay(t, record);
        }
        table = t;
        // Records in the slots this slot count gives them leave the next articles, up to the next
        // snapshot, slots of their own; a log written with another slot count may not: a snapshot
        // now makes it stale.
        if (misplaced) {
            writeSnapshot();
        }
    }

    private static void replay(FrequencyTable t, ByteBuffer b) {
        long now = b.getLong();
        double halfLifeMillis = b.getDouble();
        long[] terms = new long[b.getInt()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = b.getLong();
        }
        apply(t, terms, now, halfLifeMillis);
    }

    private static byte[] logEntry(long article, long[] terms, long now, double halfLifeMillis) {
        ByteBuffer b = ByteBuffer.allocate(28 + 8 * terms.length).putLong(article).putLong(now).putDouble(halfLifeMillis)
                .putInt(terms.length);
        for (long term : terms) {
            b.putLong(term);
        }
        return b.array();
    }

    /** The log slot of the article's record. */
    private String slotKey(long article) {
        return SLOT + article % snapshotEvery;
    }

    /** What counting replaced in the table, in order: a term's value and time, or that it was absent. */
    private static final class Changes {

        private long[] terms = new long[128];
        private double[] values = new double[128];
        private long[] asOf = new long[128];
        private boolean[] present = new boolean[128];
        private int size;

        void record(FrequencyTable t, long term, int slot) {
            if (size == terms.length) {
                terms = Arrays.copyOf(terms, size * 2);
                values = Arrays.copyOf(values, size * 2);
                asOf = Arrays.copyOf(asOf, size * 2);
                present = Arrays.copyOf(present, size * 2);
            }
            terms[size] = term;
            present[size] = slot >= 0;
            values[size] = slot >= 0 ? t.value(slot) : 0;
            asOf[size] = slot >= 0 ? t.asOf(slot) : 0;
            size++;
        }

        /** Puts back what was replaced, last first (a term counted twice ends as it was before the first). */
        void undo(FrequencyTable t) {
            for (int i = size - 1; i >= 0; i--) {
                if (present[i]) {
                    t.put(terms[i], values[i], asOf[i]);
                } else {
                    t.remove(terms[i]);
                }
            }
            clear();
        }

        void clear() {
            size = 0;
        }
    }
}
