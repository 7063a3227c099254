package io.newsflow.launcher.bench;

import io.newsflow.enrich.DeadLetterRouting;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.grouping.GroupingOutput;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.enrich.grouping.state.TaggedArticle;
import io.micrometer.core.instrument.Metrics;
import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Enrich as the service runs it (its topology, RocksDB stores, exactly-once settings), as one or
 * more Kafka Streams instances with state directories of their own, counting the articles the
 * grouping processor has taken: the benchmark's clock for enrich.
 */
final class CountingEnrich implements AutoCloseable {

    private final AtomicLong grouped;
    private final List<KafkaStreams> instances = new ArrayList<>();

    CountingEnrich(EnrichConfig config, Map<String, Object> kafka, Topics topics, int count, AtomicLong grouped) {
        this.grouped = grouped;
        for (int i = 0; i < count; i++) {
            Path stateDir = count == 1 ? config.stateDir() : config.stateDir().resolve("instance-" + i);
            EnrichConfig own = new EnrichConfig(config.applicationId(), stateDir, config.eventIdleTimeout(),
                    config.storeCacheBytes(), config.commitInterval(), config.rocksDbBytes(), config.liveCommitInterval());
            Map<String, Object> props = new HashMap<>(kafka);
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "bench-enrich-" + i);
            Properties properties = EnrichService.streamsProperties(own, props, topics);
            properties.put(DeadLetterRouting.METRICS, Metrics.globalRegistry);
            instances.add(new KafkaStreams(EnrichTopology.build(topics,
                    GroupingSettings.defaults(config.eventIdleTimeout()), GroupingStores.Kind.PERSISTENT,
                    processor -> new Counting(processor, grouped)), properties));
        }
    }

    CountingEnrich start() {
        instances.forEach(KafkaStreams::start);
        return this;
    }

    long grouped() {
        return grouped.get();
    }

    boolean running() {
        return instances.stream().allMatch(s -> s.state().isRunningOrRebalancing());
    }

    /** Every instance RUNNING: tasks assigned and restored. */
    boolean ready() {
        return instances.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING);
    }

    @Override
    public void close() {
        for (KafkaStreams streams : instances) {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
    }

    /** The grouping processor itself, counting each article it has finished with. */
    private static final class Counting implements Processor<String, TaggedArticle, String, GroupingOutput> {

        private final Processor<String, TaggedArticle, String, GroupingOutput> inner;
        private final AtomicLong grouped;

        Counting(Processor<String, TaggedArticle, String, GroupingOutput> inner, AtomicLong grouped) {
            this.inner = inner;
            this.grouped = grouped;
        }

        @Override
        public void init(ProcessorContext<String, GroupingOutput> context) {
            inner.init(context);
        }

        @Override
        public void process(Record<String, TaggedArticle> record) {
            inner.process(record);
            grouped.incrementAndGet();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
