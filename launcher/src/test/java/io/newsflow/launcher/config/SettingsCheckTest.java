package io.newsflow.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each setting is checked against the type declared next to it; unknown names are reported with the closest one. */
class SettingsCheckTest {

    @Test
    void everyDefaultIsAValidValueOfItsType() {
        assertThat(Settings.from(Map.of()).problems()).isEmpty();
    }

    @Test
    void booleansAcceptOnlyTrueOrFalse() {
        assertThat(Settings.from(Map.of("NEWSFLOW_DROP_DELETE_DONE", "yes")).problems()).containsExactly(
                "NEWSFLOW_DROP_DELETE_DONE must be one of true, false (any case), got 'yes'");
        Settings upper = Settings.from(Map.of("NEWSFLOW_DROP_DELETE_DONE", "TRUE"));
        assertThat(upper.problems()).isEmpty();
        assertThat(upper.dropFolder().deleteWhenDone()).isTrue();
    }

    @Test
    void numbersArePortsOrDurationsInTheirRange() {
        assertThat(Settings.from(Map.of("NEWSFLOW_HTTP_PORT", "abc")).problems())
                .containsExactly("NEWSFLOW_HTTP_PORT must be a port (-1 to 65535), got 'abc'");
        assertThat(Settings.from(Map.of("NEWSFLOW_HTTP_PORT", "70000")).problems())
                .containsExactly("NEWSFLOW_HTTP_PORT must be a port from -1 to 65535, got '70000'");
        assertThat(Settings.from(Map.of("NEWSFLOW_SHUTDOWN_TIMEOUT_MS", "10")).problems()).singleElement()
                .asString().startsWith("NEWSFLOW_SHUTDOWN_TIMEOUT_MS must be a duration in milliseconds from 1000");
        assertThat(Settings.from(Map.of("NEWSFLOW_SINK_WRITERS", "")).problems())
                .containsExactly("NEWSFLOW_SINK_WRITERS must not be empty (default 3)");
    }

    @Test
    void choicesAreCaseInsensitive() {
        assertThat(Settings.from(Map.of("NEWSFLOW_LOG_FORMAT", "JSON", "NEWSFLOW_LOG_LEVEL", "debug")).problems()).isEmpty();
        assertThat(Settings.from(Map.of("NEWSFLOW_LOG_FORMAT", "xml")).problems())
                .containsExactly("NEWSFLOW_LOG_FORMAT must be one of text, json (any case), got 'xml'");
    }

    @Test
    void urlsNeedTheirScheme() {
        assertThat(Settings.from(Map.of("NEWSFLOW_SINK_JDBC_URL", "postgres:5432/newsflow",
                "NEWSFLOW_SCHEMA_REGISTRY_URL", "registry:8080")).problems()).hasSize(2);
        assertThat(Settings.from(Map.of("NEWSFLOW_SINK_JDBC_URL", "jdbc:postgresql://postgres:5432/newsflow",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092,kafka2:9092")).problems()).isEmpty();
        assertThat(Settings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka")).problems()).hasSize(1);
    }

    @Test
    void theConfluentFramingNeedsARegistryAndSingleObjectMayUseOne() {
        assertThat(Settings.from(Map.of("NEWSFLOW_WIRE_FORMAT", "confluent")).problems())
                .containsExactly("NEWSFLOW_WIRE_FORMAT=confluent needs NEWSFLOW_SCHEMA_REGISTRY_URL (the framing carries the registry's schema ids)");
        assertThat(Settings.from(Map.of("NEWSFLOW_WIRE_FORMAT", "single-object",
                "NEWSFLOW_SCHEMA_REGISTRY_URL", "http://registry:8080")).problems()).isEmpty();
    }

    @Test
    void anUnknownNameIsAnErrorNamingTheClosestSetting() {
        assertThat(Settings.from(Map.of("NEWSFLOW_DORP_DIR", "/data")).problems())
                .containsExactly("unknown setting NEWSFLOW_DORP_DIR (did you mean NEWSFLOW_DROP_DIR?)");
    }

    @Test
    void kafkaPassThroughScriptOptionsAndOtherProgramsVariablesAreLeftAlone() {
        assertThat(Settings.from(Map.of("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "NEWSFLOW_JAVA_OPTS", "-Xmx1g",
                "KAFKA_HEAP_OPTS", "-Xmx1g", "PATH", "/bin")).problems()).isEmpty();
    }

    @Test
    void aSecretComesFromItsFileAndIsMasked(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "s3cret\n");
        Settings settings = Settings.from(Map.of("NEWSFLOW_SINK_JDBC_PASSWORD_FILE", file.toString()));
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.get(Setting.NEWSFLOW_SINK_JDBC_PASSWORD)).isEqualTo("s3cret");
        assertThat(settings.display(Setting.NEWSFLOW_SINK_JDBC_PASSWORD)).isEqualTo("********");
        assertThat(Settings.from(Map.of("NEWSFLOW_SINK_JDBC_PASSWORD_FILE", dir.resolve("missing").toString())).problems())
                .singleElement().asString().startsWith("NEWSFLOW_SINK_JDBC_PASSWORD_FILE: cannot read");
        assertThat(Settings.from(Map.of("NEWSFLOW_SINK_JDBC_USER_FILE", "x")).problems()).singleElement().asString()
                .startsWith("unknown setting NEWSFLOW_SINK_JDBC_USER_FILE");
    }

    @Test
    void validatedThrowsTheFirstProblemAsOneLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.from(Map.of(
                        "NEWSFLOW_HTTP_PORT", "abc", "NEWSFLOW_DROP_DELETE_DONE", "yes")).validated())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("\n")
                .hasMessageContaining("(and 1 more: `newsflow config --check` lists them)");
    }
}
