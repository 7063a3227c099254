package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichServiceTest {

    @TempDir
    Path stateDir;

    @Test
    void streamsRunExactlyOnceWithStateWhereConfiguredAndDeadLettersForBadInput() {
        Topics topics = new Topics("nf-", null);
        Properties props = EnrichService.streamsProperties(new EnrichConfig("enrich-x", stateDir, java.time.Duration.ofDays(2)),
                Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"), topics);
        assertThat(props.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("enrich-x");
        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo(stateDir.toAbsolutePath().toString());
        assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG)).isEqualTo(DeadLetterRouting.class);
        assertThat(props.get(DeadLetterRouting.DEAD_LETTERS_TOPIC)).isSameAs(topics.deadLetters());
        assertThat(props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("localhost:9092");
        assertThat(props.get("producer.max.request.size")).isEqualTo(Topics.MAX_STATE_RECORD_BYTES);
        assertThat(props.get("topic.max.message.bytes")).isEqualTo("8388608");
        assertThat(props.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(EnrichConfig.DEFAULT_STORE_CACHE_BYTES);
        assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(1000L);
        assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class);
        assertThat(props.get(BoundedRocksDbMemory.BUDGET_BYTES)).isEqualTo(EnrichConfig.DEFAULT_ROCKSDB_BYTES);
        assertThat(new StreamsConfig(props).getMainConsumerConfigs("g", "c", 0)
                .get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)).isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void aPartitionFetchSizeFromTheKafkaPropertiesStands() {
        for (String name : new String[] {ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)}) {
            Properties props = EnrichService.streamsProperties(EnrichConfig.defaults(stateDir), Map.of(
                    StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092", name, 2 * 1024 * 1024), new Topics("nf-", null));
            assertThat(new StreamsConfig(props).getMainConsumerConfigs("g", "c", 0)
                    .get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)).as(name).isEqualTo(2 * 1024 * 1024);
        }
    }

    @Test
    void theStoreCacheAndCommitIntervalAreTheConfiguredOnesWhateverTheKafkaPropertiesSay() {
        EnrichConfig config = new EnrichConfig("enrich-x", stateDir, Duration.ofDays(2), 64L << 20, Duration.ofMillis(250));
        Properties props = EnrichService.streamsProperties(config, Map.of(
                StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 1L, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 5L), new Topics("nf-", null));
        StreamsConfig streams = new StreamsConfig(withBootstrap(props));
        assertThat(streams.getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(64L << 20);
        assertThat(streams.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(250L);
    }

    @Test
    void aNegativeCacheOrANonPositiveCommitIntervalIsRefused() {
        assertThatThrownBy(() -> new EnrichConfig("a", stateDir, Duration.ofDays(1), -1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store cache");
        assertThatThrownBy(() -> new EnrichConfig("a", stateDir, Duration.ofDays(1), 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commit interval");
    }

    private static Properties withBootstrap(Properties props) {
        Properties copy = new Properties();
        copy.putAll(props);
        copy.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        return copy;
    }

    @Test
    void theTopologyReadsRawArticlesAndWritesEventsThroughNamedStores() {
        Topics topics = new Topics("nf-", null);
        TopologyDescription description = EnrichTopology.build(topics, EnrichConfig.defaults(stateDir)).describe();
        String text = description.toString();
        assertThat(text).contains("topics: [nf-raw-articles]", "topic: nf-events", "topic: nf-dead-letters",
                EnrichTopology.GROUPING_TOPIC, "group-into-events");
        for (String store : GroupingStores.names()) {
            assertThat(text).contains(store);
        }
    }
}
