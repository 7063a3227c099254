package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
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
    void readFromTheStreamsConfigsAndOffUnlessShorterThanTheCommitInterval() {
        assertThat(LiveCommits.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L, LiveCommits.INTERVAL_MS, 200L))
                .due(NOW, NOW)).isTrue();
        assertThat(LiveCommits.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000", LiveCommits.INTERVAL_MS, "200"))
                .due(NOW, NOW)).as("values given as text").isTrue();
        assertThat(LiveCommits.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L, LiveCommits.INTERVAL_MS, 0L))
                .due(NOW, NOW)).as("0: off").isFalse();
        assertThat(LiveCommits.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L, LiveCommits.INTERVAL_MS, 200L))
                .due(NOW, NOW)).as("not shorter than the commit interval").isFalse();
        assertThat(LiveCommits.of(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L)).due(NOW, NOW))
                .as("not set (a topology run without the service's properties)").isFalse();
    }
}
