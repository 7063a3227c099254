package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** Every store gets the one cache of its budget, in the table config Kafka Streams made (as RocksDBStore sets it up). */
class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void storesOfOneBudgetShareOneBlockCacheAndStoresOfAnotherDoNot() {
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        Cache first = configuredCache(setter, "grouping-events", 64L << 20);
        Cache second = configuredCache(setter, "grouping-articles", 64L << 20);
        Cache other = configuredCache(setter, "grouping-events", 32L << 20);
        assertThat(first).isNotNull().isSameAs(second);
        assertThat(other).isNotNull().isNotSameAs(first);
    }

    @Test
    void withoutABudgetTheStoreDoesNotOpen() {
        try (Options options = streamsDefaults(new LRUCache(1 << 20))) {
            assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("grouping-events", options, Map.of()))
                    .hasMessageContaining(BoundedRocksDbMemory.BUDGET_BYTES);
        }
    }

    private static Cache configuredCache(BoundedRocksDbMemory setter, String store, long budget) {
        LRUCache streamsOwn = new LRUCache(50L << 20);
        try (Options options = streamsDefaults(streamsOwn)) {
            setter.setConfig(store, options, Map.of(BoundedRocksDbMemory.BUDGET_BYTES, budget));
            Cache cache = ((BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig()).blockCache();
            assertThat(cache).isNotSameAs(streamsOwn);
            return cache;
        } finally {
            streamsOwn.close();
        }
    }

    private static Options streamsDefaults(Cache cache) {
        BlockBasedTableConfigWithAccessibleCache table = new BlockBasedTableConfigWithAccessibleCache();
        table.setBlockCache(cache);
        return new Options().setTableFormatConfig(table);
    }
}
