package io.newsflow.enrich;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/** The store partitions being restored from their changelogs right now (readiness waits for none). */
final class RestoringStores implements StateRestoreListener {

    private final Set<String> restoring = ConcurrentHashMap.newKeySet();

    boolean none() {
        return restoring.isEmpty();
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        restoring.add(key(partition, storeName));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        // progress only
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(key(partition, storeName));
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(key(partition, storeName)); // the task moved elsewhere: nothing left to wait for here
    }

    private static String key(TopicPartition partition, String storeName) {
        return storeName + "@" + partition;
    }
}
