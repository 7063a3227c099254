package io.newsflow.launcher.pipeline;

import io.newsflow.launcher.broker.EmbeddedKafka;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cluster the stages talk to: the one KAFKA_BOOTSTRAP_SERVERS names, or an embedded broker. */
public final class KafkaConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaConnection.class);

    private final String bootstrapServers;
    private final EmbeddedKafka embedded;

    private KafkaConnection(String bootstrapServers, EmbeddedKafka embedded) {
        this.bootstrapServers = bootstrapServers;
        this.embedded = embedded;
    }

    /** Connects to the configured cluster, or starts the embedded broker when none is configured. */
    public static KafkaConnection connectOrEmbed(Settings settings) {
        if (settings.isSet(Setting.KAFKA_BOOTSTRAP_SERVERS)) {
            return external(settings);
        }
        Path dataDir = settings.workDir().resolve("kafka");
        EmbeddedKafka broker = EmbeddedKafka.start(dataDir);
        LOG.info("embedded Kafka broker on {} (data in {})", broker.bootstrapServers(), dataDir.toAbsolutePath());
        return new KafkaConnection(broker.bootstrapServers(), broker);
    }

    /** The configured cluster; single-service commands never start a broker of their own. */
    public static KafkaConnection external(Settings settings) {
        if (!settings.isSet(Setting.KAFKA_BOOTSTRAP_SERVERS)) {
            throw new IllegalArgumentException("KAFKA_BOOTSTRAP_SERVERS is not set: a single stage needs a running cluster "
                    + "(use `newsflow up` for the embedded one)");
        }
        return new KafkaConnection(settings.get(Setting.KAFKA_BOOTSTRAP_SERVERS), null);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The client properties every stage starts from. */
    public Map<String, Object> clientProperties() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
