package io.newsflow.launcher.pipeline;

import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.drops.DropFolderService;
import io.micrometer.core.instrument.Metrics;
import io.newsflow.ingest.extract.MainTextExtractor;
import io.newsflow.ingest.feeds.FeedService;
import io.newsflow.ingest.feeds.config.FeedsConfig;
import io.newsflow.ingest.feeds.config.FeedsConfigException;
import io.newsflow.ingest.feeds.config.FeedsFile;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.sink.SinkService;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Builds each stage from the settings; the only place that knows the services' constructors. */
public final class Stages {

    private Stages() {
    }

    /** The drop folder, plus the feed reader when a feeds file is configured. */
    public static Stage ingest(Settings settings, Map<String, Object> kafka) {
        DropFolderService drops = new DropFolderService(settings.dropFolder(), kafka, settings.topics());
        HealthCheck dropFolder = HealthCheck.of("drop-folder", drops::healthy,
                "the drop folder cannot be written or the broker does not acknowledge its records");
        if (!settings.isSet(Setting.NEWSFLOW_FEEDS_FILE)) {
            return new Stage("ingest", drops::start, drops::live, List.of(dropFolder), () -> drops.close(stopTimeout(settings)));
        }
        FeedService feeds = feedService(settings, kafka);
        return new Stage("ingest", () -> {
            drops.start();
            feeds.start();
        }, drops::live, List.of(dropFolder, HealthCheck.of("feeds", feeds::healthy,
                "the feed reader is not running or its transactions fail")), () -> {
            try {
                feeds.close();
            } finally {
                drops.close(stopTimeout(settings));
            }
        });
    }

    /**
     * Checks the feeds file before anything starts: every problem one line on {@code err}, and exit
     * code 2 (bad configuration), so a typo never leaves ingest running without its feeds. 0 when
     * no feeds file is set or it is right.
     */
    public static int checkFeedsFile(Settings settings, PrintStream err) {
        if (!settings.isSet(Setting.NEWSFLOW_FEEDS_FILE)) {
            return 0;
        }
        List<String> problems = feedsFileProblems(Path.of(settings.get(Setting.NEWSFLOW_FEEDS_FILE)));
        if (problems.isEmpty()) {
            return 0;
        }
        problems.forEach(problem -> err.println("NEWSFLOW_FEEDS_FILE " + problem));
        err.println("not started: " + problems.size() + " problem(s) in the feeds file (`newsflow feeds check FILE` checks it)");
        return 2;
    }

    /** Every problem of a feeds file, one line each; empty when it is right. */
    public static List<String> feedsFileProblems(Path file) {
        try {
            return new FeedsFile().load(file).problems();
        } catch (FeedsConfigException e) {
            return List.of(e.getMessage());
        }
    }

    private static FeedService feedService(Settings settings, Map<String, Object> kafka) {
        FeedsConfig config;
        try {
            config = new FeedsFile().load(Path.of(settings.get(Setting.NEWSFLOW_FEEDS_FILE)));
        } catch (FeedsConfigException e) {
            throw new IllegalArgumentException("NEWSFLOW_FEEDS_FILE: " + e.getMessage(), e);
        }
        if (!config.problems().isEmpty()) {
            throw new IllegalArgumentException("NEWSFLOW_FEEDS_FILE: " + String.join("; ", config.problems()));
        }
        Map<String, Object> feedKafka = new HashMap<>(kafka);
        if (settings.isSet(Setting.NEWSFLOW_FEEDS_TRANSACTIONAL_ID)) {
            feedKafka.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.get(Setting.NEWSFLOW_FEEDS_TRANSACTIONAL_ID));
        }
        MainTextExtractor extractor = new MainTextExtractor();
        return new FeedService(config, feedKafka, settings.topics(), Metrics.globalRegistry, extractor::extract,
                settings.seenItemsRetention());
    }

    /**
     * The time a stage's stop may take: most of NEWSFLOW_SHUTDOWN_TIMEOUT_MS, the rest left for the process to end
     * (the shutdown hook enforces the whole bound).
     */
    static Duration stopTimeout(Settings settings) {
        return settings.getMillis(Setting.NEWSFLOW_SHUTDOWN_TIMEOUT_MS).multipliedBy(8).dividedBy(10);
    }

    public static Stage enrich(Settings settings, Map<String, Object> kafka) {
        Map<String, Object> streams = new java.util.HashMap<>(kafka);
        String instanceId = settings.instanceId();
        if (instanceId != null && !instanceId.isBlank()) {
            // Static membership: a restart after kill -9 rejoins as the same member, no wait for its session.
            streams.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        EnrichService enrich = new EnrichService(settings.enrich(), streams, settings.topics());
        return new Stage("enrich", enrich::start, enrich::live, List.of(
                HealthCheck.of("streams", enrich::ready, "Kafka Streams is not RUNNING (starting, rebalancing or stopped)"),
                HealthCheck.of("stores", enrich::storesRestored, "state stores are being restored from their changelogs")),
                () -> enrich.close(stopTimeout(settings)));
    }

    public static Stage sink(Settings settings, Map<String, Object> kafka) {
        SinkService sink = new SinkService(settings.sink(), kafka, settings.topics());
        String stores = settings.sink().writesDatabase() ? "database" : "files";
        return new Stage("sink", sink::start, sink::live, List.of(
                new HealthCheck(stores, () -> sink.failing().isEmpty() ? Optional.empty()
                        : Optional.of("cannot " + String.join("; cannot ", new TreeSet<>(sink.failing())))),
                HealthCheck.of("assigned", sink::assigned, "the consumer holds no partitions of the events topic")),
                () -> sink.close(stopTimeout(settings)));
    }
}
