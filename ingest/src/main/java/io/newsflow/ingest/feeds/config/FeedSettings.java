package io.newsflow.ingest.feeds.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One configured feed.
 *
 * @param url       the feed URL as configured; also the feed's source id
 * @param name      a label for logs and metrics, defaults to the host
 * @param interval  the shortest time between two polls
 * @param headers   extra request headers (values may be secrets: never logged)
 * @param username  basic-auth user, null for none
 * @param password  basic-auth password resolved from env or file, null for none (never logged)
 * @param userAgent the User-Agent sent
 * @param proxy     an HTTP proxy as host:port, null for a direct connection
 * @param fullText  fetch the article page behind each new or edited item and extract its text
 * @param line      line of the entry in the feeds file, 0 when not from a file
 */
public record FeedSettings(URI url, String name, Duration interval, Map<String, String> headers, String username,
                           String password, String userAgent, String proxy, boolean fullText, int line) {

    public FeedSettings {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A feed with the defaults, for code and tests. */
    public static FeedSettings of(String url, Duration interval) {
        URI uri = URI.create(url);
        return new FeedSettings(uri, uri.getHost(), interval, Map.of(), null, null, FeedsConfig.DEFAULT_USER_AGENT, null, false, 0);
    }

    public FeedSettings withFullText(boolean enabled) {
        return new FeedSettings(url, name, interval, headers, username, password, userAgent, proxy, enabled, line);
    }

    public FeedSettings withHeaders(Map<String, String> extra) {
        return new FeedSettings(url, name, interval, extra, username, password, userAgent, proxy, fullText, line);
    }

    public FeedSettings withBasicAuth(String user, String secret) {
        return new FeedSettings(url, name, interval, headers, user, secret, userAgent, proxy, fullText, line);
    }

    public String sourceId() {
        return url.toString();
    }

    /** Secrets redacted: this is what logs may show. */
    @Override
    public String toString() {
        return "FeedSettings[url=" + url + ", name=" + name + ", interval=" + interval + ", headers=" + headers.keySet()
                + ", auth=" + (username == null ? "none" : username + ":***") + ", userAgent=" + userAgent
                + ", proxy=" + proxy + ", fullText=" + fullText + ", line=" + line + "]";
    }
}
