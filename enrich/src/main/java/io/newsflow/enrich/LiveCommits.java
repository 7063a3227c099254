package io.newsflow.enrich;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * When to commit sooner than the commit interval: while enrich keeps up with a live stream.
 *
 * <p>An article crosses two exactly-once commits on its way to its event (the tagging tasks write the
 * grouping topic, the grouping task writes the events), so it waits one to two commit intervals to
 * become visible. A long interval is what a backlog wants: each commit flushes the record cache and
 * costs the stream thread, and an event updated many times between commits is written once. A live
 * article wants a short one. The signal is the article's age (its fetch time, the record timestamp):
 * younger than the commit interval means enrich is keeping up, and a processor asks Kafka Streams for
 * a commit ({@code ProcessorContext#commit}), at most once per live interval. When commits that often
 * slow enrich down, articles age past the commit interval and the cadence falls back to it by itself;
 * replays and back-fills (old fetch times) never ask.
 */
public final class LiveCommits {

    /** Streams property (passed to the processors through the application configs): the live interval, ms. */
    public static final String INTERVAL_MS = "newsflow.enrich.live.commit.interval.ms";

    private final long intervalMs;
    private final long freshForMs;
    private long lastRequestMs = Long.MIN_VALUE / 2;

    LiveCommits(Duration interval, Duration freshFor) {
        this.intervalMs = interval.toMillis();
        this.freshForMs = freshFor.toMillis();
    }

    /** From a processor's application configs; never asks when no live interval is set or it is not shorter. */
    public static LiveCommits of(Map<String, Object> appConfigs) {
        long commitMs = number(appConfigs.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG), 0);
        long liveMs = number(appConfigs.get(INTERVAL_MS), 0);
        return new LiveCommits(Duration.ofMillis(liveMs > 0 && liveMs < commitMs ? liveMs : 0), Duration.ofMillis(commitMs));
    }

    /** After a record: whether to ask for a commit now, given its timestamp and the wall clock. */
    public boolean due(long recordTimestampMs, long nowMs) {
        if (intervalMs <= 0 || nowMs - recordTimestampMs >= freshForMs || nowMs - lastRequestMs < intervalMs) {
            return false;
        }
        lastRequestMs = nowMs;
        return true;
    }

    private static long number(Object value, long otherwise) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value == null ? otherwise : Long.parseLong(value.toString().trim());
    }
}
