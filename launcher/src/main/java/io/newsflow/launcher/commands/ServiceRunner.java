package io.newsflow.launcher.commands;

import io.newsflow.launcher.pipeline.Pipeline;
import io.newsflow.launcher.pipeline.TopicSetup;
import io.newsflow.launcher.ops.BuildVersion;
import io.newsflow.launcher.pipeline.KafkaConnection;
import io.newsflow.launcher.pipeline.Stage;
import io.newsflow.launcher.pipeline.Stages;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.kafka.KafkaSettingsException;
import io.newsflow.launcher.ops.KafkaReachability;
import io.newsflow.launcher.ops.OpsServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs stages until the process is asked to stop (SIGTERM/SIGINT), then stops them in reverse order before the
 * JVM exits, so in-flight records are flushed and consumer groups left cleanly. The stop is bounded by
 * NEWSFLOW_SHUTDOWN_TIMEOUT_MS: the process exits 0 when every stage stopped within it, and 1 when the bound cut
 * the stop short (what was not finished is redone at the next start), so Docker never has to SIGKILL it.
 */
public final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    /** Runs stages that include ingest, whose feeds file (when one is set) is checked first: a bad one is exit 2. */
    public static int runWithIngest(boolean embedBrokerIfUnset,
                                    List<BiFunction<Settings, Map<String, Object>, Stage>> stageFactories) throws Exception {
        Settings settings = Settings.fromEnvironment().validated();
        int feedsFile = Stages.checkFeedsFile(settings, System.err);
        if (feedsFile != 0) {
            return feedsFile;
        }
        return run(settings, embedBrokerIfUnset, stageFactories);
    }

    public static int run(Settings settings, boolean embedBrokerIfUnset,
                          List<BiFunction<Settings, Map<String, Object>, Stage>> stageFactories) throws Exception {
        settings.validated();
        if (!embedBrokerIfUnset) {
            KafkaConnection.requireConfigured(settings);
        }
        try {
            settings.kafkaClient(); // the NEWSFLOW_KAFKA_* names and values, checked before anything is logged
        } catch (KafkaSettingsException e) {
            System.err.println("not started: " + e.getMessage());
            return 2;
        }
        LOG.info("newsflow {} starting; settings in force: {}", BuildVersion.current(), settingsInForce(settings));
        Duration bound = settings.getMillis(Setting.NEWSFLOW_SHUTDOWN_TIMEOUT_MS);
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> stopWithin(bound, stopRequested, stopped), "newsflow-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (KafkaConnection kafka = embedBrokerIfUnset
                ? KafkaConnection.connectOrEmbed(settings, settings.getInt(Setting.NEWSFLOW_EMBEDDED_KAFKA_PORT))
                : KafkaConnection.external(settings)) {
            TopicSetup.ensure(kafka.clientProperties(), settings.topics(), settings.getInt(Setting.NEWSFLOW_TOPIC_PARTITIONS),
                    settings.seenItemsRetention());
            List<Stage> stages = stageFactories.stream().map(f -> f.apply(settings, kafka.clientProperties())).toList();
            // The ops endpoints come first: /health/ready answers 503 while stages start, and the metrics
            // registry is in place before the stages record their first meters.
            try (KafkaReachability reachability = new KafkaReachability(kafka.clientProperties());
                 Pipeline pipeline = new Pipeline(stages, List.of(reachability.healthCheck()));
                 OpsServer ops = OpsServer.start(settings.get(Setting.NEWSFLOW_HTTP_BIND),
                         settings.getInt(Setting.NEWSFLOW_HTTP_PORT), pipeline)) {
                pipeline.start();
                LOG.info("running {} on {}{}", stages.stream().map(Stage::name).toList(), kafka.bootstrapServers(),
                        ops == null ? "" : "; health and metrics on " + settings.get(Setting.NEWSFLOW_HTTP_BIND)
                                + ":" + ops.port());
                stopRequested.await();
                LOG.info("stop requested, shutting down (bound {} ms)", bound.toMillis());
            }
        } catch (KafkaSettingsException e) {
            // Wrong Kafka settings or refused credentials: the user's to fix, one line and no stack trace.
            System.err.println("not started: " + e.getMessage());
            return 2;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what stops us: it decides the exit status
            }
        }
        return 0;
    }

    /**
     * In the shutdown hook: asks the stages to stop and waits for them at most {@code bound}. The JVM would exit
     * 143 after a SIGTERM whatever happened; halting says which it was: 0 stopped cleanly, 1 cut short.
     */
    private static void stopWithin(Duration bound, CountDownLatch stopRequested, CountDownLatch stopped) {
        stopRequested.countDown();
        try {
            if (stopped.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("stopped cleanly");
                Runtime.getRuntime().halt(0);
            }
            LOG.warn("the stages did not stop within NEWSFLOW_SHUTDOWN_TIMEOUT_MS={}; exiting anyway (unfinished work "
                    + "is redone at the next start)", bound.toMillis());
            Runtime.getRuntime().halt(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** NAME=value for every setting, secrets masked: the start-up record of what this process runs with. */
    static String settingsInForce(Settings settings) {
        return Arrays.stream(Setting.values())
                .map(s -> s.name() + "=" + settings.display(s))
                .collect(Collectors.joining(", "));
    }
}
