package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.launcher.pipeline.EventWatcher;
import io.newsflow.launcher.pipeline.TopicSetup;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow enrich} as its own process, killed with SIGKILL mid-stream and started again under the same
 * instance id: with static membership it takes its partitions back at once rather than after the dead
 * member's session (45 s), and {@code /health/ready} says 503 until Kafka Streams is RUNNING.
 */
class EnrichKillTest {

    /** What a restart may take here; without static membership it took 45 s and more (the session timeout). */
    private static final Duration READY_BOUND = Duration.ofSeconds(30);

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    void afterKillNineEnrichIsReadyAgainWithinTheBoundAndNotReadyBefore() throws Exception {
        Topics topics = Topics.embedded();
        try (EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("kafka"))) {
            Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
            TopicSetup.ensure(broker.bootstrapServers(), topics, 3, Duration.ofDays(1));
            int port = freePort();
            try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(kafka,
                    topics.rawArticles().keySerde().serializer(), topics.rawArticles().valueSerde().serializer());
                 EventWatcher watcher = new EventWatcher(kafka, topics)) {

                Process first = enrich(broker.bootstrapServers(), port);
                try {
                    assertThat(awaitReady(port, Duration.ofSeconds(120)).ready()).isTrue();
                    send(producer, topics, "000_16d210ef47e2a33a.txt");
                    send(producer, topics, "001_7f609bce913b8f04.txt");
                    assertThat(watcher.awaitArticles(List.of(id("000_16d210ef47e2a33a.txt")), Duration.ofMillis(100),
                            Duration.ofSeconds(90))).isTrue();
                } finally {
                    first.destroyForcibly().waitFor();  // SIGKILL: no commit, no leaving the group
                }

                long restarted = System.nanoTime();
                Process second = enrich(broker.bootstrapServers(), port);
                try {
                    Readiness readiness = awaitReady(port, READY_BOUND.plusSeconds(60));
                    Duration took = Duration.ofNanos(System.nanoTime() - restarted);
                    System.out.println("enrich ready again " + took.toMillis() + " ms after the restart");
                    assertThat(readiness.ready()).isTrue();
                    assertThat(readiness.notReadyAnswers()).as("503 from /health/ready before RUNNING").isPositive();
                    assertThat(took).isLessThan(READY_BOUND);
                    send(producer, topics, "002_e4007a39067177ba.txt");
                    assertThat(watcher.awaitArticles(List.of(id("001_7f609bce913b8f04.txt"), id("002_e4007a39067177ba.txt")),
                            Duration.ofMillis(100), Duration.ofSeconds(60))).isTrue();
                } finally {
                    second.destroy();
                    second.waitFor();
                }
            }
        }
    }

    private Process enrich(String bootstrap, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsflow", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Newsflow.class.getName(), "enrich");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        builder.environment().put("NEWSFLOW_HTTP_PORT", Integer.toString(port));
        builder.environment().put("NEWSFLOW_STATE_DIR", work.resolve("state").toString());
        builder.environment().put("NEWSFLOW_WORK_DIR", work.resolve("work").toString());
        builder.environment().put("NEWSFLOW_INSTANCE_ID", "enrich-kill-test");
        builder.environment().put("NEWSFLOW_ENRICH_CACHE_MB", "16");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                new File(work.toFile(), "enrich.log")));
        return builder.start();
    }

    private record Readiness(boolean ready, int notReadyAnswers) {
    }

    /** Polls /health/ready until 200, counting the 503 answers before it (no answer at all: the process is starting). */
    private Readiness awaitReady(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int notReady = 0;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return new Readiness(true, notReady);
                }
                assertThat(response.statusCode()).isEqualTo(503);
                notReady++;
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return new Readiness(false, notReady);
    }

    private static void send(KafkaProducer<String, RawArticle> producer, Topics topics, String file) throws Exception {
        RawArticle article = ArticleFiles.parse(SeedArticles.DIR.resolve(file)).get(0);
        producer.send(new ProducerRecord<>(topics.rawArticles().name(), article.getArticleId(), article)).get();
    }

    private static String id(String file) throws Exception {
        return ArticleFiles.parse(SeedArticles.DIR.resolve(file)).get(0).getArticleId();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
