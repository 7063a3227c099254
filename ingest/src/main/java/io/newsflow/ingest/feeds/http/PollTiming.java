package io.newsflow.ingest.feeds.http;

import io.newsflow.ingest.feeds.config.FeedsConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to poll a feed next. After a success: the longest of the configured interval, the feed's
 * RSS ttl and the response's Cache-Control max-age or Expires (capped), plus jitter. After a
 * failure: exponential backoff from the interval up to a cap, never giving up, and at least what
 * a 429/503 Retry-After asks (capped).
 */
public final class PollTiming {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)", Pattern.CASE_INSENSITIVE);

    private final FeedsConfig config;
    private final DoubleSupplier random;

    public PollTiming(FeedsConfig config, DoubleSupplier random) {
        this.config = config;
        this.random = random;
    }

    public Duration afterSuccess(Duration interval, Integer ttlMinutes, String cacheControl, String expires, String date, Instant now) {
        Duration wanted = interval;
        if (ttlMinutes != null && ttlMinutes > 0) {
            wanted = max(wanted, Duration.ofMinutes(ttlMinutes));
        }
        Optional<Duration> maxAge = maxAge(cacheControl);
        if (maxAge.isPresent()) {
            wanted = max(wanted, maxAge.get());
        } else {
            Optional<Instant> expiresAt = httpDate(expires);
            if (expiresAt.isPresent()) {
                Instant base = httpDate(date).orElse(now);
                wanted = max(wanted, Duration.between(base, expiresAt.get()));
            }
        }
        // A server may ask for less traffic, but not for silence: cap at maxPollInterval.
        Duration capped = max(interval, min(wanted, config.maxPollInterval()));
        return withJitter(capped);
    }

    public Duration afterFailure(Duration interval, int consecutiveFailures, Optional<Duration> retryAfter) {
        int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
        Duration backoff = interval.multipliedBy(1L << Math.min(doublings, 20));
        Duration capped = max(interval, min(backoff, config.backoffCap()));
        Duration jittered = withJitter(capped);
        return retryAfter.map(asked -> max(jittered, asked)).orElse(jittered);
    }

    /** Retry-After as delta-seconds or an HTTP date, capped; empty when absent or unreadable. */
    public Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Duration asked;
        if (value.matches("\\d{1,10}")) {
            asked = Duration.ofSeconds(Long.parseLong(value));
        } else {
            Optional<Instant> at = httpDate(value);
            if (at.isEmpty()) {
                return Optional.empty();
            }
            asked = Duration.between(now, at.get());
        }
        if (asked.isNegative()) {
            asked = Duration.ZERO;
        }
        return Optional.of(min(asked, config.retryAfterCap()));
    }

    static Optional<Duration> maxAge(String cacheControl) {
        if (cacheControl == null) {
            return Optional.empty();
        }
        Matcher m = MAX_AGE.matcher(cacheControl);
        if (m.find()) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<Instant> httpDate(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Duration withJitter(Duration delay) {
        long extra = (long) (delay.toMillis() * config.jitter() * random.getAsDouble());
        return delay.plusMillis(extra);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
