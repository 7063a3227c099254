package io.newsflow.ingest.feeds.config;

import java.time.Duration;
import java.util.List;

/**
 * Settings of feed polling. Durations and limits have defaults ({@link #defaults(List)}) that
 * suit public news sites; the feeds file can override each.
 *
 * @param feeds               the valid feeds
 * @param problems            entries of the feeds file that were refused, with line and reason
 * @param connectTimeout      TCP/TLS connect timeout
 * @param readTimeout         time allowed for a whole response, headers and body
 * @param maxBodyBytes        larger bodies (after decompression) are refused
 * @param maxRedirects        redirects followed per request
 * @param perHostConcurrency  requests in flight to one host at most
 * @param backoffCap          longest wait after failures (exponential backoff never gives up)
 * @param retryAfterCap       longest Retry-After honoured
 * @param maxPollInterval     cap on what ttl/max-age/Expires may ask for
 * @param unconditionalEvery  a fetch without validators at least this often (catches servers that answer 304 forever)
 * @param deadAfter           a feed failing for longer is marked dead (and still polled)
 * @param jitter              fraction of a delay added at random, so feeds do not poll in lockstep
 * @param threads             polling threads
 * @param allowedRanges       CIDR blocks inside the network that item links and redirects may reach
 *                            (see {@code AddressGuard} in feeds.http); empty by default
 */
public record FeedsConfig(List<FeedSettings> feeds, List<String> problems, Duration connectTimeout, Duration readTimeout,
                          long maxBodyBytes, int maxRedirects, int perHostConcurrency, Duration backoffCap,
                          Duration retryAfterCap, Duration maxPollInterval, Duration unconditionalEvery,
                          Duration deadAfter, double jitter, int threads, List<String> allowedRanges) {

    public static final String DEFAULT_USER_AGENT = "Newsflow/0.1 (feed reader; +https://github.com/newsflow/newsflow)";

    public FeedsConfig {
        feeds = List.copyOf(feeds);
        problems = List.copyOf(problems);
        allowedRanges = List.copyOf(allowedRanges);
    }

    public static FeedsConfig defaults(List<FeedSettings> feeds) {
        return new FeedsConfig(feeds, List.of(), Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 5, 2,
                Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(24), Duration.ofHours(24),
                Duration.ofHours(48), 0.1, 4, List.of());
    }

    public FeedsConfig withTimeouts(Duration connect, Duration read) {
        return new FeedsConfig(feeds, problems, connect, read, maxBodyBytes, maxRedirects, perHostConcurrency, backoffCap,
                retryAfterCap, maxPollInterval, unconditionalEvery, deadAfter, jitter, threads, allowedRanges);
    }

    public FeedsConfig withLimits(long bodyBytes, int redirects, int hostConcurrency) {
        return new FeedsConfig(feeds, problems, connectTimeout, readTimeout, bodyBytes, redirects, hostConcurrency, backoffCap,
                retryAfterCap, maxPollInterval, unconditionalEvery, deadAfter, jitter, threads, allowedRanges);
    }

    public FeedsConfig withBackoff(Duration cap, Duration retryAfter, Duration dead, double jitterFraction) {
        return new FeedsConfig(feeds, problems, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, perHostConcurrency,
                cap, retryAfter, maxPollInterval, unconditionalEvery, dead, jitterFraction, threads, allowedRanges);
    }

    public FeedsConfig withUnconditionalEvery(Duration every) {
        return new FeedsConfig(feeds, problems, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, perHostConcurrency,
                backoffCap, retryAfterCap, maxPollInterval, every, deadAfter, jitter, threads, allowedRanges);
    }

    /** With CIDR blocks inside the network that item links and redirects may reach. */
    public FeedsConfig withAllowedRanges(List<String> ranges) {
        return new FeedsConfig(feeds, problems, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, perHostConcurrency,
                backoffCap, retryAfterCap, maxPollInterval, unconditionalEvery, deadAfter, jitter, threads, ranges);
    }
}
