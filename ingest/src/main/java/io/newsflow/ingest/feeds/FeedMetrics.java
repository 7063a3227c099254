package io.newsflow.ingest.feeds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus-friendly metrics per feed (label feed = the feed URL as configured): newsflow_feed_polls_total{feed,outcome},
 * newsflow_feed_failures_total{feed,error}, newsflow_feed_items_total{feed,kind} and the
 * newsflow_feeds_dead gauge.
 */
public final class FeedMetrics {

    private final MeterRegistry registry;
    private final Set<String> deadFeeds = ConcurrentHashMap.newKeySet();

    public FeedMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("newsflow.feeds.dead", deadFeeds, Set::size)
                .description("Feeds failing for longer than the dead threshold")
                .register(registry);
    }

    void poll(String feed, String outcome) {
        Counter.builder("newsflow.feed.polls").tag("feed", feed).tag("outcome", outcome)
                .description("Feed polls by outcome").register(registry).increment();
    }

    void failure(String feed, String errorClass) {
        Counter.builder("newsflow.feed.failures").tag("feed", feed).tag("error", errorClass)
                .description("Failed feed polls by error class").register(registry).increment();
    }

    void items(String feed, String kind, int count) {
        if (count > 0) {
            Counter.builder("newsflow.feed.items").tag("feed", feed).tag("kind", kind)
                    .description("Items emitted, new or updated").register(registry).increment(count);
        }
    }

    void dead(String feed, boolean dead) {
        if (dead) {
            deadFeeds.add(feed);
        } else {
            deadFeeds.remove(feed);
        }
    }

    int deadFeeds() {
        return deadFeeds.size();
    }
}
