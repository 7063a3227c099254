package io.newsflow.sink.changes;

/**
 * Where a record came from, with its value bytes as received (kept for the dead-letter topic).
 *
 * @param value the raw value, null for a tombstone
 */
public record RecordOrigin(String topic, int partition, long offset, byte[] value) {

    /** {@code topic/partition/offset}, the origin format of dead letters. */
    @Override
    public String toString() {
        return topic + "/" + partition + "/" + offset;
    }
}
