package io.newsflow.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSettingsTest {

    @TempDir
    Path dir;

    @Test
    void variablesBecomeKafkaNamesAndWinOverTheFile() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "sasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.example.Login required;\n");

        KafkaClientSettings settings = KafkaClientSettings.from(Map.of(
                "NEWSFLOW_KAFKA_PROPERTIES_FILE", file.toString(),
                "NEWSFLOW_KAFKA_SASL_MECHANISM", "PLAIN",
                "NEWSFLOW_KAFKA_NUM_STANDBY_REPLICAS", "1",
                "NEWSFLOW_KAFKA_PRODUCER_COMPRESSION_TYPE", "zstd",
                "NEWSFLOW_KAFKA_TOPIC_SEGMENT_BYTES", "1048576",
                "NEWSFLOW_TOPIC_PREFIX", "prod."));

        assertThat(settings.properties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.example.Login required;",
                "num.standby.replicas", "1",
                "producer.compression.type", "zstd",
                "topic.segment.bytes", "1048576"));
        assertThat(settings.display().get("sasl.jaas.config")).startsWith("********");
        assertThat(settings.display().get("sasl.mechanism")).isEqualTo("PLAIN (NEWSFLOW_KAFKA_SASL_MECHANISM)");
    }

    @Test
    void settingsNewsflowOwnsAreLeftOutSayingWhy() {
        KafkaClientSettings settings = KafkaClientSettings.from(Map.of(
                "NEWSFLOW_KAFKA_PROCESSING_GUARANTEE", "at_least_once",
                "NEWSFLOW_KAFKA_MAIN_CONSUMER_ISOLATION_LEVEL", "read_uncommitted",
                "NEWSFLOW_KAFKA_CLIENT_DNS_LOOKUP", "use_all_dns_ips"));

        assertThat(settings.properties()).containsOnlyKeys("client.dns.lookup");
        assertThat(settings.ignored()).containsOnlyKeys(
                "NEWSFLOW_KAFKA_PROCESSING_GUARANTEE (processing.guarantee)",
                "NEWSFLOW_KAFKA_MAIN_CONSUMER_ISOLATION_LEVEL (main.consumer.isolation.level)");
    }

    @Test
    void aWrongValueIsOneLineNamingTheVariable() {
        assertThatThrownBy(() -> KafkaClientSettings.from(Map.of("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSSL")))
                .isInstanceOf(KafkaSettingsException.class)
                .hasMessageStartingWith("NEWSFLOW_KAFKA_SECURITY_PROTOCOL: Invalid value SASL_SSSL for configuration security.protocol")
                .hasMessageNotContaining("\n");
        assertThat(KafkaClientSettings.problems(Map.of("NEWSFLOW_KAFKA_LINGER_MS", "soon")))
                .singleElement().asString().startsWith("NEWSFLOW_KAFKA_LINGER_MS: Invalid value soon");
    }

    @Test
    void anUnknownNameInTheFileNamesTheClosestSetting() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "ssl.truststore.locaton=/etc/kafka/trust.p12\n");

        assertThat(KafkaClientSettings.problems(Map.of("NEWSFLOW_KAFKA_PROPERTIES_FILE", file.toString())))
                .containsExactly("NEWSFLOW_KAFKA_PROPERTIES_FILE " + file + ": ssl.truststore.locaton is not a Kafka client "
                        + "setting; did you mean ssl.truststore.location?");
    }

    @Test
    void aValueOutOfRangeNamesItsSetting() {
        assertThat(KafkaClientSettings.problems(Map.of("NEWSFLOW_KAFKA_SSL_KEYSTORE_TYPE", "PKCS12",
                "NEWSFLOW_KAFKA_SASL_LOGIN_REFRESH_WINDOW_FACTOR", "2.0"))).singleElement().asString()
                .contains("sasl.login.refresh.window.factor");
    }
}
