package io.newsflow.launcher.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.OfficialTag;
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
 * The largest snapshot the bound allows (docs/consumers.md, "Bounded snapshots": every list full, every text at its cut) travels
 * through the events topic as the pipeline creates it, with enrich's producer settings, to a consumer with
 * default settings (the sink's), on a real broker.
 */
class LargeEventRecordTest {

    @TempDir
    Path dir;

    @Test
    void theLargestBoundedSnapshotTravelsThroughTheEventsTopic() throws Exception {
        Topics topics = new Topics("large-", null);
        NewsEvent big = largestSnapshot();
        byte[] encoded = topics.events().valueSerde().serializer().serialize(topics.events().name(), big);
        assertThat(encoded.length).isBetween(300 * 1024, Topics.MAX_EVENT_RECORD_BYTES);

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

    /** 50 articles, 50 countries, 50 officials, 100 absorbed ids, every text at its cut (EventSnapshots). */
    private static NewsEvent largestSnapshot() {
        Instant start = Instant.parse("2026-06-01T08:00:00Z");
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            evidence.add(("k" + i).repeat(50));
        }
        List<EventArticle> articles = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            articles.add(EventArticle.newBuilder()
                    .setArticleId("file:" + "%064x".formatted(i))
                    .setSource("s".repeat(500))
                    .setUrl("https://" + "u".repeat(2040))
                    .setTitle("t".repeat(500))
                    .setPublishedAt(start.plusSeconds(i))
                    .setScore(0.8)
                    .setSharedOfficials(evidence)
                    .setSharedCountries(evidence)
                    .setTimeGapHours(1.5)
                    .setCopyOf("file:" + "%064x".formatted(0))
                    .build());
        }
        List<CountryTag> countries = new ArrayList<>();
        List<OfficialTag> officials = new ArrayList<>();
        List<String> absorbed = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            if (i < 50) {
                countries.add(CountryTag.newBuilder().setCode("C" + i).setName("c".repeat(200)).setMentions(i).build());
                officials.add(OfficialTag.newBuilder().setName("n".repeat(200)).setKey("k".repeat(100))
                        .setRole("r".repeat(200)).setRoleAsWritten("w".repeat(200)).setCountry("KR").setMentions(i).build());
            }
            absorbed.add("ev-" + "%016x".formatted(i));
        }
        return NewsEvent.newBuilder()
                .setEventId("ev-0123456789abcdef")
                .setVersion(20_000)
                .setFirstSeenAt(start)
                .setLastUpdatedAt(start.plusSeconds(20_000))
                .setTitle("t".repeat(500))
                .setSummary("s".repeat(500))
                .setArticles(articles)
                .setIndependentSources(20_000)
                .setArticleCount(20_000)
                .setCountries(countries)
                .setOfficials(officials)
                .setAbsorbedEventIds(absorbed)
                .build();
    }
}
