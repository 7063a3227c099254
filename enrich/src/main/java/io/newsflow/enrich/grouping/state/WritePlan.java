package io.newsflow.enrich.grouping.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The writes of one placement, planned before any is made, then applied with undo images.
 *
 * <p>Why: a placement changes several events, article records and the frequency log, and the
 * grouper decides them one after another. Written as decided, a failure half-way (a bug, a value
 * that does not encode, a store error) left half a placement in the stores: an article in an
 * event's members but not in the article records, an event absorbed but not its tombstone. Kafka
 * Streams rolls the stores back only when the task dies under exactly-once; a failure caught in
 * process, to send the article to the dead letters and go on, must leave the stores as before.
 * So while a plan is open every store write is only recorded (reads see it), and changes to what
 * is held in memory (index, reach, band lists) wait until the writes are made. Applying reads each
 * key's value before writing it; if a write fails, the values read are put back, last first.
 *
 * <p>Outside a plan (a task starting, tests driving the grouper directly) writes go straight to
 * the stores and memory changes are made at once, as before.
 */
public final class WritePlan {

    /** A write: a null value deletes the key. */
    private record Write(KeyValueStore<String, byte[]> store, String key, byte[] value) {

        void apply() {
            if (value == null) {
                store.delete(key);
            } else {
                store.put(key, value);
            }
        }
    }

    /** Marks a key deleted in the plan (a map cannot hold null as "staged and gone"). */
    private static final byte[] DELETED = new byte[0];

    private final List<Write> writes = new ArrayList<>();
    private final Map<KeyValueStore<String, byte[]>, Map<String, byte[]>> staged = new HashMap<>();
    private final List<Runnable> afterWrites = new ArrayList<>();
    /** Values as they were before the writes applied so far (a null value: the key was absent). */
    private final List<Write> undo = new ArrayList<>();
    private boolean open;

    boolean open() {
        return open;
    }

    /** Starts recording: writes and memory changes wait for {@link #applyWrites}. */
    void begin() {
        if (open) {
            throw new IllegalStateException("a write plan is already open");
        }
        clear();
        open = true;
    }

    void write(KeyValueStore<String, byte[]> store, String key, byte[] value) {
        if (!open) {
            new Write(store, key, value).apply();
            return;
        }
        writes.add(new Write(store, key, value));
        staged.computeIfAbsent(store, s -> new HashMap<>()).put(key, value == null ? DELETED : value);
    }

    /** Whether the plan writes this key. */
    boolean stages(KeyValueStore<String, byte[]> store, String key) {
        Map<String, byte[]> keys = staged.get(store);
        return keys != null && keys.containsKey(key);
    }

    /** The value of the key as the plan leaves it: staged, else stored. */
    byte[] read(KeyValueStore<String, byte[]> store, String key) {
        Map<String, byte[]> keys = staged.get(store);
        byte[] value = keys == null ? null : keys.get(key);
        if (value == null) {
            return store.get(key);
        }
        return value == DELETED ? null : value;
    }

    /** A change to memory that must follow the writes: made now outside a plan, after the writes inside one. */
    void afterWrites(Runnable change) {
        if (open) {
            afterWrites.add(change);
        } else {
            change.run();
        }
    }

    /**
     * Makes the planned writes, in the order planned. If one fails, the stores are put back as
     * they were (last applied first) and the failure is rethrown; if putting back fails too, the
     * stores are not known and {@link StoresNotRestored} says so.
     */
    void applyWrites() {
        try {
            for (Write write : writes) {
                // recorded before the write: a write that fails may still have reached the store
                undo.add(new Write(write.store(), write.key(), write.store().get(write.key())));
                write.apply();
            }
        } catch (RuntimeException e) {
            undoWrites(e);
            throw e;
        }
    }

    /** Makes the memory changes that wait for the writes; if one fails, the writes are undone too. */
    void applyMemoryChanges() {
        try {
            afterWrites.forEach(Runnable::run);
        } catch (RuntimeException e) {
            undoWrites(e);
            throw e;
        }
    }

    /** Puts back what the applied writes replaced, last first. */
    private void undoWrites(RuntimeException cause) {
        try {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).apply();
            }
        } catch (RuntimeException e) {
            StoresNotRestored failure = new StoresNotRestored(e);
            failure.addSuppressed(cause);
            throw failure;
        } finally {
            undo.clear();
        }
    }

    /** Ends the plan: applied, or given up before any write was made. */
    void close() {
        clear();
        open = false;
    }

    private void clear() {
        writes.clear();
        staged.clear();
        afterWrites.clear();
        undo.clear();
    }

    /**
     * The stores could not be put back after a failed placement: only Kafka Streams can (the task
     * fails, the exactly-once transaction aborts and the stores are restored from their changelogs).
     */
    public static final class StoresNotRestored extends IllegalStateException {

        StoresNotRestored(Throwable cause) {
            super("Grouping stores could not be restored after a failed placement: " + cause, cause);
        }
    }
}
