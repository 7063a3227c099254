package io.newsflow.enrich;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the enrich application.
 *
 * @param applicationId    Kafka Streams application id (consumer group, internal topic prefix)
 * @param stateDir         where RocksDB state stores live
 * @param eventIdleTimeout an event with no new article for this long (event time) is closed
 */
public record EnrichConfig(String applicationId, Path stateDir, Duration eventIdleTimeout) {

    public static EnrichConfig defaults(Path stateDir) {
        return new EnrichConfig("newsflow-enrich", stateDir, Duration.ofDays(7));
    }
}
