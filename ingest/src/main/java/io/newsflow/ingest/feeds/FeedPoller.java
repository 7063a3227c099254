package io.newsflow.ingest.feeds;

import io.newsflow.ingest.feeds.config.FeedSettings;
import io.newsflow.ingest.feeds.config.FeedsConfig;
import io.newsflow.ingest.feeds.http.FeedHttp;
import io.newsflow.ingest.feeds.http.FetchException;
import io.newsflow.ingest.feeds.http.PollTiming;
import io.newsflow.ingest.feeds.items.ItemIdentity;
import io.newsflow.ingest.feeds.items.ItemVersions;
import io.newsflow.ingest.feeds.items.SeenItems;
import io.newsflow.ingest.feeds.parsing.ArticleTextExtractor;
import io.newsflow.ingest.feeds.parsing.FeedDocument;
import io.newsflow.ingest.feeds.parsing.FeedDocumentParser;
import io.newsflow.ingest.feeds.parsing.FeedItem;
import io.newsflow.ingest.feeds.parsing.FeedParseException;
import io.newsflow.ingest.text.ArticleIdentity;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SeenItem;
import io.newsflow.schemas.SourceHealth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: conditional GET with the validators of the last 200 (and an unconditional GET
 * at least every {@link FeedsConfig#unconditionalEvery()}, which catches servers answering 304
 * forever), parsing, item identity and versions, full text when enabled, and the health record.
 * Not thread-safe: one feed is polled by one task at a time.
 */
public final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final int DEAD_LETTER_BYTES = 64 * 1024;

    private final FeedSettings feed;
    private final FeedsConfig config;
    private final FeedHttp http;
    private final FeedDocumentParser parser = new FeedDocumentParser();
    private final SeenItems seen;
    private final ItemVersions versions;
    private final ArticleTextExtractor extractor;
    private final FeedOutput output;
    private final FeedMetrics metrics;
    private final Clock clock;
    private final PollTiming timing;

    private URI currentUrl;
    private String etag;
    private String lastModified;
    private Instant lastUnconditionalAt;
    private Instant lastSuccessAt;
    private Instant failingSince;
    private int consecutiveFailures;
    private long itemsSeen;
    private Integer ttlMinutes;
    private Instant nextPollAt;
    private boolean dead;
    private int lastDeadLetterHash;

    FeedPoller(FeedSettings feed, FeedsConfig config, FeedHttp http, SeenItems seen, ArticleTextExtractor extractor,
               FeedOutput output, FeedMetrics metrics, Clock clock, DoubleSupplier random, SourceHealth restored) {
        this.feed = feed;
        this.config = config;
        this.http = http;
        this.seen = seen;
        this.versions = new ItemVersions(seen);
        this.extractor = extractor;
        this.output = output;
        this.metrics = metrics;
        this.clock = clock;
        this.timing = new PollTiming(config, random);
        this.nextPollAt = clock.instant();
        if (restored != null) {
            restore(restored);
        }
    }

    /** Picks up where the last run stopped: validators, moved URL, counters and the planned poll time. */
    private void restore(SourceHealth health) {
        currentUrl = health.getCurrentUrl() == null ? null : URI.create(health.getCurrentUrl());
        etag = health.getEtag();
        lastModified = health.getLastModified();
        lastUnconditionalAt = health.getLastUnconditionalAt();
        lastSuccessAt = health.getLastSuccessAt();
        consecutiveFailures = health.getConsecutiveFailures();
        failingSince = consecutiveFailures > 0 ? (lastSuccessAt != null ? lastSuccessAt : health.getLastAttemptAt()) : null;
        itemsSeen = health.getItemsSeen();
        dead = health.getDead();
        nextPollAt = health.getNextPollAt();
        metrics.dead(feed.sourceId(), dead);
    }

    public FeedSettings feed() {
        return feed;
    }

    public Instant nextPollAt() {
        return nextPollAt;
    }

    /** Polls once and returns the health record it also wrote. */
    public SourceHealth poll() {
        Instant attemptAt = clock.instant();
        URI target = currentUrl != null ? currentUrl : feed.url();
        boolean hasValidators = etag != null || lastModified != null;
        boolean unconditional = !hasValidators || lastUnconditionalAt == null
                || !attemptAt.isBefore(lastUnconditionalAt.plus(config.unconditionalEvery()));
        Map<String, String> conditional = new LinkedHashMap<>();
        if (!unconditional) {
            if (etag != null) {
                conditional.put("If-None-Match", etag);
            }
            if (lastModified != null) {
                // Echoed byte for byte: the server compares strings, not dates.
                conditional.put("If-Modified-Since", lastModified);
            }
        }
        Integer status = null;
        try {
            FeedHttp.Response response = http.get(feed, target, FeedHttp.FEED_ACCEPT, conditional);
            status = response.status();
            // A permanent move is remembered once the new URL answers.
            boolean answered = status == 200 || status == 304;
            if (answered && response.movedPermanentlyTo() != null && !response.movedPermanentlyTo().equals(currentUrl)) {
                log.info("Feed {} moved permanently to {}; polling the new URL from now on", feed.url(), response.movedPermanentlyTo());
                currentUrl = response.movedPermanentlyTo();
            }
            if (status == 200) {
                return onDocument(response, unconditional, attemptAt);
            }
            if (status == 304) {
                if (unconditional) {
                    return failure(attemptAt, status, "bogus-304", "304 Not Modified to a request without validators", Optional.empty());
                }
                metrics.poll(feed.sourceId(), "not-modified");
                return success(attemptAt, status, response, 0);
            }
            Optional<Duration> retryAfter = status == 429 || status == 503
                    ? timing.retryAfter(response.header("Retry-After"), clock.instant()) : Optional.empty();
            return failure(attemptAt, status, "http-" + status, "HTTP " + status + " from " + response.finalUri(), retryAfter);
        } catch (FetchException e) {
            if (Thread.currentThread().isInterrupted()) {
                // Shutting down: not the feed's failure, and nothing to record; the next run polls again.
                return snapshot(attemptAt, status, null, null);
            }
            return failure(attemptAt, status, e.errorClass(), e.getMessage(), Optional.empty());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return snapshot(attemptAt, status, null, null);
            }
            // A bug must not stop this feed's polling forever; it is logged, counted and retried with backoff.
            log.error("Feed {}: unexpected failure", feed.url(), e);
            return failure(attemptAt, status, "internal-error", e.toString(), Optional.empty());
        }
    }

    private SourceHealth onDocument(FeedHttp.Response response, boolean unconditional, Instant attemptAt)
            throws FetchException {
        FeedDocument document;
        try {
            document = parser.parse(response.body(), response.contentType(), response.finalUri());
        } catch (FeedParseException e) {
            deadLetter(e, response.body(), attemptAt);
            return failure(attemptAt, 200, e.reason().code(), e.getMessage(), Optional.empty());
        }
        if (!document.repaired().isEmpty()) {
            log.debug("Feed {} repaired: {}", feed.url(), document.repaired());
        }
        int emitted = emitItems(document, attemptAt);
        // New validators only after a 200 whose items were written; a response without them clears the old ones.
        etag = response.header("ETag");
        lastModified = response.header("Last-Modified");
        if (unconditional) {
            lastUnconditionalAt = attemptAt;
        }
        ttlMinutes = document.ttlMinutes();
        metrics.poll(feed.sourceId(), "ok");
        return success(attemptAt, 200, response, emitted);
    }

    /**
     * Emits new and edited items, oldest first (feeds list newest first), together with what is
     * remembered of them; they are remembered here only once the output has them durably.
     */
    private int emitItems(FeedDocument document, Instant now) throws FetchException {
        List<ItemIdentity> identities = ItemIdentity.of(feed.sourceId(), document);
        List<RawArticle> articles = new ArrayList<>();
        Map<String, SeenItem> remember = new LinkedHashMap<>();
        Set<String> emittedThisPoll = new HashSet<>();
        int added = 0;
        int updated = 0;
        for (int i = document.items().size() - 1; i >= 0; i--) {
            FeedItem item = document.items().get(i);
            ItemIdentity identity = identities.get(i);
            String feedHash = ArticleIdentity.contentHash(item.title(), FeedArticles.feedBody(item));
            ItemVersions.Decision decision = versions.decide(identity, feedHash, now);
            remember.putAll(decision.toRemember());
            // A feed listing one item twice gets it emitted once.
            if (!decision.emit() || !emittedThisPoll.add(decision.articleId())) {
                continue;
            }
            String pageHtml = null;
            String fullText = null;
            if (feed.fullText() && item.link() != null) {
                pageHtml = fetchPage(item.link());
                fullText = pageHtml == null ? null : extractQuietly(pageHtml, item.link());
            }
            articles.add(FeedArticles.toRawArticle(feed.sourceId(), document, item, identity, decision, fullText, pageHtml, now));
            if (decision.kind() == ItemVersions.Kind.NEW) {
                added++;
            } else {
                updated++;
            }
        }
        if (articles.isEmpty() && remember.isEmpty()) {
            return 0;
        }
        if (!output.items(articles, new ArrayList<>(remember.entrySet()))) {
            throw new FetchException("output-failed", "articles could not be written; the items will be emitted again", null);
        }
        remember.forEach(seen::remember);
        itemsSeen += added + updated;
        metrics.items(feed.sourceId(), "new", added);
        metrics.items(feed.sourceId(), "updated", updated);
        if (added + updated > 0) {
            log.info("Feed {}: {} new and {} updated items", feed.url(), added, updated);
        }
        return added + updated;
    }

    /** The article page behind an item, with the same politeness as the feed; null when it cannot be had. */
    private String fetchPage(String link) {
        try {
            FeedHttp.Response page = http.getPage(feed, URI.create(link));
            if (page.status() != 200) {
                log.info("Feed {}: article page {} answered {}; feed text kept", feed.url(), link, page.status());
                return null;
            }
            String charset = charsetOf(page.contentType());
            return Jsoup.parse(new ByteArrayInputStream(page.body()), charset, link).outerHtml();
        } catch (FetchException e) {
            if (e.errorClass().equals("address-refused")) {
                refusedLink(link, e);
            } else {
                log.info("Feed {}: article page {} not fetched ({}); feed text kept", feed.url(), link, e.getMessage());
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            log.info("Feed {}: article page {} not fetched ({}); feed text kept", feed.url(), link, e.getMessage());
            return null;
        }
    }

    /**
     * An item link (or a redirect from it) into the inside of the network: not fetched, the item goes
     * out with its feed text, and the link is a dead letter so operators see what the feed tried.
     */
    private void refusedLink(String link, FetchException e) {
        log.warn("Feed {}: article page {} refused ({}); feed text kept", feed.url(), link, e.getMessage());
        metrics.failure(feed.sourceId(), e.errorClass());
        output.deadLetter(DeadLetter.newBuilder()
                .setStage("ingest")
                .setErrorClass(e.errorClass())
                .setMessage(e.getMessage())
                .setOriginalBytes(ByteBuffer.wrap(link.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setOrigin(feed.sourceId())
                .setOccurredAt(clock.instant())
                .build());
    }

    private String extractQuietly(String html, String url) {
        try {
            return extractor.extract(html, url);
        } catch (RuntimeException e) {
            log.warn("Feed {}: text extraction failed for {}; feed text kept", feed.url(), url, e);
            return null;
        }
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).replace("\"", "").trim();
                return java.nio.charset.Charset.isSupported(name) ? name : null;
            }
        }
        return null;
    }

    private void deadLetter(FeedParseException e, byte[] body, Instant now) {
        int hash = Arrays.hashCode(body);
        if (hash == lastDeadLetterHash) {
            return;  // the same broken document again: one dead letter is enough
        }
        lastDeadLetterHash = hash;
        log.warn("Feed {}: document refused ({}): {}", feed.url(), e.reason().code(), e.getMessage());
        output.deadLetter(DeadLetter.newBuilder()
                .setStage("ingest")
                .setErrorClass(e.reason().code())
                .setMessage(e.getMessage())
                .setOriginalBytes(ByteBuffer.wrap(Arrays.copyOf(body, Math.min(body.length, DEAD_LETTER_BYTES))))
                .setOrigin(String.valueOf(currentUrl != null ? currentUrl : feed.url()))
                .setOccurredAt(now)
                .build());
    }

    private SourceHealth success(Instant attemptAt, int status, FeedHttp.Response response, int emitted) {
        consecutiveFailures = 0;
        failingSince = null;
        if (dead) {
            log.info("Feed {} recovered", feed.url());
        }
        dead = false;
        metrics.dead(feed.sourceId(), false);
        lastSuccessAt = attemptAt;
        Duration delay = timing.afterSuccess(feed.interval(), ttlMinutes, response.header("Cache-Control"),
                response.header("Expires"), response.header("Date"), attemptAt);
        // Timed from the poll's end: a poll that took longer than its delay is not repeated at once.
        nextPollAt = clock.instant().plus(delay);
        return health(attemptAt, status, null, null);
    }

    private SourceHealth failure(Instant attemptAt, Integer status, String errorClass, String message, Optional<Duration> retryAfter) {
        consecutiveFailures++;
        if (failingSince == null) {
            failingSince = attemptAt;
        }
        boolean wasDead = dead;
        dead = !attemptAt.isBefore(failingSince.plus(config.deadAfter()));
        if (dead && !wasDead) {
            log.warn("Feed {} marked dead: failing since {} ({}); still polled", feed.url(), failingSince, errorClass);
        }
        metrics.dead(feed.sourceId(), dead);
        metrics.poll(feed.sourceId(), "failed");
        metrics.failure(feed.sourceId(), errorClass);
        Duration delay = timing.afterFailure(feed.interval(), consecutiveFailures, retryAfter);
        nextPollAt = clock.instant().plus(delay);
        log.info("Feed {} poll failed ({} {}): {}; retry in {}", feed.url(), errorClass, consecutiveFailures, message, delay);
        return health(attemptAt, status, errorClass, message);
    }

    private SourceHealth health(Instant attemptAt, Integer status, String errorClass, String message) {
        SourceHealth health = snapshot(attemptAt, status, errorClass, message);
        output.health(health);
        return health;
    }

    private SourceHealth snapshot(Instant attemptAt, Integer status, String errorClass, String message) {
        return SourceHealth.newBuilder()
                .setSourceId(feed.sourceId())
                .setCurrentUrl(currentUrl == null ? null : currentUrl.toString())
                .setLastAttemptAt(attemptAt)
                .setLastSuccessAt(lastSuccessAt)
                .setHttpStatus(status)
                .setEtag(etag)
                .setLastModified(lastModified)
                .setLastUnconditionalAt(lastUnconditionalAt)
                .setConsecutiveFailures(consecutiveFailures)
                .setNextPollAt(nextPollAt)
                .setItemsSeen(itemsSeen)
                .setErrorClass(errorClass)
                .setErrorMessage(message)
                .setDead(dead)
                .build();
    }
}
