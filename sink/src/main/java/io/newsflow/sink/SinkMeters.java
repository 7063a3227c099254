package io.newsflow.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.newsflow.sink.postgres.PostgresEventStore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;

/** The sink's own meters (docs/operations.md "Metrics"), in Micrometer's global registry. */
final class SinkMeters {

    private final MeterRegistry registry = Metrics.globalRegistry;
    private final AtomicLong lag = new AtomicLong();
    private final Gauge lagGauge;

    SinkMeters() {
        lagGauge = Gauge.builder("newsflow.sink.lag", lag, AtomicLong::get).baseUnit("records")
                .description("Records of the events topic not yet read by the sink (end offsets minus its positions)")
                .strongReference(true).register(registry);
    }

    /** One batch written to a store: {@code newsflow_sink_batches_total{store}}. */
    void batch(String store) {
        Counter.builder("newsflow.sink.batches").description("Batches the sink committed, by store")
                .tag("store", store).register(registry).increment();
    }

    /** {@code newsflow_sink_rows_total{outcome}}: what became of the snapshots of a database batch. */
    void rows(PostgresEventStore.WriteResult result) {
        rows("written", result.written());
        rows("stale", result.stale());
        rows("deleted", result.deleted());
        rows("rejected", result.rejected().size());
    }

    /** {@code newsflow_sink_lines_total}: JSON Lines forced to disk. */
    void lines(int count) {
        Counter.builder("newsflow.sink.lines").description("JSON Lines the sink wrote and forced to disk")
                .register(registry).increment(count);
    }

    /** Samples the consumer's lag; no call to the broker (the consumer knows its end offsets from its fetches). */
    void sampleLag(Consumer<?, ?> consumer) {
        long total = 0;
        for (var partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        lag.set(total);
    }

    void close() {
        registry.remove(lagGauge);
    }

    private void rows(String outcome, long count) {
        if (count > 0) {
            Counter.builder("newsflow.sink.rows").description("Event snapshots of database batches, by outcome")
                    .tag("outcome", outcome).register(registry).increment(count);
        }
    }
}
