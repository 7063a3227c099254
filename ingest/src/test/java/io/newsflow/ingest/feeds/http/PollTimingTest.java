package io.newsflow.ingest.feeds.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.feeds.config.FeedsConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollTimingTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private final FeedsConfig config = FeedsConfig.defaults(List.of()).withBackoff(Duration.ofHours(6), Duration.ofHours(2), Duration.ofHours(48), 0.1);
    private final PollTiming noJitter = new PollTiming(config, () -> 0.0);

    @Test
    void successWaitsForTheLongestOfIntervalTtlMaxAgeAndExpires() {
        Duration interval = Duration.ofMinutes(15);
        assertThat(noJitter.afterSuccess(interval, null, null, null, null, NOW)).isEqualTo(interval);
        assertThat(noJitter.afterSuccess(interval, 60, null, null, null, NOW)).isEqualTo(Duration.ofMinutes(60));
        assertThat(noJitter.afterSuccess(interval, null, "public, max-age=3600", null, null, NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(noJitter.afterSuccess(interval, null, null, "Sat, 01 Mar 2025 14:00:00 GMT", "Sat, 01 Mar 2025 12:00:00 GMT", NOW))
                .isEqualTo(Duration.ofHours(2));
        assertThat(noJitter.afterSuccess(interval, null, "max-age=60", null, null, NOW)).isEqualTo(interval);
        // A feed cannot ask for silence: capped at maxPollInterval.
        assertThat(noJitter.afterSuccess(interval, 100_000, null, null, null, NOW)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void jitterAddsUpToTheConfiguredFraction() {
        PollTiming fullJitter = new PollTiming(config, () -> 0.999);
        Duration delay = fullJitter.afterSuccess(Duration.ofMinutes(10), null, null, null, null, NOW);
        assertThat(delay).isGreaterThan(Duration.ofMinutes(10)).isLessThanOrEqualTo(Duration.ofMinutes(11));
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCapAndNeverStop() {
        Duration interval = Duration.ofMinutes(10);
        assertThat(noJitter.afterFailure(interval, 1, Optional.empty())).isEqualTo(Duration.ofMinutes(10));
        assertThat(noJitter.afterFailure(interval, 2, Optional.empty())).isEqualTo(Duration.ofMinutes(20));
        assertThat(noJitter.afterFailure(interval, 4, Optional.empty())).isEqualTo(Duration.ofMinutes(80));
        assertThat(noJitter.afterFailure(interval, 1000, Optional.empty())).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void retryAfterInSecondsOrAsHttpDateIsHonouredAndCapped() {
        assertThat(noJitter.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(noJitter.retryAfter("Sat, 01 Mar 2025 12:30:00 GMT", NOW)).contains(Duration.ofMinutes(30));
        assertThat(noJitter.retryAfter("Sat, 01 Mar 2025 11:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(noJitter.retryAfter("999999", NOW)).contains(Duration.ofHours(2));
        assertThat(noJitter.retryAfter("soon", NOW)).isEmpty();
        assertThat(noJitter.afterFailure(Duration.ofMinutes(1), 1, Optional.of(Duration.ofMinutes(30)))).isEqualTo(Duration.ofMinutes(30));
    }
}
