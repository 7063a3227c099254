package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.ingest.feeds.config.FeedSettings;
import io.newsflow.ingest.feeds.config.FeedsConfig;
import io.newsflow.ingest.feeds.items.SeenItems;
import io.newsflow.ingest.feeds.parsing.ParagraphTextExtractor;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceHealth;
import io.newsflow.topics.Topic;
import io.newsflow.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service against a real Kafka broker: items reach raw-articles, and a restart re-emits nothing. */
class FeedServiceKafkaTest {

    private static EmbeddedKafka broker;

    @BeforeAll
    static void startBroker(@TempDir Path dir) {
        broker = EmbeddedKafka.start(dir.resolve("kafka"));
    }

    private static void createTopics(Topics topics) {
        createTopics(topics, Map.of());
    }

    /** Creates the topics, with these configs on raw-articles. */
    private static void createTopics(Topics topics, Map<String, String> rawArticlesConfig) {
        List<NewTopic> created = new ArrayList<>();
        for (Topic<String, ?> topic : topics.all()) {
            NewTopic newTopic = new NewTopic(topic.name(), 1, (short) 1);
            if (topic.compacted()) {
                newTopic.configs(Map.of("cleanup.policy", "compact"));
            } else if (topic.name().equals(topics.rawArticles().name())) {
                newTopic.configs(rawArticlesConfig);
            }
            created.add(newTopic);
        }
        broker.createTopics(created);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Map<String, Object> kafka(boolean transactional) {
        return transactional
                ? Map.of("bootstrap.servers", broker.bootstrapServers(), "transactional.id", "newsflow-feeds-test")
                : Map.of("bootstrap.servers", broker.bootstrapServers());
    }

    private static <V> List<V> readUntil(Topic<String, V> topic, Predicate<List<V>> done) {
        List<V> values = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                "isolation.level", "read_committed"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            TopicPartition partition = new TopicPartition(topic.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (!done.test(values) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    @ParameterizedTest(name = "transactional={0}")
    @ValueSource(booleans = {false, true})
    void itemsReachRawArticlesAndARestartReEmitsNothing(boolean transactional) throws Exception {
        Topics topics = new Topics(transactional ? "tx-" : "plain-", null);
        createTopics(topics);
        AtomicReference<String> body = new AtomicReference<>(FeedPollerTest.rss(
                FeedPollerTest.item("a", "http://news.example.org/a", "A", "a", null),
                FeedPollerTest.item("b", "http://news.example.org/b", "B", "b", null)));
        try (TestFeedServer server = new TestFeedServer()) {
            server.on("/feed", exchange -> TestFeedServer.send(exchange, 200, "application/rss+xml",
                    body.get().getBytes(StandardCharsets.UTF_8), Map.of("ETag", "\"" + body.get().hashCode() + "\"")));
            FeedSettings feed = FeedSettings.of(server.uri("/feed").toString(), Duration.ofMillis(300));
            FeedsConfig config = FeedsConfig.defaults(List.of(feed)).withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5),
                    Duration.ofHours(1), 0.0);

            try (FeedService service = new FeedService(config, kafka(transactional), topics, new SimpleMeterRegistry(), new ParagraphTextExtractor(),
                    SeenItems.DEFAULT_RETENTION)) {
                service.start();
                assertThat(readUntil(topics.rawArticles(), list -> list.size() >= 2)).extracting(RawArticle::getTitle)
                        .containsExactly("B", "A");
                // Several more polls of the unchanged feed (each writes a health record).
                readUntil(topics.sourceHealth(), list -> list.size() >= 3);
                assertThat(service.healthy()).isTrue();
            }

            body.set(FeedPollerTest.rss(FeedPollerTest.item("c", "http://news.example.org/c", "C", "c", null),
                    FeedPollerTest.item("a", "http://news.example.org/a", "A", "a", null),
                    FeedPollerTest.item("b", "http://news.example.org/b", "B", "b", null)));
            int healthBefore = readUntil(topics.sourceHealth(), list -> true).size();
            try (FeedService restarted = new FeedService(config, kafka(transactional), topics, new SimpleMeterRegistry(), new ParagraphTextExtractor(),
                    SeenItems.DEFAULT_RETENTION)) {
                restarted.start();
                readUntil(topics.rawArticles(), list -> list.size() >= 3);
                List<SourceHealth> health = readUntil(topics.sourceHealth(), list -> list.size() >= healthBefore + 3);
                assertThat(health.get(health.size() - 1).getEtag()).isNotNull();
                assertThat(health.get(health.size() - 1).getItemsSeen()).isEqualTo(3);
            }
            List<RawArticle> all = readUntil(topics.rawArticles(), list -> list.size() >= 3);
            assertThat(all).extracting(RawArticle::getTitle).containsExactly("B", "A", "C");
            assertThat(readUntil(topics.seenItems(), list -> list.size() >= 6)).hasSizeGreaterThanOrEqualTo(6);
        }
    }

    @ParameterizedTest(name = "transactional={0}")
    @ValueSource(booleans = {false, true})
    void anOversizeItemIsCutAndThePollGoesOn(boolean transactional) throws Exception {
        Topics topics = new Topics(transactional ? "big-tx-" : "big-plain-", null);
        createTopics(topics);
        String huge = ("<p>" + "The committee heard evidence on the harbour works and the budget. ".repeat(8) + "</p>\n")
                .repeat(3000);
        String body = FeedPollerTest.rss(
                FeedPollerTest.item("c", "http://news.example.org/c", "C", "c", null),
                FeedPollerTest.item("big", "http://news.example.org/big", "Big", huge, null),
                FeedPollerTest.item("a", "http://news.example.org/a", "A", "a", null));
        assertThat(body.length()).isGreaterThan(1_500_000);
        List<RawArticle> articles = runFeed(topics, transactional, body, 3);
        assertThat(articles).extracting(RawArticle::getTitle).containsExactly("A", "Big", "C");
        RawArticle big = articles.get(1);
        assertThat(big.getRawHtml()).isNull();
        assertThat(big.getMetadata().get("truncated")).contains("raw HTML dropped").contains("body cut");
        assertThat(big.getBody()).startsWith("The committee heard").hasSizeGreaterThan(900_000);
    }

    @ParameterizedTest(name = "transactional={0}")
    @ValueSource(booleans = {false, true})
    void anItemTheBrokerRefusesIsADeadLetterAndThePollGoesOn(boolean transactional) throws Exception {
        Topics topics = new Topics(transactional ? "refuse-tx-" : "refuse-plain-", null);
        // The broker's limit below the producer's: the broker itself refuses the record.
        createTopics(topics, Map.of("max.message.bytes", "100000"));
        String large = ("<p>" + "A paragraph of the long story. ".repeat(10) + "</p>").repeat(1000);
        String body = FeedPollerTest.rss(
                FeedPollerTest.item("c", "http://news.example.org/c", "C", "c", null),
                FeedPollerTest.item("large", "http://news.example.org/large", "Large", large, null),
                FeedPollerTest.item("a", "http://news.example.org/a", "A", "a", null));
        assertThat(runFeed(topics, transactional, body, 2)).extracting(RawArticle::getTitle).containsExactly("A", "C");
        assertThat(readUntil(topics.deadLetters(), list -> !list.isEmpty())).singleElement()
                .satisfies(letter -> assertThat(letter.getOrigin()).isEqualTo("http://news.example.org/large"));
    }

    /**
     * Serves the feed, waits for {@code expected} articles and several more polls (each writes a health
     * record), and checks the feed advanced: healthy, nothing emitted twice.
     */
    private static List<RawArticle> runFeed(Topics topics, boolean transactional, String body, int expected)
            throws Exception {
        try (TestFeedServer server = new TestFeedServer()) {
            server.on("/feed", exchange -> TestFeedServer.send(exchange, 200, "application/rss+xml",
                    body.getBytes(StandardCharsets.UTF_8), Map.of()));
            FeedSettings feed = FeedSettings.of(server.uri("/feed").toString(), Duration.ofMillis(300));
            FeedsConfig config = FeedsConfig.defaults(List.of(feed)).withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5),
                    Duration.ofHours(1), 0.0);
            try (FeedService service = new FeedService(config, kafka(transactional), topics, new SimpleMeterRegistry(),
                    new ParagraphTextExtractor(), SeenItems.DEFAULT_RETENTION)) {
                service.start();
                assertThat(readUntil(topics.rawArticles(), list -> list.size() >= expected)).hasSize(expected);
                List<SourceHealth> health = readUntil(topics.sourceHealth(), list -> list.size() >= 3);
                assertThat(health).hasSizeGreaterThanOrEqualTo(3);
                assertThat(health.get(health.size() - 1).getItemsSeen()).isEqualTo(3);
                assertThat(service.healthy()).isTrue();
            }
        }
        List<RawArticle> articles = readUntil(topics.rawArticles(), list -> list.size() >= expected);
        assertThat(articles).hasSize(expected);
        return articles;
    }
}
