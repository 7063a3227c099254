package io.newsflow.launcher.pipeline;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.launcher.broker.AllInOneParts;
import io.newsflow.launcher.broker.EmbeddedBroker;
import io.newsflow.launcher.config.ConfigurationException;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.kafka.KafkaClientSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cluster the stages talk to: the one KAFKA_BOOTSTRAP_SERVERS names, or an embedded broker. */
public final class KafkaConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaConnection.class);

    private final String bootstrapServers;
    private final EmbeddedKafka embedded;
    /** Client settings passed through from the environment (security, tuning, Streams settings). */
    private final Map<String, Object> passThrough;

    private KafkaConnection(String bootstrapServers, EmbeddedKafka embedded, Map<String, Object> passThrough) {
        this.bootstrapServers = bootstrapServers;
        this.embedded = embedded;
        this.passThrough = passThrough;
    }

    /** A free port for the embedded broker: what one-shot runs (demo, bench) use, beside a running `up`. */
    public static final int ANY_PORT = 0;

    /**
     * Connects to the configured cluster, or starts the embedded broker when none is configured, its client
     * listener on {@code embeddedPort} of 127.0.0.1 ({@link #ANY_PORT}: a free one).
     */
    public static KafkaConnection connectOrEmbed(Settings settings, int embeddedPort) {
        if (settings.isSet(Setting.KAFKA_BOOTSTRAP_SERVERS)) {
            return external(settings);
        }
        KafkaClientSettings client = settings.kafkaClient();
        if (!client.properties().isEmpty()) {
            // The embedded broker has one plain listener on 127.0.0.1: security settings meant for a real
            // cluster would only keep the clients from reaching it.
            LOG.warn("Kafka client settings {} are for KAFKA_BOOTSTRAP_SERVERS; the embedded broker does not use them",
                    client.display().keySet());
        }
        AllInOneParts.EMBEDDED_BROKER.require();
        Path dataDir = settings.workDir().resolve("kafka");
        EmbeddedKafka broker = EmbeddedBroker.start(dataDir, embeddedPort);
        LOG.info("embedded Kafka broker on {} (data in {})", broker.bootstrapServers(), dataDir.toAbsolutePath());
        return new KafkaConnection(broker.bootstrapServers(), broker, Map.of());
    }

    /** The configured cluster; single-service commands never start a broker of their own. */
    public static KafkaConnection external(Settings settings) {
        requireConfigured(settings);
        KafkaClientSettings client = settings.kafkaClient();
        client.ignored().forEach((given, why) ->
                LOG.warn("{} ignored: Newsflow sets this Kafka setting itself ({})", given, why));
        if (!client.properties().isEmpty()) {
            LOG.info("Kafka client settings for every producer, consumer, admin client and Kafka Streams: {}",
                    client.display());
        }
        return new KafkaConnection(settings.get(Setting.KAFKA_BOOTSTRAP_SERVERS), null, client.properties());
    }

    /** A user error (one line, exit 2) when KAFKA_BOOTSTRAP_SERVERS is not set. */
    public static void requireConfigured(Settings settings) {
        if (!settings.isSet(Setting.KAFKA_BOOTSTRAP_SERVERS)) {
            throw new ConfigurationException("KAFKA_BOOTSTRAP_SERVERS is not set: a single stage needs a running cluster "
                    + "(use `newsflow up` for the embedded one)");
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The client properties every client starts from: the brokers and the settings passed through. Each
     * service then sets what its guarantees need (those names are never passed through).
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>(passThrough);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
