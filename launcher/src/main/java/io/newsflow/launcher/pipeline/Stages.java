package io.newsflow.launcher.pipeline;

import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.drops.DropFolderService;
import io.micrometer.core.instrument.Metrics;
import io.newsflow.ingest.extract.MainTextExtractor;
import io.newsflow.ingest.feeds.FeedService;
import io.newsflow.ingest.feeds.FeedsConfig;
import io.newsflow.ingest.feeds.FeedsConfigException;
import io.newsflow.ingest.feeds.FeedsFile;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.sink.SinkService;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Builds each stage from the settings; the only place that knows the services' constructors. */
public final class Stages {

    private Stages() {
    }

    /** The drop folder, plus the feed reader when a feeds file is configured. */
    public static Stage ingest(Settings settings, Map<String, Object> kafka) {
        DropFolderService drops = new DropFolderService(settings.dropFolder(), kafka, settings.topics());
        if (!settings.isSet(Setting.NEWSFLOW_FEEDS_FILE)) {
            return new Stage("ingest", drops::start, drops::healthy, drops);
        }
        FeedService feeds = feedService(settings, kafka);
        return new Stage("ingest", () -> {
            drops.start();
            feeds.start();
        }, () -> drops.healthy() && feeds.healthy(), () -> {
            try (drops) {
                feeds.close();
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

    public static Stage enrich(Settings settings, Map<String, Object> kafka) {
        Map<String, Object> streams = new java.util.HashMap<>(kafka);
        String instanceId = settings.instanceId();
        if (instanceId != null && !instanceId.isBlank()) {
            // Static membership: a restart after kill -9 rejoins as the same member, no wait for its session.
            streams.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        EnrichService enrich = new EnrichService(settings.enrich(), streams, settings.topics());
        return new Stage("enrich", enrich::start, enrich::healthy, enrich::ready, enrich);
    }

    public static Stage sink(Settings settings, Map<String, Object> kafka) {
        SinkService sink = new SinkService(settings.sink(), kafka, settings.topics());
        return new Stage("sink", sink::start, sink::healthy, sink);
    }
}
