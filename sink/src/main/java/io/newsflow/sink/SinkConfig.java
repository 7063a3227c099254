package io.newsflow.sink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the sink.
 *
 * @param jsonlDir          where JSON Lines files are written; null to write none
 * @param jdbcUrl           PostgreSQL JDBC URL; null to write no database
 * @param jdbcUser          database user
 * @param jdbcPassword      database password (never logged)
 * @param batchSize         snapshots per database transaction at most
 * @param linger            how long a batch may wait to fill
 * @param rotateBytes       a JSON Lines file is closed and published once it holds this many bytes
 * @param rotateAfter       ... or once it has been open this long, whichever comes first
 * @param writers           database writers, each with its own connection and transactions, writing the records
 *                          of every writers-th partition of the topic; more than the topic's partitions is idle
 */
public record SinkConfig(Path jsonlDir, String jdbcUrl, String jdbcUser, String jdbcPassword, int batchSize,
                         Duration linger, long rotateBytes, Duration rotateAfter, int writers) {

    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(50);
    public static final long DEFAULT_ROTATE_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_ROTATE_AFTER = Duration.ofMinutes(1);
    /** One per partition of the default topics: a database writer is mostly the database's own work on one core. */
    public static final int DEFAULT_WRITERS = 3;

    public SinkConfig {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        Objects.requireNonNull(linger, "linger");
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative, was " + linger);
        }
        if (rotateBytes < 1) {
            throw new IllegalArgumentException("rotateBytes must be at least 1, was " + rotateBytes);
        }
        Objects.requireNonNull(rotateAfter, "rotateAfter");
        if (rotateAfter.isNegative() || rotateAfter.isZero()) {
            throw new IllegalArgumentException("rotateAfter must be positive, was " + rotateAfter);
        }
        if (writers < 1) {
            throw new IllegalArgumentException("writers must be at least 1, was " + writers);
        }
        if (jsonlDir == null && (jdbcUrl == null || jdbcUrl.isBlank())) {
            throw new IllegalArgumentException("the sink needs a JSON Lines directory, a JDBC URL, or both");
        }
    }

    /** Files and database with the default file rotation. */
    public SinkConfig(Path jsonlDir, String jdbcUrl, String jdbcUser, String jdbcPassword, int batchSize,
                      Duration linger) {
        this(jsonlDir, jdbcUrl, jdbcUser, jdbcPassword, batchSize, linger, DEFAULT_ROTATE_BYTES,
                DEFAULT_ROTATE_AFTER, DEFAULT_WRITERS);
    }

    /** With the default number of database writers. */
    public SinkConfig(Path jsonlDir, String jdbcUrl, String jdbcUser, String jdbcPassword, int batchSize,
                      Duration linger, long rotateBytes, Duration rotateAfter) {
        this(jsonlDir, jdbcUrl, jdbcUser, jdbcPassword, batchSize, linger, rotateBytes, rotateAfter,
                DEFAULT_WRITERS);
    }

    public SinkConfig withWriters(int count) {
        return new SinkConfig(jsonlDir, jdbcUrl, jdbcUser, jdbcPassword, batchSize, linger, rotateBytes, rotateAfter,
                count);
    }

    public static SinkConfig jsonlOnly(Path jsonlDir) {
        return new SinkConfig(jsonlDir, null, null, null, DEFAULT_BATCH_SIZE, DEFAULT_LINGER);
    }

    public boolean writesDatabase() {
        return jdbcUrl != null && !jdbcUrl.isBlank();
    }

    public boolean writesFiles() {
        return jsonlDir != null;
    }

    @Override
    public String toString() {
        return "SinkConfig[jsonlDir=" + jsonlDir + ", jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser
                + ", batchSize=" + batchSize + ", linger=" + linger + ", rotateBytes=" + rotateBytes
                + ", rotateAfter=" + rotateAfter + ", writers=" + writers + "]";
    }
}
