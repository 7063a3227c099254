package io.newsflow.launcher.pipeline;

import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.ops.OpsServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs stages until the process is asked to stop (SIGTERM/SIGINT), then stops them in reverse
 * order before the JVM exits, so in-flight records are flushed and consumer groups left cleanly.
 */
public final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);
    private static final long SHUTDOWN_GRACE_SECONDS = 30;

    private ServiceRunner() {
    }

    public static int run(Settings settings, boolean embedBrokerIfUnset,
                          List<BiFunction<Settings, Map<String, Object>, Stage>> stageFactories) throws Exception {
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsflow-shutdown"));

        try (KafkaConnection kafka = embedBrokerIfUnset
                ? KafkaConnection.connectOrEmbed(settings) : KafkaConnection.external(settings)) {
            TopicSetup.ensure(kafka.bootstrapServers(), settings.topics(), settings.getInt(Setting.NEWSFLOW_TOPIC_PARTITIONS),
                    settings.seenItemsRetention());
            List<Stage> stages = stageFactories.stream().map(f -> f.apply(settings, kafka.clientProperties())).toList();
            // The ops endpoints come first: /health answers DOWN while stages start, and the metrics
            // registry is in place before the stages record their first meters.
            try (Pipeline pipeline = new Pipeline(stages);
                 OpsServer ops = OpsServer.start(settings.getInt(Setting.NEWSFLOW_HTTP_PORT), pipeline)) {
                pipeline.start();
                LOG.info("running {} on {}{}", stages.stream().map(Stage::name).toList(), kafka.bootstrapServers(),
                        ops == null ? "" : "; health and metrics on port " + ops.port());
                stopRequested.await();
                LOG.info("stop requested, shutting down");
            }
        } finally {
            stopped.countDown();
        }
        return 0;
    }
}
