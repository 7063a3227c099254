package io.newsflow.launcher.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicSetupTest {

    private final Topics topics = Topics.embedded();

    @Test
    void seenItemsAreCompactedAndExpireAfterTheirRetention() {
        assertThat(TopicSetup.configs(topics.seenItems(), topics, Duration.ofDays(90)))
                .containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(90).toMillis()));
    }

    @Test
    void eventsAreCompactedOnlyAndArticlesAreALog() {
        assertThat(TopicSetup.configs(topics.events(), topics, Duration.ofDays(90)))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("cleanup.policy", "compact",
                        "max.message.bytes", "1048576"));
        assertThat(TopicSetup.configs(topics.eventArticles(), topics, Duration.ofDays(90)))
                .containsExactlyEntriesOf(java.util.Map.of("cleanup.policy", "compact"));
        assertThat(TopicSetup.configs(topics.rawArticles(), topics, Duration.ofDays(90)))
                .containsExactlyEntriesOf(java.util.Map.of("cleanup.policy", "delete"));
    }

    /**
     * Services produce as soon as their topics exist: records sent by an idempotent producer right
     * after the topics were created, to every partition, all come back (a first batch that reached
     * a partition before its leader served it used to be retried in vain and lost, KAFKA-15591).
     */
    @Test
    void recordsSentRightAfterTheTopicsAreCreatedAllArrive(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            TopicSetup.ensure(kafka.bootstrapServers(), topics, 3, Duration.ofDays(90));
            String topic = topics.rawArticles().name();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 40_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 90; i++) {
                    producer.send(new ProducerRecord<>(topic, i % 3, "k" + i, "v" + i));
                }
                producer.flush();
            }
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions = IntStream.range(0, 3).mapToObj(p -> new TopicPartition(topic, p)).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.size() < 90 && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                }
            }
            assertThat(values).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 90).mapToObj(i -> "v" + i).toList());
        }
    }
}
