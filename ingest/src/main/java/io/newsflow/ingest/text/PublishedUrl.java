package io.newsflow.ingest.text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only links Newsflow publishes with an article are absolute {@code http}/{@code https} URLs: a
 * {@code javascript:}, {@code data:} or {@code file:} link from a feed or a dropped file would reach every
 * consumer of the events topic, and a browser showing it would run or open it. Such a link is left out and
 * the article goes on without it; it never named the article anyway (the article id comes from the
 * canonical URL, which is only ever made of http(s) URLs, else from the guid or the content).
 */
public final class PublishedUrl {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedUrl.class);
    private static final int LOGGED_CHARS = 80;

    private PublishedUrl() {
    }

    /** The URL, trimmed, when it may be published; else null, with a log line saying whose link was left out. */
    public static String of(String url, String articleId, String sourceId) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (ArticleIdentity.canonicalUrl(url) != null) {
            return url.strip();
        }
        String shown = url.strip();
        LOG.warn("Left out the link of article {} from {}: only absolute http(s) URLs are published, not '{}'",
                articleId, sourceId, shown.length() > LOGGED_CHARS ? shown.substring(0, LOGGED_CHARS) + "…" : shown);
        return null;
    }
}
