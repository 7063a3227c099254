package io.newsflow.sink;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the sink.
 *
 * @param jsonlDir     where JSON Lines files are written; null to write none
 * @param jdbcUrl      PostgreSQL JDBC URL; null to write no database
 * @param jdbcUser     database user
 * @param jdbcPassword database password (never logged)
 * @param batchSize    snapshots per database transaction at most
 * @param linger       how long a batch may wait to fill
 */
public record SinkConfig(Path jsonlDir, String jdbcUrl, String jdbcUser, String jdbcPassword, int batchSize,
                         Duration linger) {

    public static SinkConfig jsonlOnly(Path jsonlDir) {
        return new SinkConfig(jsonlDir, null, null, null, 500, Duration.ofMillis(200));
    }

    @Override
    public String toString() {
        return "SinkConfig[jsonlDir=" + jsonlDir + ", jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser
                + ", batchSize=" + batchSize + ", linger=" + linger + "]";
    }
}
