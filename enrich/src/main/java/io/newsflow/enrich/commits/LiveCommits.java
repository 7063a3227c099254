package io.newsflow.enrich.commits;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.ProcessingContext;

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
 *
 * <p>Exactly-once commits are per stream thread (one transaction for all its tasks), so the processors of
 * one thread share when they last asked: six tagging tasks and the grouping task on one thread ask at
 * most once per live interval between them, not once each.
 */
public final class LiveCommits {

    /** Streams property (passed to the processors through the application configs): the live interval, ms. */
    public static final String INTERVAL_MS = "newsflow.enrich.live.commit.interval.ms";

    /** When a processor of this stream thread last asked for a commit, ms. */
    private static final ThreadLocal<long[]> LAST_REQUEST_OF_THREAD = ThreadLocal.withInitial(LiveCommits::never);

    private final long intervalMs;
    private final long freshForMs;
    /** A request time of its own, or null: the calling stream thread's. */
    private final long[] ownLastRequestMs;

    /** With a request time of its own (tests); the service's processors share their thread's. */
    LiveCommits(Duration interval, Duration freshFor) {
        this(interval, freshFor, never());
    }

    private LiveCommits(Duration interval, Duration freshFor, long[] ownLastRequestMs) {
        this.intervalMs = interval.toMillis();
        this.freshForMs = freshFor.toMillis();
        this.ownLastRequestMs = ownLastRequestMs;
    }

    private static long[] never() {
        return new long[] {Long.MIN_VALUE / 2};
    }

    /**
     * For a processor, from its application configs, sharing the request time of the stream thread that runs it;
     * never asks when no live interval is set or it is not shorter than the commit interval.
     */
    public static LiveCommits of(Map<String, Object> appConfigs) {
        long commitMs = number(appConfigs.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG), 0);
        long liveMs = number(appConfigs.get(INTERVAL_MS), 0);
        return new LiveCommits(Duration.ofMillis(liveMs > 0 && liveMs < commitMs ? liveMs : 0), Duration.ofMillis(commitMs),
                null);
    }

    /** For a processor, from its context's application configs (see {@link #of(Map)}). */
    public static LiveCommits of(ProcessingContext context) {
        return of(context.appConfigs());
    }

    /** After a record of the processor's: asks Kafka Streams for a commit when one is {@link #due due}. */
    public void commitIfDue(ProcessingContext context, long recordTimestampMs) {
        if (due(recordTimestampMs, context.currentSystemTimeMs())) {
            context.commit();
        }
    }

    /** After a record: whether to ask for a commit now, given its timestamp and the wall clock. */
    public boolean due(long recordTimestampMs, long nowMs) {
        if (intervalMs <= 0 || nowMs - recordTimestampMs >= freshForMs) {
            return false;
        }
        long[] lastRequestMs = ownLastRequestMs != null ? ownLastRequestMs : LAST_REQUEST_OF_THREAD.get();
        if (nowMs - lastRequestMs[0] < intervalMs) {
            return false;
        }
        lastRequestMs[0] = nowMs;
        return true;
    }

    private static long number(Object value, long otherwise) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value == null ? otherwise : Long.parseLong(value.toString().trim());
    }
}
