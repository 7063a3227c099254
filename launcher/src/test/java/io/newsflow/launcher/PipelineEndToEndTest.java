package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.pipeline.EventWatcher;
import io.newsflow.launcher.pipeline.Pipeline;
import io.newsflow.launcher.pipeline.Stages;
import io.newsflow.launcher.pipeline.TopicSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on real parts: an in-process KRaft broker, a real PostgreSQL server, the
 * three services as `newsflow up` runs them, and the five seed articles dropped into the folder.
 */
class PipelineEndToEndTest {

    @TempDir
    Path work;

    @Test
    void seedArticlesBecomeThreeEventsInTheTopicTheFilesAndTheDatabase() throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("kafka"));
             EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> env = new HashMap<>();
            env.put(Setting.KAFKA_BOOTSTRAP_SERVERS.name(), broker.bootstrapServers());
            env.put(Setting.NEWSFLOW_WORK_DIR.name(), work.toString());
            env.put(Setting.NEWSFLOW_DROP_DIR.name(), work.resolve("drop").toString());
            env.put(Setting.NEWSFLOW_DROP_POLL_MS.name(), "100");
            env.put(Setting.NEWSFLOW_SINK_JSONL_DIR.name(), work.resolve("events").toString());
            env.put(Setting.NEWSFLOW_SINK_JDBC_URL.name(), postgres.getJdbcUrl("postgres", "postgres"));
            env.put(Setting.NEWSFLOW_SINK_JDBC_USER.name(), "postgres");
            env.put(Setting.NEWSFLOW_SINK_JDBC_PASSWORD.name(), "postgres");
            env.put(Setting.NEWSFLOW_SINK_LINGER_MS.name(), "50");
            Settings settings = Settings.from(env);
            Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
            TopicSetup.ensure(broker.bootstrapServers(), settings.topics(), 1, settings.seenItemsRetention());

            Map<String, String> fileOfArticle = SeedArticles.fileOfArticleId();
            try (Pipeline pipeline = new Pipeline(List.of(Stages.ingest(settings, kafka), Stages.enrich(settings, kafka),
                         Stages.sink(settings, kafka))).start();
                 EventWatcher watcher = new EventWatcher(kafka, settings.topics())) {
                SeedArticles.dropInto(work.resolve("drop"));

                assertThat(watcher.awaitArticles(fileOfArticle.keySet(), Duration.ofSeconds(2), Duration.ofSeconds(90)))
                        .as("all five seeds placed in events").isTrue();

                // The events topic, read as a downstream consumer reads it.
                assertThat(SeedArticles.asFiles(watcher.events(), fileOfArticle)).isEqualTo(SeedArticles.goldEvents());

                // The database: one row per live event (merged-away events are removed), members in event_articles.
                awaitDatabase(postgres, watcher.events().size());
                Set<Set<String>> dbEvents = databaseEvents(postgres, fileOfArticle);
                assertThat(dbEvents).isEqualTo(SeedArticles.goldEvents());

                assertThat(pipeline.healthy()).isTrue();
            }

            // Stopped, the sink has published its JSON Lines file: one line per snapshot it consumed.
            try (Stream<Path> files = Files.walk(work.resolve("events"))) {
                long lines = files.filter(p -> p.toString().endsWith(".jsonl"))
                        .mapToLong(p -> uncheckedLines(p)).sum();
                assertThat(lines).isGreaterThanOrEqualTo(3);
            }
        }
    }

    private static long uncheckedLines(Path p) {
        try (Stream<String> lines = Files.lines(p)) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitDatabase(EmbeddedPostgres postgres, int expectedEvents) {
        // The sink creates its tables at start and writes in batches: wait for the rows.
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from events")) {
                rs.next();
                return rs.getInt(1) == expectedEvents;
            }
        });
    }

    private static Set<Set<String>> databaseEvents(EmbeddedPostgres postgres, Map<String, String> fileOfArticle) throws Exception {
        Map<String, Set<String>> members = new HashMap<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select event_id, article_id from event_articles")) {
            while (rs.next()) {
                members.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(fileOfArticle.get(rs.getString(2)));
            }
        }
        return new HashSet<>(members.values());
    }
}
