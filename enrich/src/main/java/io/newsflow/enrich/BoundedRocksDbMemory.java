package io.newsflow.enrich;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One off-heap budget for every RocksDB store of enrich in the process (Kafka Streams' "bounded memory"
 * recipe): a shared block cache that also holds the index and filter blocks and, through a write buffer
 * manager, the memtables. Without it each store on each partition is a RocksDB of its own with a 50 MB
 * block cache and up to three 16 MB memtables: about 100 MB per store and partition, 900 MB for the three
 * grouping stores on three partitions, which an ops team had to add to a container's memory per partition.
 *
 * <p>The budget is per process and per size, made once and never closed: Kafka Streams creates a setter
 * per store and closes stores one by one, while the cache must outlive them all (restarts of a service in
 * the same process reuse it).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams config key of the budget in bytes (a Long), set by {@link EnrichService#streamsProperties}. */
    public static final String BUDGET_BYTES = "newsflow.rocksdb.memory.bytes";
    /** The memtables' share of the budget: writes are bursty (a placement writes ~170 keys), reads skewed. */
    static final double MEMTABLE_SHARE = 1.0 / 3;

    private static final Map<Long, Budget> BUDGETS = new ConcurrentHashMap<>();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object bytes = configs.get(BUDGET_BYTES);
        if (!(bytes instanceof Long budgetBytes)) {
            throw new IllegalStateException(BUDGET_BYTES + " is not set: " + bytes);
        }
        Budget budget = BUDGETS.computeIfAbsent(budgetBytes, Budget::new);
        // the table config Streams made (it reads its cache back for metrics): changed, never replaced
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(budget.cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(budget.writeBuffers);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store: they stay
    }

    private static final class Budget {
        final Cache cache;
        final WriteBufferManager writeBuffers;

        Budget(long bytes) {
            // strict capacity off: a full cache evicts rather than failing reads; high-priority pool: index and filters
            cache = new LRUCache(bytes, -1, false, 0.1);
            writeBuffers = new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache);
        }
    }
}
