package io.newsflow.enrich;

import io.newsflow.topics.Topics;
import java.util.Map;

/** Runs the enrich topology as a Kafka Streams application. STUB: to be written. */
public final class EnrichService implements AutoCloseable {

    public EnrichService(EnrichConfig config, Map<String, Object> kafkaProperties, Topics topics) {
    }

    public void start() {
    }

    /** True while the Streams application is running or rebalancing. */
    public boolean healthy() {
        return true;
    }

    @Override
    public void close() {
    }
}
