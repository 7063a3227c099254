package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.launcher.Newsflow;
import io.newsflow.launcher.config.Setting;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three services as Docker runs them (`newsflow ingest|enrich|sink`, each a JVM of its own, against a
 * real broker and a real PostgreSQL): seed articles and one binary file are dropped, then each service's
 * {@code /metrics} is scraped until it shows the meters docs/operations.md "Metrics" promises for it.
 */
class ServiceMetricsTest {

    private static final Path SEEDS = Path.of("..", "testdata", "seeds");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void eachServiceServesItsKafkaAndNewsflowMeters() throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("kafka"));
             EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            scrapeServices(broker, postgres);
        }
    }

    private void scrapeServices(EmbeddedKafka broker, EmbeddedPostgres postgres) throws Exception {
        List<Process> services = new ArrayList<>();
        try {
            Map<String, String> env = new HashMap<>();
            env.put(Setting.KAFKA_BOOTSTRAP_SERVERS.name(), broker.bootstrapServers());
            env.put(Setting.NEWSFLOW_TOPIC_PARTITIONS.name(), "1");
            env.put(Setting.NEWSFLOW_DROP_DIR.name(), work.resolve("drop").toString());
            env.put(Setting.NEWSFLOW_DROP_POLL_MS.name(), "100");
            env.put(Setting.NEWSFLOW_SINK_JSONL_DIR.name(), work.resolve("events").toString());
            env.put(Setting.NEWSFLOW_SINK_JDBC_URL.name(), postgres.getJdbcUrl("postgres", "postgres"));
            env.put(Setting.NEWSFLOW_SINK_JDBC_USER.name(), "postgres");
            env.put(Setting.NEWSFLOW_SINK_JDBC_PASSWORD.name(), "postgres");
            env.put(Setting.NEWSFLOW_SINK_LINGER_MS.name(), "50");
            env.put(Setting.NEWSFLOW_ENRICH_COMMIT_MS.name(), "200");

            Map<String, Integer> ports = new HashMap<>();
            for (String service : List.of("ingest", "enrich", "sink")) {
                ports.put(service, freePort());
                services.add(start(service, env, ports.get(service)));
            }
            drop(work.resolve("drop"));

            expectMeters("ingest", ports.get("ingest"), "newsflow_build_info{", "jvm_memory_used_bytes",
                    "newsflow_articles_in_total{stage=\"ingest\"}", "newsflow_articles_out_total{stage=\"ingest\"}",
                    "newsflow_drop_files_total{outcome=\"done\"}", "newsflow_drop_files_total{outcome=\"failed\"}",
                    "newsflow_dead_letters_total{", "kafka_producer_record_send_total");
            expectMeters("enrich", ports.get("enrich"), "newsflow_build_info{",
                    "newsflow_articles_in_total{stage=\"enrich\"}", "newsflow_articles_out_total{stage=\"enrich\"}",
                    "newsflow_enrich_open_events{", "newsflow_grouping_latency_seconds_bucket{",
                    "kafka_stream_thread_process_total", "kafka_consumer_fetch_manager_records_consumed_total");
            expectMeters("sink", ports.get("sink"), "newsflow_build_info{",
                    "newsflow_sink_rows_total{outcome=\"written\"}", "newsflow_sink_batches_total{store=\"database\"}",
                    "newsflow_sink_batches_total{store=\"files\"}", "newsflow_sink_lines_total", "newsflow_sink_lag_records",
                    "kafka_consumer_fetch_manager_records_lag_max");

            // The sink keeps its offsets in PostgreSQL and copies them to its consumer group for lag tools.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("newsflow-sink")
                            .partitionsToOffsetAndMetadata().get();
                    return committed.containsKey(new TopicPartition("events", 0))
                            && committed.get(new TopicPartition("events", 0)).offset() > 0;
                });
            }
        } finally {
            // Stopped while the broker and the database still run (they close after this), all at once.
            services.forEach(Process::destroy);
            for (Process service : services) {
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
        }
    }

    private Process start(String service, Map<String, String> env, int port) throws IOException {
        Map<String, String> own = new HashMap<>(env);
        own.put(Setting.NEWSFLOW_HTTP_PORT.name(), Integer.toString(port));
        own.put(Setting.NEWSFLOW_WORK_DIR.name(), work.resolve(service).toString());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx512m", "-cp", System.getProperty("java.class.path"), Newsflow.class.getName(), service);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(service + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("NEWSFLOW_") || k.startsWith("KAFKA_"));
        builder.environment().putAll(own);
        return builder.start();
    }

    /** The seed articles, and one binary file that goes to failed/ with a dead letter. */
    private static void drop(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> seeds = Files.list(SEEDS)) {
            for (Path seed : seeds.filter(p -> p.getFileName().toString().endsWith(".txt")).toList()) {
                Path partial = folder.resolve(seed.getFileName() + ".part");
                Files.copy(seed, partial);
                Files.move(partial, folder.resolve(seed.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i % 7 == 0 ? 0 : i);
        }
        Path partial = folder.resolve("scan.txt.part");
        Files.write(partial, binary);
        Files.move(partial, folder.resolve("scan.txt"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits for the names in the scrape, and keeps the last scrape in target/service-metrics/ to read. */
    private void expectMeters(String service, int port, String... names) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> assertThat(scrape(port)).contains(names));
        Path kept = Path.of("target", "service-metrics", service + ".prom");
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, scrape(port));
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
