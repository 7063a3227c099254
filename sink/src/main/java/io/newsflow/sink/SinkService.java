package io.newsflow.sink;

import io.newsflow.topics.Topics;
import java.util.Map;

/** Consumes event snapshots and writes them to JSON Lines files and PostgreSQL. STUB: to be written. */
public final class SinkService implements AutoCloseable {

    public SinkService(SinkConfig config, Map<String, Object> kafkaProperties, Topics topics) {
    }

    public void start() {
    }

    /** False while a store (e.g. the database) is unreachable. */
    public boolean healthy() {
        return true;
    }

    @Override
    public void close() {
    }
}
