package io.newsflow.enrich.commits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

class LiveCommitsTest {

    private static final long NOW = 1_700_000_000_000L;

    @Test
    void aLiveArticleAsksForACommitAtMostOncePerLiveInterval() {
        LiveCommits live = new LiveCommits(Duration.ofMillis(200), Duration.ofSeconds(1));
        assertThat(live.due(NOW - 50, NOW)).isTrue();
        assertThat(live.due(NOW + 10, NOW + 100)).as("asked 100 ms ago").isFalse();
        assertThat(live.due(NOW + 150, NOW + 199)).isFalse();
        assertThat(live.due(NOW + 150, NOW + 200)).isTrue();
    }

    @Test
    void anArticleOlderThanTheCommitIntervalIsABacklogAndNeverAsks() {
        LiveCommits live = new LiveCommits(Duration.ofMillis(200), Duration.ofSeconds(1));
        assertThat(live.due(NOW - 1_000, NOW)).isFalse();
        assertThat(live.due(NOW - 86_400_000L, NOW)).as("a replay of yesterday").isFalse();
        assertThat(live.due(NOW - 999, NOW)).isTrue();
    }

    @Test
    void theProcessorsOfOneStreamThreadAskAtMostOncePerLiveIntervalBetweenThem() throws Exception {
        Map<String, Object> configs = Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L, LiveCommits.INTERVAL_MS, 200L);
        long now = System.currentTimeMillis() + 3_600_000L; // later than any other test's request on this thread
        LiveCommits tagging = LiveCommits.of(configs);
        LiveCommits grouping = LiveCommits.of(configs);
        assertThat(tagging.due(now, now)).isTrue();
        assertThat(grouping.due(now + 50, now + 50)).as("the thread asked 50 ms ago").isFalse();
        assertThat(grouping.due(now + 200, now + 200)).isTrue();
        boolean[] otherThread = new boolean[1];
        Thread thread = new Thread(() -> otherThread[0] = LiveCommits.of(configs).due(now + 210, now + 210));
        thread.start();
        thread.join();
        assertThat(otherThread[0]).as("another stream thread commits its own transaction").isTrue();
    }

    @Test
    void readFromTheStreamsConfigsAndOffUnlessShorterThanTheCommitInterval() {
        long now = System.currentTimeMillis() + 7_200_000L; // later than any other test's request on this thread
        assertThat(LiveCommits.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L, LiveCommits.INTERVAL_MS, 200L))
                .due(now, now)).isTrue();
        assertThat(LiveCommits.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000", LiveCommits.INTERVAL_MS, "200"))
                .due(now + 200, now + 200)).as("values given as text").isTrue();
        assertThat(LiveCommits.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L, LiveCommits.INTERVAL_MS, 0L))
                .due(NOW, NOW)).as("0: off").isFalse();
        assertThat(LiveCommits.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L, LiveCommits.INTERVAL_MS, 200L))
                .due(NOW, NOW)).as("not shorter than the commit interval").isFalse();
        assertThat(LiveCommits.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L)).due(NOW, NOW))
                .as("not set (a topology run without the service's properties)").isFalse();
    }

    @Test
    void aProcessorsContextIsAskedForACommitOnlyWhenOneIsDue() throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "live-commits");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L);
        config.put(LiveCommits.INTERVAL_MS, 200L);
        MockProcessorContext<String, String> context = new MockProcessorContext<>(config);
        long now = System.currentTimeMillis();
        boolean[] committed = new boolean[3];
        // a thread of its own, as a stream thread: the request time it leaves is no other test's
        Thread thread = new Thread(() -> {
            LiveCommits live = LiveCommits.of(context);
            context.setCurrentSystemTimeMs(now);
            live.commitIfDue(context, now - 5_000);
            committed[0] = context.committed();
            live.commitIfDue(context, now - 50);
            committed[1] = context.committed();
            context.resetCommit();
            context.setCurrentSystemTimeMs(now + 100);
            live.commitIfDue(context, now + 90);
            committed[2] = context.committed();
        });
        thread.start();
        thread.join();
        assertThat(committed[0]).as("a backlog's article").isFalse();
        assertThat(committed[1]).as("a live article").isTrue();
        assertThat(committed[2]).as("asked 100 ms ago").isFalse();
    }
}
