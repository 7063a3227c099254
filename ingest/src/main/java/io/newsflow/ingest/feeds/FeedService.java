package io.newsflow.ingest.feeds;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.newsflow.ingest.feeds.config.FeedSettings;
import io.newsflow.ingest.feeds.config.FeedsConfig;
import io.newsflow.ingest.feeds.http.FeedHttp;
import io.newsflow.ingest.feeds.items.SeenItems;
import io.newsflow.ingest.feeds.parsing.ArticleTextExtractor;
import io.newsflow.ingest.feeds.parsing.ParagraphTextExtractor;
import io.newsflow.schemas.SourceHealth;
import io.newsflow.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the configured feeds and writes to the raw-articles, seen-items, source-health and
 * dead-letters topics. At start it reads seen-items and source-health back, so a restart
 * re-emits nothing and keeps each feed's validators, moved URL and schedule.
 */
public final class FeedService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedService.class);
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(30);

    private final FeedsConfig config;
    private final Map<String, Object> kafkaProperties;
    private final Topics topics;
    private final MeterRegistry registry;
    private final ArticleTextExtractor extractor;
    private final Duration seenItemsRetention;
    private final Clock clock = Clock.systemUTC();
    private final List<FeedPoller> pollers = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private KafkaFeedOutput output;
    private FeedHttp http;
    private volatile boolean running;

    public FeedService(FeedsConfig config, Map<String, Object> kafkaProperties, Topics topics) {
        this(config, kafkaProperties, topics, Metrics.globalRegistry, new ParagraphTextExtractor(),
                SeenItems.DEFAULT_RETENTION);
    }

    /**
     * With the registry the metrics go to, the extractor used for full-text feeds, and the
     * retention of the seen-items topic (see {@link SeenItems}).
     */
    public FeedService(FeedsConfig config, Map<String, Object> kafkaProperties, Topics topics, MeterRegistry registry,
                       ArticleTextExtractor extractor, Duration seenItemsRetention) {
        this.config = config;
        this.kafkaProperties = Map.copyOf(kafkaProperties);
        this.topics = topics;
        this.registry = registry;
        this.extractor = extractor;
        this.seenItemsRetention = seenItemsRetention;
    }

    /** Restores state from the topics, then schedules every feed; returns once polling runs. */
    public void start() {
        if (!config.problems().isEmpty()) {
            // A typo must not silently leave feeds unpolled: nothing runs until the file is right.
            config.problems().forEach(problem -> log.error("Feeds file problem: {}", problem));
            throw new IllegalStateException("the feeds file has " + config.problems().size() + " problem(s): "
                    + String.join("; ", config.problems()));
        }
        SeenItems seen = new SeenItems(seenItemsRetention);
        long seenRecords = CompactedTopicReader.readAll(kafkaProperties, topics.seenItems(), RESTORE_TIMEOUT, seen::load);
        Map<String, SourceHealth> health = new HashMap<>();
        CompactedTopicReader.readAll(kafkaProperties, topics.sourceHealth(), RESTORE_TIMEOUT, (key, value) -> {
            if (value == null) {
                health.remove(key);
            } else {
                health.put(key, value);
            }
        });
        log.info("Feed state restored: {} seen-item keys from {} records, health of {} feeds", seen.size(), seenRecords, health.size());
        output = new KafkaFeedOutput(kafkaProperties, topics);
        http = new FeedHttp(config, clock);
        FeedMetrics metrics = new FeedMetrics(registry);
        AtomicInteger threadNumber = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "feed-poller-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        scheduler = executor;
        for (FeedSettings feed : config.feeds()) {
            FeedPoller poller = new FeedPoller(feed, config, http, seen, extractor, output, metrics, clock,
                    () -> ThreadLocalRandom.current().nextDouble(), health.get(feed.sourceId()));
            pollers.add(poller);
        }
        running = true;
        scheduler.scheduleWithFixedDelay(() -> forgetExpired(seen), 0, 1, TimeUnit.HOURS);
        // Spread the first polls of feeds that are due now over a few seconds rather than all at once.
        int index = 0;
        for (FeedPoller poller : pollers) {
            schedule(poller, Duration.ofMillis(250L * index++));
        }
        log.info("Polling {} feeds", pollers.size());
    }

    private void schedule(FeedPoller poller, Duration minimumDelay) {
        if (!running) {
            return;
        }
        Duration untilDue = Duration.between(clock.instant(), poller.nextPollAt());
        long delay = Math.max(untilDue.toMillis(), minimumDelay.toMillis());
        try {
            scheduler.schedule(() -> {
                try {
                    poller.poll();
                } finally {
                    schedule(poller, Duration.ZERO);
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closing: the scheduler no longer takes work.
        }
    }

    private void forgetExpired(SeenItems seen) {
        int forgotten = seen.forgetExpired(clock.instant());
        if (forgotten > 0) {
            log.info("Forgot {} seen-item keys not written for {} (gone from their feeds)", forgotten, seen.retention());
        }
    }

    /** True while polling runs and the latest write to Kafka succeeded. */
    public boolean healthy() {
        return running && output != null && output.healthy();
    }

    /** When each feed is polled next, by source id (for status pages and tests). */
    public Map<String, Instant> nextPolls() {
        Map<String, Instant> next = new HashMap<>();
        pollers.forEach(p -> next.put(p.feed().sourceId(), p.nextPollAt()));
        return next;
    }

    @Override
    public void close() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
            if (http != null) {
                http.close();  // ends fetches in flight: blocking reads do not notice an interrupt
            }
            try {
                if (!scheduler.awaitTermination(config.readTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                    log.warn("Feed pollers did not stop in time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (output != null) {
            output.close();
        }
    }
}
