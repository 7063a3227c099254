package io.newsflow.launcher.bench;

import io.newsflow.enrich.EnrichConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The ceiling: a Kafka Streams application that reads the articles, changes nothing and writes them
 * out, exactly once with enrich's commit interval and record cache, on the same broker. What enrich
 * cannot beat on this machine, whatever its own work costs.
 */
final class PassThrough implements AutoCloseable {

    private final KafkaStreams streams;

    PassThrough(String applicationId, String input, String output, EnrichConfig like, Map<String, Object> kafka,
                Stopwatch stopwatch) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .peek((key, value) -> stopwatch.count())
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, like.stateDir().resolveSibling("passthrough-state").toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, like.storeCacheBytes());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, like.commitInterval().toMillis());
        Properties properties = new Properties();
        properties.putAll(props);
        streams = new KafkaStreams(builder.build(), properties);
    }

    PassThrough start() {
        streams.start();
        return this;
    }

    boolean running() {
        return streams.state().isRunningOrRebalancing();
    }

    @Override
    public void close() {
        streams.close();
    }

    /**
     * Times the records between the warm-up-th and the last from the stream thread itself: a small topic
     * passes through in less time than a poll from outside would take, which left nothing to time.
     */
    static final class Stopwatch {
        private final long warmUp;
        private final long last;
        private final AtomicLong passed = new AtomicLong();
        private volatile long startNanos;
        private volatile long startCpuNanos;
        private volatile long endNanos;
        private volatile long endCpuNanos;

        Stopwatch(long warmUp, long last) {
            if (warmUp < 1 || last <= warmUp) {
                throw new IllegalArgumentException("warm-up " + warmUp + " of " + last + " records leaves none to time");
            }
            this.warmUp = warmUp;
            this.last = last;
        }

        private void count() {
            long n = passed.incrementAndGet();
            if (n == warmUp) {
                startCpuNanos = ResourceProbe.processCpuNanos();
                startNanos = System.nanoTime();
            } else if (n == last) {
                endNanos = System.nanoTime();
                endCpuNanos = ResourceProbe.processCpuNanos();
            }
        }

        /** Records passed, short of the last until its time has been taken. */
        long passed() {
            return endCpuNanos == 0 ? Math.min(passed.get(), last - 1) : passed.get();
        }

        long timed() {
            return last - warmUp;
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        double cpuMsPerRecord() {
            return (endCpuNanos - startCpuNanos) / 1e6 / timed();
        }
    }
}
