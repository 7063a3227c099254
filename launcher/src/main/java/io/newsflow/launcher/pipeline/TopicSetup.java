package io.newsflow.launcher.pipeline;

import io.newsflow.topics.Topic;
import io.newsflow.topics.TopicReadiness;
import io.newsflow.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import io.newsflow.launcher.kafka.KafkaClientProperties;
import io.newsflow.launcher.kafka.KafkaSettingsException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics that are missing; existing topics are left as they are. */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private TopicSetup() {
    }

    /**
     * @param seenItemsRetention how long the seen-items topic keeps a record not written again: it is
     *                           compacted and time-limited, so the feed reader's memory stays bounded
     */
    public static void ensure(String bootstrapServers, Topics topics, int partitions, Duration seenItemsRetention) {
        ensure(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics, partitions, seenItemsRetention);
    }

    /**
     * As {@link #ensure(String, Topics, int, Duration)} with the client properties of the connection (security
     * settings included): the first call to the cluster, so wrong credentials or TLS settings end here, with
     * a {@link KafkaSettingsException} of one line.
     */
    public static void ensure(Map<String, Object> clientProperties, Topics topics, int partitions, Duration seenItemsRetention) {
        Object bootstrapServers = clientProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = createAdmin(clientProperties)) {
            Set<String> existing = admin.listTopics().names().get();
            int brokers = admin.describeCluster().nodes().get().size();
            short replication = (short) Math.min(3, brokers);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<String, ?> topic : topics.all()) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), partitions, replication)
                            .configs(configs(topic, topics, seenItemsRetention)));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
                // producers start right after this: the new partitions must take records first
                TopicReadiness.await(admin, missing.stream().map(NewTopic::name).collect(Collectors.toSet()), READY_TIMEOUT);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException refused) {
                throw new KafkaSettingsException("Kafka at " + bootstrapServers + " refused this client: "
                        + refused.getMessage() + " (check the NEWSFLOW_KAFKA_* security settings)", refused);
            }
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static Admin createAdmin(Map<String, Object> clientProperties) {
        try {
            return Admin.create(KafkaClientProperties.only(clientProperties, AdminClientConfig.configNames()));
        } catch (KafkaException e) {
            // e.g. a trust store that cannot be read: Kafka wraps the reason in "Failed to create new KafkaAdminClient"
            Throwable reason = e;
            while (reason.getCause() != null) {
                reason = reason.getCause();
            }
            throw new KafkaSettingsException("cannot connect to Kafka with the NEWSFLOW_KAFKA_* settings: "
                    + reason.getMessage(), e);
        }
    }

    static Map<String, String> configs(Topic<String, ?> topic, Topics topics, Duration seenItemsRetention) {
        if (topic.name().equals(topics.seenItems().name())) {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(seenItemsRetention.toMillis()));
        }
        if (topic.name().equals(topics.events().name())) {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_EVENT_RECORD_BYTES));
        }
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
    }
}
