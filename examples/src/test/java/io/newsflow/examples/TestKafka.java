package io.newsflow.examples;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/** One real Kafka broker (combined broker + controller, KRaft) for all tests of the JVM (as sink's TestKafka). */
final class TestKafka {

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    static synchronized String bootstrapServers() {
        if (cluster == null) {
            // Kafka's fatal fault handlers call Exit.halt: one during the broker's close at JVM exit would end
            // the test JVM with a non-zero code after every test passed.
            Exit.setExitProcedure((code, message) -> {
                throw new IllegalStateException("Kafka tried to exit(" + code + "): " + message);
            });
            Exit.setHaltProcedure((code, message) -> {
                throw new IllegalStateException("Kafka tried to halt(" + code + "): " + message);
            });
            try {
                TestKitNodes nodes = new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build();
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::stop, "stop-test-kafka"));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    private static void stop() {
        try {
            cluster.close();
        } catch (Exception ignored) {
            // The JVM is exiting.
        }
    }

    static Map<String, Object> clientProperties() {
        return new java.util.HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates a compacted topic, as the pipeline creates events, and the dead-letter topic the sink writes to. */
    static void createTopics(String events, String deadLetters, int partitions) {
        try (Admin admin = Admin.create(clientProperties())) {
            admin.createTopics(List.of(
                    new NewTopic(events, partitions, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(deadLetters, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }
}
