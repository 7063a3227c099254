package io.newsflow.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.Metrics;
import io.newsflow.enrich.commits.LiveCommits;
import io.newsflow.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrich topology as a Kafka Streams application: exactly-once (v2), state under the
 * configured directory, undecodable input to dead letters, a crashed stream thread replaced
 * rather than the application stopped, and a close that leaves the group so that a restart or
 * another instance takes over the partitions at once.
 */
public final class EnrichService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How much of one partition a fetch of enrich's consumer brings: the one grouping partition carries every
     * tagged article (about 8 KB each), and Kafka's default of 1 MB a partition gave the grouping task about 125
     * of them a poll, fewer than a live stream of 200 articles/s brings (it queued there for seconds,
     * docs/performance.md). 8 MB brings about as many as Kafka Streams buffers a partition (1,000 records).
     */
    static final int PARTITION_FETCH_BYTES = 8 * 1024 * 1024;

    private final KafkaStreams streams;
    private final RestoringStores restoring = new RestoringStores();
    /** Kafka Streams' own metrics (kafka_stream_*, and its clients') in the service's registry. */
    private final KafkaStreamsMetrics streamsMetrics;

    public EnrichService(EnrichConfig config, Map<String, Object> kafkaProperties, Topics topics) {
        this(config, kafkaProperties, topics, Metrics.globalRegistry);
    }

    /** The service counting its failures ({@code newsflow_enrich_failures_total}) in the given registry. */
    public EnrichService(EnrichConfig config, Map<String, Object> kafkaProperties, Topics topics, MeterRegistry metrics) {
        Properties properties = streamsProperties(config, kafkaProperties, topics);
        properties.put(DeadLetterRouting.METRICS, metrics);
        this.streams = new KafkaStreams(EnrichTopology.build(topics, config, metrics), properties);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Enrich stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> LOG.info("Enrich streams {} -> {}", before, now));
        // RUNNING is not enough for "ready": with the state updater, stores are restored in the background.
        streams.setGlobalStateRestoreListener(restoring);
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
    }

    /** The Kafka Streams settings enrich runs with (kafkaProperties first, then what enrich requires). */
    public static Properties streamsProperties(EnrichConfig config, Map<String, Object> kafkaProperties, Topics topics) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.storeCacheBytes());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        props.put(LiveCommits.INTERVAL_MS, config.liveCommitInterval().toMillis());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(BoundedRocksDbMemory.BUDGET_BYTES, config.rocksDbBytes());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterRouting.class);
        props.put(DeadLetterRouting.DEAD_LETTERS_TOPIC, topics.deadLetters());
        // The stored state of a big event outgrows Kafka's default 1 MB record (snapshots do not: they are
        // bounded): the producer and the internal topics (changelogs, repartition) take records that large.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_STATE_RECORD_BYTES);
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG),
                Integer.toString(Topics.MAX_STATE_RECORD_BYTES));
        // a size the Kafka properties give, for every consumer or Streams' ones, stands
        if (!props.containsKey(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)
                && !props.containsKey(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG))) {
            props.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                    PARTITION_FETCH_BYTES);
        }
        Properties properties = new Properties();
        properties.putAll(props);
        return properties;
    }

    public void start() {
        streams.start();
    }

    /** True while the Streams application is running or rebalancing. */
    public boolean healthy() {
        return streams.state().isRunningOrRebalancing();
    }

    /** True only while RUNNING: rebalancing or restoring state, enrich processes nothing. */
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** False once Kafka Streams has stopped for good (ERROR, or shut down): enrich makes no progress. */
    public boolean live() {
        KafkaStreams.State state = streams.state();
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.NOT_RUNNING;
    }

    /** True when no state store partition is being restored from its changelog. */
    public boolean storesRestored() {
        return restoring.none();
    }

    @Override
    public void close() {
        close(CLOSE_TIMEOUT);
    }

    /** Closes within {@code timeout}, leaving the group; an open transaction not committed by then is aborted. */
    public void close(Duration timeout) {
        streamsMetrics.close();
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(timeout));
        if (!closed) {
            LOG.warn("Enrich streams did not close within {}", timeout);
        }
    }
}
