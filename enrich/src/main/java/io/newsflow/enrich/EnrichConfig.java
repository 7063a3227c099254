package io.newsflow.enrich;

import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the enrich application.
 *
 * @param applicationId    Kafka Streams application id (consumer group, internal topic prefix)
 * @param stateDir         where RocksDB state stores live
 * @param eventIdleTimeout an event with no new article for this long (event time) is closed
 * @param storeCacheBytes  Kafka Streams' record cache in front of the state stores: writes to a key
 *                         within a commit interval reach RocksDB and the changelog once, and reads
 *                         of recent keys skip RocksDB. Grouping touches ~170 keys per article; a
 *                         cache too small for a commit interval's keys evicts (writes through) on
 *                         every put, which halved throughput in the service benchmark
 * @param commitInterval   how often the exactly-once transaction commits: output becomes visible to
 *                         read-committed consumers at commits, and each commit flushes the caches
 * @param rocksDbBytes     off-heap memory of all the process's RocksDB stores of enrich: block cache,
 *                         index and filter blocks and memtables ({@link BoundedRocksDbMemory})
 * @param liveCommitInterval how often enrich commits while its articles are younger than the commit interval
 *                         (it keeps up with a live stream, {@link io.newsflow.enrich.commits.LiveCommits}); zero: only at the commit interval
 */
public record EnrichConfig(String applicationId, Path stateDir, Duration eventIdleTimeout, long storeCacheBytes,
                           Duration commitInterval, long rocksDbBytes, Duration liveCommitInterval) {

    public static final long DEFAULT_STORE_CACHE_BYTES = 256L * 1024 * 1024;
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);
    public static final long DEFAULT_ROCKSDB_BYTES = 192L * 1024 * 1024;
    public static final Duration DEFAULT_LIVE_COMMIT_INTERVAL = Duration.ofMillis(200);

    public EnrichConfig {
        if (storeCacheBytes < 0) {
            throw new IllegalArgumentException("store cache must not be negative: " + storeCacheBytes);
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("commit interval must be positive: " + commitInterval);
        }
        if (rocksDbBytes < 16L << 20) {
            throw new IllegalArgumentException("RocksDB memory below 16 MB: " + rocksDbBytes);
        }
        if (liveCommitInterval.isNegative()) {
            throw new IllegalArgumentException("live commit interval must not be negative: " + liveCommitInterval);
        }
    }

    /** With the default live commit interval. */
    public EnrichConfig(String applicationId, Path stateDir, Duration eventIdleTimeout, long storeCacheBytes,
                        Duration commitInterval, long rocksDbBytes) {
        this(applicationId, stateDir, eventIdleTimeout, storeCacheBytes, commitInterval, rocksDbBytes,
                DEFAULT_LIVE_COMMIT_INTERVAL);
    }

    /** With the default RocksDB memory. */
    public EnrichConfig(String applicationId, Path stateDir, Duration eventIdleTimeout, long storeCacheBytes,
                        Duration commitInterval) {
        this(applicationId, stateDir, eventIdleTimeout, storeCacheBytes, commitInterval, DEFAULT_ROCKSDB_BYTES);
    }

    /** With the default cache and commit interval. */
    public EnrichConfig(String applicationId, Path stateDir, Duration eventIdleTimeout) {
        this(applicationId, stateDir, eventIdleTimeout, DEFAULT_STORE_CACHE_BYTES, DEFAULT_COMMIT_INTERVAL);
    }

    public static EnrichConfig defaults(Path stateDir) {
        return new EnrichConfig("newsflow-enrich", stateDir, GroupingSettings.DEFAULT_IDLE_TIMEOUT);
    }
}
