package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.enrich.EnrichService;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.pipeline.EventWatcher;
import io.newsflow.launcher.pipeline.KafkaConnection;
import io.newsflow.launcher.pipeline.Pipeline;
import io.newsflow.launcher.pipeline.Stages;
import io.newsflow.launcher.pipeline.TopicSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services against a broker that only takes SASL/PLAIN over TLS, configured as an ops team would:
 * security settings as NEWSFLOW_KAFKA_* variables, the secrets (JAAS line, trust store password) in a
 * properties file. The broker's certificate is self-signed, made by the JDK's own keytool (no extra
 * dependency for one certificate); one broker serves the whole class.
 */
class SecuredKafkaPipelineTest {

    private static final String STORE_PASSWORD = "store-secret";
    private static final String USER = "newsflow";
    private static final String PASSWORD = "kafka-secret";

    @TempDir
    static Path shared;

    private static EmbeddedKafka broker;
    private static Path trustStore;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        Path keyStore = shared.resolve("broker.p12");
        Path certificate = shared.resolve("broker.pem");
        trustStore = shared.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "broker", "-rfc", "-file", certificate.toString(),
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);

        String prefix = "listener.name.secure.";
        broker = EmbeddedKafka.start(shared.resolve("kafka"), new EmbeddedKafka.ExtraListener("SECURE", "SASL_SSL", Map.of(
                prefix + "sasl.enabled.mechanisms", "PLAIN",
                prefix + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "user_" + USER + "=\"" + PASSWORD + "\";",
                prefix + "ssl.keystore.location", keyStore.toString(),
                prefix + "ssl.keystore.type", "PKCS12",
                prefix + "ssl.keystore.password", STORE_PASSWORD,
                prefix + "ssl.key.password", STORE_PASSWORD)));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void seedArticlesBecomeEventsThroughTheSecuredListener(@TempDir Path work) throws Exception {
        Map<String, String> env = securedEnvironment(work, PASSWORD);
        env.put(Setting.NEWSFLOW_DROP_DIR.name(), work.resolve("drop").toString());
        env.put(Setting.NEWSFLOW_DROP_POLL_MS.name(), "100");
        env.put(Setting.NEWSFLOW_SINK_JSONL_DIR.name(), work.resolve("events").toString());
        env.put(Setting.NEWSFLOW_SINK_LINGER_MS.name(), "50");
        // A Streams setting passes through like any other (one instance: the standby stays unassigned).
        env.put("NEWSFLOW_KAFKA_NUM_STANDBY_REPLICAS", "1");
        // Newsflow's exactly-once reading is not the user's to turn off: ignored with a warning.
        env.put("NEWSFLOW_KAFKA_ISOLATION_LEVEL", "read_uncommitted");
        Settings settings = Settings.from(env);

        try (KafkaConnection kafka = KafkaConnection.external(settings)) {
            Map<String, Object> client = kafka.clientProperties();
            assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                    .containsEntry("bootstrap.servers", broker.extraListenerAddress()).doesNotContainKey("isolation.level");
            assertThat(EnrichService.streamsProperties(settings.enrich(), client, settings.topics()))
                    .containsEntry("num.standby.replicas", "1").containsEntry("processing.guarantee", "exactly_once_v2");

            TopicSetup.ensure(client, settings.topics(), 1, settings.seenItemsRetention());
            Map<String, String> fileOfArticle = SeedArticles.fileOfArticleId();
            try (Pipeline pipeline = new Pipeline(List.of(Stages.ingest(settings, client), Stages.enrich(settings, client),
                         Stages.sink(settings, client))).start();
                 EventWatcher watcher = new EventWatcher(client, settings.topics())) {
                SeedArticles.dropInto(work.resolve("drop"));

                assertThat(watcher.awaitArticles(fileOfArticle.keySet(), Duration.ofSeconds(2), Duration.ofSeconds(90)))
                        .as("all five seeds placed in events read over SASL_SSL").isTrue();
                assertThat(SeedArticles.asFiles(watcher.events(), fileOfArticle)).isEqualTo(SeedArticles.goldEvents());
                assertThat(pipeline.healthy()).isTrue();
            }
        }
    }

    @Test
    void aWrongPasswordStopsTheServiceAtStartWithOneLine(@TempDir Path work) throws Exception {
        Map<String, String> env = securedEnvironment(work, "not-the-password");
        env.put(Setting.NEWSFLOW_DROP_DIR.name(), work.resolve("drop").toString());
        env.put(Setting.NEWSFLOW_HTTP_PORT.name(), "-1");

        Command ingest = Command.run(work, env, "ingest");

        assertThat(ingest.exitCode()).as("exit code; output:\n%s", ingest.output()).isEqualTo(2);
        List<String> newsflowLines = ingest.lines().stream().filter(l -> l.startsWith("not started:")).toList();
        assertThat(newsflowLines).hasSize(1);
        assertThat(newsflowLines.get(0)).contains(broker.extraListenerAddress()).contains("Authentication failed");
        assertThat(ingest.lines()).as("no stack trace").noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by"));
    }

    @Test
    void aMisspelledKafkaVariableStopsTheServiceNamingTheClosestSetting(@TempDir Path work) throws Exception {
        Map<String, String> env = securedEnvironment(work, PASSWORD);
        env.put("NEWSFLOW_KAFKA_SECURITY_PROTOKOL", "SASL_SSL");
        env.put(Setting.NEWSFLOW_HTTP_PORT.name(), "-1");

        Command ingest = Command.run(work, env, "ingest");

        assertThat(ingest.exitCode()).as("exit code; output:\n%s", ingest.output()).isEqualTo(2);
        assertThat(ingest.lines()).containsExactly("not started: NEWSFLOW_KAFKA_SECURITY_PROTOKOL: security.protokol is not "
                + "a Kafka client setting; did you mean NEWSFLOW_KAFKA_SECURITY_PROTOCOL (security.protocol)?");
    }

    /** Security settings as variables, the secrets in a properties file (as Docker secrets give them). */
    private static Map<String, String> securedEnvironment(Path work, String password) throws IOException {
        Path secrets = work.resolve("kafka-client.properties");
        Files.writeString(secrets, String.join("\n",
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + USER + "\" password=\"" + password + "\";",
                "ssl.truststore.location=" + trustStore.toString().replace("\\", "\\\\"),
                "ssl.truststore.type=PKCS12",
                "ssl.truststore.password=" + STORE_PASSWORD), StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>();
        env.put(Setting.KAFKA_BOOTSTRAP_SERVERS.name(), broker.extraListenerAddress());
        env.put("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("NEWSFLOW_KAFKA_SASL_MECHANISM", "PLAIN");
        env.put(Setting.NEWSFLOW_KAFKA_PROPERTIES_FILE.name(), secrets.toString());
        env.put(Setting.NEWSFLOW_WORK_DIR.name(), work.toString());
        return env;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }

    /** `newsflow <args>` in a JVM of its own, with exactly the given Newsflow and Kafka variables. */
    private record Command(int exitCode, String output) {

        static Command run(Path work, Map<String, String> env, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Newsflow.class.getName()));
            command.addAll(List.of(args));
            Path log = work.resolve("command.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("NEWSFLOW_") || k.startsWith("KAFKA_"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("newsflow " + String.join(" ", args) + " did not end: " + Files.readString(log));
            }
            return new Command(process.exitValue(), Files.readString(log));
        }

        List<String> lines() {
            return output.lines().toList();
        }
    }
}
