package io.newsflow.launcher.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.launcher.broker.EmbeddedKafka;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot of an event with many thousands of reports is larger than Kafka's default 1 MB record: the events
 * topic as the pipeline creates it and enrich's producer settings must carry it, and a consumer with default
 * settings (the sink's) must read it, on a real broker.
 */
class LargeEventRecordTest {

    @TempDir
    Path dir;

    @Test
    void aSnapshotOfTenThousandReportsTravelsThroughTheEventsTopic() throws Exception {
        Topics topics = new Topics("large-", null);
        NewsEvent big = eventWithArticles(10_000);
        byte[] encoded = topics.events().valueSerde().serializer().serialize(topics.events().name(), big);
        assertThat(encoded.length).isBetween(2 * 1024 * 1024, Topics.MAX_EVENT_RECORD_BYTES);

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            TopicSetup.ensure(kafka.bootstrapServers(), topics, 1, Duration.ofDays(1));
            Map<String, Object> producerProps = enrichProducerSettings(topics, kafka.bootstrapServers());
            try (KafkaProducer<String, NewsEvent> producer = new KafkaProducer<>(producerProps,
                    topics.events().keySerde().serializer(), topics.events().valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(topics.events().name(), big.getEventId(), big)).get();
            }
            Map<String, Object> consumerProps = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers());
            try (KafkaConsumer<String, NewsEvent> consumer = new KafkaConsumer<>(consumerProps,
                    topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer())) {
                TopicPartition partition = new TopicPartition(topics.events().name(), 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                List<NewsEvent> read = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (read.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, NewsEvent> record : consumer.poll(Duration.ofMillis(500))) {
                        read.add(record.value());
                    }
                }
                assertThat(read).hasSize(1);
                assertThat(topics.events().valueSerde().serializer().serialize(topics.events().name(), read.get(0)))
                        .isEqualTo(encoded);
            }
        }
    }

    /** The producer settings enrich's Streams application gives its producers. */
    private Map<String, Object> enrichProducerSettings(Topics topics, String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>();
        EnrichService.streamsProperties(EnrichConfig.defaults(dir.resolve("streams")), Map.of(), topics)
                .forEach((key, value) -> {
                    if (key.toString().startsWith("producer.")) {
                        settings.put(key.toString().substring("producer.".length()), value);
                    }
                });
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings;
    }

    private static NewsEvent eventWithArticles(int count) {
        List<EventArticle> articles = new ArrayList<>(count);
        Instant start = Instant.parse("2026-06-01T08:00:00Z");
        for (int i = 0; i < count; i++) {
            articles.add(EventArticle.newBuilder()
                    .setArticleId("article-" + i + "-4f1c2a9e")
                    .setSource("outlet-" + (i % 200) + ".example")
                    .setUrl("https://outlet-" + (i % 200) + ".example/2026/06/01/talks-on-the-peninsula-" + i)
                    .setTitle("Report " + i + " on the talks between the foreign ministers in Seoul")
                    .setPublishedAt(start.plusSeconds(i))
                    .setScore(0.8)
                    .setSharedOfficials(List.of("kim hong kyun", "wang yi"))
                    .setSharedCountries(List.of("KR", "CN"))
                    .build());
        }
        return NewsEvent.newBuilder()
                .setEventId("event-large")
                .setVersion(count)
                .setFirstSeenAt(start)
                .setLastUpdatedAt(start.plusSeconds(count))
                .setTitle("Foreign ministers meet in Seoul")
                .setSummary("A long-running story")
                .setArticles(articles)
                .setIndependentSources(count)
                .setCountries(List.of())
                .setOfficials(List.of())
                .setAbsorbedEventIds(List.of())
                .build();
    }
}
