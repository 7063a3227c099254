package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.launcher.pipeline.EventWatcher;
import io.newsflow.launcher.pipeline.TopicSetup;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrich stopped mid-story and started again on another machine (a new, empty state directory):
 * the grouping state comes back from the changelogs, the candidate index and band lists are rebuilt
 * from it, and the story's last report joins the event opened before the restart, under its id.
 */
class EnrichRestartTest {

    private static final String E1_FIRST = "000_16d210ef47e2a33a.txt";
    private static final String E1_SECOND = "001_7f609bce913b8f04.txt";
    private static final String E1_LAST = "002_e4007a39067177ba.txt";
    private static final String E2 = "003_cf9a69334054b8ad.txt";
    private static final String E3 = "004_22830d41a2a2e69c.txt";

    @TempDir
    Path work;

    @Test
    void aReportAfterARestartOnNewStateJoinsTheEventOpenedBeforeIt() throws Exception {
        Topics topics = Topics.embedded();
        try (EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("kafka"))) {
            Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
            TopicSetup.ensure(broker.bootstrapServers(), topics, 1, Duration.ofDays(1));
            try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(kafka,
                    topics.rawArticles().keySerde().serializer(), topics.rawArticles().valueSerde().serializer());
                 EventWatcher watcher = new EventWatcher(kafka, topics)) {

                String e1Id;
                try (EnrichService before = start(kafka, topics, "state-before")) {
                    List<RawArticle> first = send(producer, topics, E1_FIRST, E1_SECOND, E2, E3);
                    assertThat(watcher.awaitArticles(ids(first), Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
                    e1Id = eventOf(watcher, first.get(0)).getEventId();
                    assertThat(eventOf(watcher, first.get(1)).getEventId()).isEqualTo(e1Id);
                }

                long versionBefore = eventOf(watcher, ArticleFiles.parse(SeedArticles.DIR.resolve(E1_FIRST)).get(0)).getVersion();
                try (EnrichService after = start(kafka, topics, "state-after")) {
                    List<RawArticle> last = send(producer, topics, E1_LAST);
                    assertThat(watcher.awaitArticles(ids(last), Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();

                    NewsEvent e1 = eventOf(watcher, last.get(0));
                    assertThat(e1.getEventId()).as("the event opened before the restart").isEqualTo(e1Id);
                    assertThat(e1.getVersion()).isGreaterThan(versionBefore);
                    assertThat(SeedArticles.asFiles(watcher.events(), SeedArticles.fileOfArticleId()))
                            .isEqualTo(SeedArticles.goldEvents());
                }
            }
        }
    }

    private EnrichService start(Map<String, Object> kafka, Topics topics, String stateDir) {
        EnrichService service = new EnrichService(new EnrichConfig("enrich-restart-test", work.resolve(stateDir),
                Duration.ofDays(7)), kafka, topics);
        service.start();
        return service;
    }

    private static List<RawArticle> send(KafkaProducer<String, RawArticle> producer, Topics topics, String... files)
            throws Exception {
        List<RawArticle> articles = new java.util.ArrayList<>();
        for (String file : files) {
            RawArticle article = ArticleFiles.parse(SeedArticles.DIR.resolve(file)).get(0);
            producer.send(new ProducerRecord<>(topics.rawArticles().name(), article.getArticleId(), article)).get();
            articles.add(article);
        }
        return articles;
    }

    private static List<String> ids(List<RawArticle> articles) {
        return articles.stream().map(RawArticle::getArticleId).toList();
    }

    private static NewsEvent eventOf(EventWatcher watcher, RawArticle article) {
        return watcher.events().stream()
                .filter(e -> e.getArticles().stream().anyMatch(a -> a.getArticleId().equals(article.getArticleId())))
                .findFirst().orElseThrow();
    }
}
