package io.newsflow.launcher.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.launcher.Newsflow;
import io.newsflow.launcher.config.ConfigurationException;
import io.newsflow.launcher.ops.OpsServer;
import io.newsflow.launcher.pipeline.Pipeline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a person meets it, in a real child JVM (its environment is what is tested): a user error is
 * one line on stderr, no stack trace, exit 2; with JSON logs every line is JSON, a fatal error's stack trace too.
 */
class UserErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBadSettingStopsAServiceWithOneLineAndExit2() throws Exception {
        ChildNewsflow run = ChildNewsflow.run(Map.of("NEWSFLOW_DROP_DELETE_DONE", "yes", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9"), "ingest");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).containsExactly(
                "newsflow ingest: NEWSFLOW_DROP_DELETE_DONE must be one of true, false (any case), got 'yes'");
    }

    @Test
    void configCheckNamesTheClosestSettingOfATypo() throws Exception {
        ChildNewsflow run = ChildNewsflow.run(Map.of("NEWSFLOW_DORP_DIR", "/data/drop"), "config", "--check");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stdout()).containsExactly("unknown setting NEWSFLOW_DORP_DIR (did you mean NEWSFLOW_DROP_DIR?)",
                "check problems=1");
        ChildNewsflow ok = ChildNewsflow.run(Map.of("NEWSFLOW_LOG_FORMAT", "JSON"), "config", "--check");
        assertThat(ok.exit()).isZero();
        assertThat(ok.stdout()).containsExactly("check problems=0");
    }

    @Test
    void aFeedIntervalUnderAMinuteFailsTheCheck(@TempDir Path dir) throws Exception {
        Path feeds = java.nio.file.Files.writeString(dir.resolve("feeds.yaml"),
                "feeds:\n  - url: https://example.org/rss\n    interval: 30s\n");
        ChildNewsflow run = ChildNewsflow.run(Map.of("NEWSFLOW_FEEDS_FILE", feeds.toString()), "config", "--check");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stdout()).hasSize(2).last().isEqualTo("check problems=1");
        assertThat(run.stdout().get(0)).startsWith("NEWSFLOW_FEEDS_FILE ").contains("shorter than 1m");
    }

    @Test
    void aMissingBrokerSettingAndAMissingFolderAreOneLineEach() throws Exception {
        ChildNewsflow service = ChildNewsflow.run(Map.of(), "sink");
        assertThat(service.exit()).isEqualTo(2);
        assertThat(service.stderr()).singleElement().asString().startsWith("newsflow sink: KAFKA_BOOTSTRAP_SERVERS is not set");
        ChildNewsflow eval = ChildNewsflow.run(Map.of(), "eval", "--corpus", "no/such/folder");
        assertThat(eval.exit()).isEqualTo(2);
        assertThat(eval.stderr()).containsExactly("newsflow eval: --corpus no/such/folder is not a folder");
        assertThat(eval.stdout()).isEmpty();
    }

    @Test
    void withJsonLogsEveryLineIsJsonFatalErrorsIncluded() throws Exception {
        ChildNewsflow userError = ChildNewsflow.run(Map.of("NEWSFLOW_LOG_FORMAT", "JSON"), "enrich");
        assertThat(userError.exit()).isEqualTo(2);
        // A failure that is no user error: no database answers on port 9 (discard).
        ChildNewsflow fatal = ChildNewsflow.run(Map.of("NEWSFLOW_LOG_FORMAT", "json",
                "NEWSFLOW_SINK_JDBC_URL", "jdbc:postgresql://127.0.0.1:9/newsflow"), "sink", "migrate");
        assertThat(fatal.exit()).isEqualTo(1);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : concat(userError.stderr(), fatal.stderr())) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            OffsetDateTime.parse(node.path("@timestamp").asText()); // ISO-8601
            lines.add(node);
        }
        assertThat(lines).anySatisfy(l -> assertThat(l.path("message").asText())
                .contains("newsflow enrich: KAFKA_BOOTSTRAP_SERVERS is not set"));
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("level").asText()).isEqualTo("ERROR");
            assertThat(l.path("stack_trace").asText()).contains("\tat ");
        });
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        for (List<String> command : List.of(List.of("up"), List.of("ingest"), List.of("enrich"), List.of("sink"),
                List.of("sink", "migrate"), List.of("demo"), List.of("eval"), List.of("extract-eval"), List.of("feeds"),
                List.of("feeds", "parse"), List.of("feeds", "import"), List.of("feeds", "check"), List.of("config"),
                List.of("schema"))) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.PrintStream original = System.out;
            int code;
            try {
                System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
                code = Newsflow.execute(args.toArray(String[]::new));
            } finally {
                System.setOut(original);
            }
            assertThat(code).as(String.join(" ", args)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(String.join(" ", args))
                    .startsWith("Usage: newsflow " + String.join(" ", command));
        }
    }

    @Test
    void aPortInUseNamesTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> OpsServer.start("127.0.0.1", taken.getLocalPort(), new Pipeline(List.of())))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("NEWSFLOW_HTTP_PORT " + taken.getLocalPort() + " on NEWSFLOW_HTTP_BIND 127.0.0.1 cannot be used");
        }
    }


    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
