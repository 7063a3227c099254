package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.feeds.config.FeedSettings;
import io.newsflow.ingest.feeds.config.FeedsConfig;
import io.newsflow.ingest.feeds.http.FeedHttp;
import io.newsflow.ingest.feeds.items.SeenItems;
import io.newsflow.ingest.feeds.parsing.ParagraphTextExtractor;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceHealth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polling against a real HTTP server on 127.0.0.1; time between polls runs on a clock moved by hand. */
class FeedPollerTest {

    private static final Instant START = Instant.parse("2025-05-01T08:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    private final MutableClock clock = new MutableClock(START);
    private final RecordingOutput output = new RecordingOutput();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedMetrics metrics = new FeedMetrics(registry);
    private TestFeedServer server;
    private FeedsConfig config = FeedsConfig.defaults(List.of())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
            .withBackoff(Duration.ofHours(6), Duration.ofHours(2), Duration.ofHours(48), 0.0);

    @BeforeEach
    void startServer() throws IOException {
        server = new TestFeedServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static String item(String guid, String link, String title, String description, String pubDate) {
        return "<item>" + (guid == null ? "" : "<guid isPermaLink=\"false\">" + guid + "</guid>")
                + (link == null ? "" : "<link>" + link + "</link>") + "<title>" + title + "</title>"
                + "<description><![CDATA[" + description + "]]></description>"
                + (pubDate == null ? "" : "<pubDate>" + pubDate + "</pubDate>") + "</item>";
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Test feed</title>"
                + "<link>http://news.example.org/</link><description>d</description>" + String.join("", items)
                + "</channel></rss>";
    }

    private static void ok(HttpExchange exchange, String body, Map<String, String> headers) throws IOException {
        TestFeedServer.send(exchange, 200, "application/rss+xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private FeedPoller poller(FeedSettings feed) {
        return poller(feed, new SeenItems(), null);
    }

    private FeedPoller poller(FeedSettings feed, SeenItems seen, SourceHealth restored) {
        return new FeedPoller(feed, config, new FeedHttp(config, clock), seen, new ParagraphTextExtractor(), output, metrics,
                clock, () -> 0.0, restored);
    }

    private FeedSettings feed(String path) {
        return FeedSettings.of(server.uri(path).toString(), INTERVAL);
    }

    private SourceHealth pollAtNext(FeedPoller poller) {
        clock.set(poller.nextPollAt());
        return poller.poll();
    }

    @Test
    void conditionalGetEchoesValidatorsByteForByteAndStoresThemOnlyAfter200() {
        String lastModified = "Wed,  1 Jan 2025 00:00:00 GMT";  // odd spacing: must come back unchanged
        AtomicInteger status = new AtomicInteger(200);
        AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
        server.on("/feed", exchange -> {
            String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (status.get() == 200 && etag.get().equals(inm)) {
                TestFeedServer.send(exchange, 304, null, null, Map.of("ETag", etag.get()));
            } else {
                TestFeedServer.send(exchange, status.get(), "application/rss+xml",
                        rss(item("a", "http://news.example.org/a", "A", "text", null)).getBytes(StandardCharsets.UTF_8),
                        Map.of("ETag", etag.get(), "Last-Modified", lastModified));
            }
        });
        FeedPoller poller = poller(feed("/feed"));

        SourceHealth first = poller.poll();
        assertThat(first.getHttpStatus()).isEqualTo(200);
        assertThat(first.getEtag()).isEqualTo("\"v1\"");
        assertThat(first.getLastModified()).isEqualTo(lastModified);
        assertThat(server.requestsTo("/feed").get(0).header("If-None-Match")).isNull();
        assertThat(output.articles).hasSize(1);

        SourceHealth second = pollAtNext(poller);
        TestFeedServer.Request conditional = server.requestsTo("/feed").get(1);
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo(lastModified);
        assertThat(second.getHttpStatus()).isEqualTo(304);
        assertThat(second.getConsecutiveFailures()).isZero();
        assertThat(second.getLastSuccessAt()).isEqualTo(clock.instant());
        assertThat(output.articles).hasSize(1);

        // A 500 carrying another ETag does not replace the stored validators.
        status.set(500);
        etag.set("\"v2\"");
        SourceHealth failed = pollAtNext(poller);
        assertThat(failed.getErrorClass()).isEqualTo("http-500");
        assertThat(failed.getEtag()).isEqualTo("\"v1\"");

        status.set(200);
        SourceHealth refreshed = pollAtNext(poller);
        assertThat(refreshed.getHttpStatus()).isEqualTo(200);
        assertThat(refreshed.getEtag()).isEqualTo("\"v2\"");
    }

    @Test
    void aServerAnswering304ForeverIsCaughtByTheDailyUnconditionalFetch() {
        AtomicReference<String> body = new AtomicReference<>(rss(item("a", "http://news.example.org/a", "A", "a", null)));
        server.on("/feed", exchange -> {
            boolean conditional = exchange.getRequestHeaders().containsKey("If-None-Match")
                    || exchange.getRequestHeaders().containsKey("If-Modified-Since");
            if (conditional) {
                TestFeedServer.send(exchange, 304, null, null, Map.of());
            } else {
                ok(exchange, body.get(), Map.of("ETag", "\"same-forever\""));
            }
        });
        FeedPoller poller = poller(feed("/feed"));
        poller.poll();
        body.set(rss(item("b", "http://news.example.org/b", "B", "b", null), item("a", "http://news.example.org/a", "A", "a", null)));

        assertThat(pollAtNext(poller).getHttpStatus()).isEqualTo(304);
        assertThat(output.articles).extracting(RawArticle::getTitle).containsExactly("A");

        clock.advance(Duration.ofHours(24));
        SourceHealth unconditional = poller.poll();
        assertThat(server.requests.get(server.requests.size() - 1).header("If-None-Match")).isNull();
        assertThat(unconditional.getLastUnconditionalAt()).isEqualTo(clock.instant());
        assertThat(output.articles).extracting(RawArticle::getTitle).containsExactly("A", "B");
    }

    @Test
    void tooManyRequestsHonoursRetryAfterInSecondsAndAsHttpDate() {
        AtomicReference<String> retryAfter = new AtomicReference<>("120");
        AtomicInteger status = new AtomicInteger(429);
        server.on("/feed", exchange -> TestFeedServer.send(exchange, status.get(), "text/plain",
                "slow down".getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", retryAfter.get())));
        config = config.withBackoff(Duration.ofHours(6), Duration.ofHours(2), Duration.ofHours(48), 0.0);
        FeedPoller poller = poller(FeedSettings.of(server.uri("/feed").toString(), Duration.ofMinutes(1)));

        SourceHealth seconds = poller.poll();
        assertThat(seconds.getHttpStatus()).isEqualTo(429);
        assertThat(seconds.getErrorClass()).isEqualTo("http-429");
        assertThat(seconds.getNextPollAt()).isEqualTo(seconds.getLastAttemptAt().plusSeconds(120));

        clock.set(seconds.getNextPollAt());
        status.set(503);
        retryAfter.set("Thu, 01 May 2025 09:02:00 GMT");  // 1 hour after this attempt
        SourceHealth date = poller.poll();
        assertThat(date.getErrorClass()).isEqualTo("http-503");
        assertThat(date.getNextPollAt()).isEqualTo(Instant.parse("2025-05-01T09:02:00Z"));

        clock.set(date.getNextPollAt());
        retryAfter.set("86400000");  // capped at retryAfterCap
        SourceHealth capped = poller.poll();
        assertThat(Duration.between(capped.getLastAttemptAt(), capped.getNextPollAt())).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theNextPollIsTimedFromTheEndOfAPollThatTookLongerThanItsDelay() {
        // The server (on the test clock) takes 25 minutes per answer: longer than the 10-minute interval.
        AtomicInteger status = new AtomicInteger(200);
        server.on("/slow", exchange -> {
            clock.advance(Duration.ofMinutes(25));
            if (status.get() == 200) {
                ok(exchange, rss(item("a", "http://news.example.org/a", "A", "a", null)), Map.of());
            } else {
                TestFeedServer.send(exchange, status.get(), "text/plain", "boom".getBytes(StandardCharsets.UTF_8), Map.of());
            }
        });
        FeedPoller poller = poller(feed("/slow"));

        SourceHealth ok = poller.poll();
        Instant okEnded = clock.instant();
        assertThat(ok.getNextPollAt()).isEqualTo(okEnded.plus(INTERVAL)).isAfter(okEnded);

        status.set(500);
        SourceHealth failed = pollAtNext(poller);
        Instant failedEnded = clock.instant();
        assertThat(failed.getErrorClass()).isEqualTo("http-500");
        assertThat(failed.getNextPollAt()).isEqualTo(failedEnded.plus(INTERVAL));
    }

    @Test
    void failuresBackOffWithoutGivingUpMarkTheFeedDeadAndItRecoversByItself() {
        AtomicInteger status = new AtomicInteger(500);
        server.on("/feed", exchange -> {
            if (status.get() == 200) {
                ok(exchange, rss(item("a", "http://news.example.org/a", "A", "a", null)), Map.of());
            } else {
                TestFeedServer.send(exchange, status.get(), "text/plain", "boom".getBytes(StandardCharsets.UTF_8), Map.of());
            }
        });
        FeedPoller poller = poller(feed("/feed"));
        List<Duration> delays = new ArrayList<>();
        SourceHealth health = poller.poll();
        while (!health.getDead()) {
            delays.add(Duration.between(health.getLastAttemptAt(), health.getNextPollAt()));
            health = pollAtNext(poller);
        }
        assertThat(delays).isSorted();
        assertThat(delays.get(0)).isEqualTo(INTERVAL);
        assertThat(delays.get(1)).isEqualTo(INTERVAL.multipliedBy(2));
        assertThat(delays.get(delays.size() - 1)).isEqualTo(Duration.ofHours(6));
        assertThat(Duration.between(START, health.getLastAttemptAt())).isGreaterThanOrEqualTo(Duration.ofHours(48));
        assertThat(health.getConsecutiveFailures()).isEqualTo(delays.size() + 1);
        assertThat(registry.get("newsflow.feeds.dead").gauge().value()).isEqualTo(1.0);

        // Still polled while dead, at the capped backoff.
        SourceHealth stillDead = pollAtNext(poller);
        assertThat(stillDead.getDead()).isTrue();
        assertThat(Duration.between(stillDead.getLastAttemptAt(), stillDead.getNextPollAt())).isEqualTo(Duration.ofHours(6));

        status.set(200);
        SourceHealth recovered = pollAtNext(poller);
        assertThat(recovered.getDead()).isFalse();
        assertThat(recovered.getConsecutiveFailures()).isZero();
        assertThat(recovered.getErrorClass()).isNull();
        assertThat(registry.get("newsflow.feeds.dead").gauge().value()).isZero();
        assertThat(registry.get("newsflow.feed.failures").tag("error", "http-500").counter().count()).isEqualTo(delays.size() + 2);
        assertThat(output.articles).hasSize(1);
    }

    @Test
    void aPermanentRedirectIsRememberedAndTheNewUrlPolledDirectly() {
        server.on("/old", exchange -> TestFeedServer.send(exchange, 301, null, null, Map.of("Location", "/new")));
        server.on("/new", exchange -> ok(exchange, rss(item("a", "http://news.example.org/a", "A", "a", null)), Map.of()));
        FeedPoller poller = poller(feed("/old"));

        SourceHealth moved = poller.poll();
        assertThat(moved.getHttpStatus()).isEqualTo(200);
        assertThat(moved.getCurrentUrl()).isEqualTo(server.uri("/new").toString());
        assertThat(moved.getSourceId()).isEqualTo(server.uri("/old").toString());

        pollAtNext(poller);
        assertThat(server.requestsTo("/old")).hasSize(1);
        assertThat(server.requestsTo("/new")).hasSize(2);
    }

    @Test
    void aChainWithATemporaryHopIsFollowedButNotRemembered() {
        server.on("/a", exchange -> TestFeedServer.send(exchange, 302, null, null, Map.of("Location", "/b")));
        server.on("/b", exchange -> TestFeedServer.send(exchange, 308, null, null, Map.of("Location", server.uri("/c").toString())));
        server.on("/c", exchange -> ok(exchange, rss(item("a", "http://news.example.org/a", "A", "a", null)), Map.of()));
        SourceHealth health = poller(feed("/a")).poll();
        assertThat(health.getHttpStatus()).isEqualTo(200);
        assertThat(health.getCurrentUrl()).isNull();
        assertThat(output.articles).hasSize(1);
    }

    @Test
    void redirectLoopsAndEndlessChainsAreFailures() {
        server.on("/x", exchange -> TestFeedServer.send(exchange, 302, null, null, Map.of("Location", "/y")));
        server.on("/y", exchange -> TestFeedServer.send(exchange, 302, null, null, Map.of("Location", "/x")));
        for (int i = 0; i < 10; i++) {
            String next = "/r" + (i + 1);
            server.on("/r" + i, exchange -> TestFeedServer.send(exchange, 302, null, null, Map.of("Location", next)));
        }
        assertThat(poller(feed("/x")).poll().getErrorClass()).isEqualTo("redirect-loop");
        SourceHealth chain = poller(feed("/r0")).poll();
        assertThat(chain.getErrorClass()).isEqualTo("too-many-redirects");
        assertThat(server.requestsTo("/r6")).isEmpty();
    }

    @Test
    void aSlowServerTimesOut() {
        CountDownLatch release = new CountDownLatch(1);
        server.on("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);  // the server stalls until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ok(exchange, rss(), Map.of());
        });
        config = config.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400));
        try {
            long started = System.nanoTime();
            SourceHealth health = poller(feed("/slow")).poll();
            assertThat(health.getErrorClass()).isEqualTo("timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
        }
    }

    @Test
    void anEndlessBodyStopsAtTheSizeLimit() {
        server.on("/endless", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);  // chunked, no end
            OutputStream body = exchange.getResponseBody();
            body.write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "<item><title>again</title></item>".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 500L * 1024 * 1024; written += chunk.length) {
                body.write(chunk);  // throws once the client hangs up
            }
        });
        server.on("/declared", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 50L * 1024 * 1024);
            exchange.getResponseBody().write("<rss".getBytes(StandardCharsets.UTF_8));
        });
        config = config.withLimits(256 * 1024, 5, 2);
        assertThat(poller(feed("/endless")).poll().getErrorClass()).isEqualTo("body-too-large");
        assertThat(poller(feed("/declared")).poll().getErrorClass()).isEqualTo("body-too-large");
    }

    @Test
    void gzipAndDeflateBodiesAreDecompressedAndAGzipBombIsStopped() throws IOException {
        byte[] feed = rss(item("a", "http://news.example.org/a", "Zipped", "a", null)).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(feed);
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(deflated)) {
            deflate.write(feed);
        }
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            gzip.write(new byte[4 * 1024 * 1024]);
        }
        server.on("/gzip", exchange -> TestFeedServer.send(exchange, 200, "application/rss+xml", gzipped.toByteArray(), Map.of("Content-Encoding", "gzip")));
        server.on("/deflate", exchange -> TestFeedServer.send(exchange, 200, "application/rss+xml", deflated.toByteArray(), Map.of("Content-Encoding", "deflate")));
        server.on("/bomb", exchange -> TestFeedServer.send(exchange, 200, "application/rss+xml", bomb.toByteArray(), Map.of("Content-Encoding", "gzip")));
        config = config.withLimits(1024 * 1024, 5, 2);

        assertThat(poller(feed("/gzip")).poll().getHttpStatus()).isEqualTo(200);
        assertThat(poller(feed("/deflate")).poll().getHttpStatus()).isEqualTo(200);
        assertThat(server.requestsTo("/gzip").get(0).header("Accept-Encoding")).contains("gzip");
        assertThat(output.articles).extracting(RawArticle::getTitle).containsExactly("Zipped", "Zipped");
        assertThat(poller(feed("/bomb")).poll().getErrorClass()).isEqualTo("body-too-large");
    }

    @Test
    void wrongCharsetDeclarationsAreRecovered() {
        byte[] latin1 = rss(item("a", "http://news.example.org/a", "Café für Straße", "x", null))
                .getBytes(Charset.forName("windows-1252"));  // prolog and header both claim UTF-8
        byte[] utf8 = rss(item("b", "http://news.example.org/b", "São Paulo – Zürich", "x", null))
                .replace("UTF-8", "ISO-8859-1").getBytes(StandardCharsets.UTF_8);
        server.on("/latin1", exchange -> TestFeedServer.send(exchange, 200, "text/xml; charset=utf-8", latin1, Map.of()));
        server.on("/utf8", exchange -> TestFeedServer.send(exchange, 200, "text/xml; charset=iso-8859-1", utf8, Map.of()));
        poller(feed("/latin1")).poll();
        poller(feed("/utf8")).poll();
        assertThat(output.articles).extracting(RawArticle::getTitle).containsExactly("Café für Straße", "São Paulo – Zürich");
    }

    @Test
    void malformedXmlIsRecoveredAndAnXxePayloadIsADeadLetterWhilePollingGoesOn() {
        AtomicReference<String> body = new AtomicReference<>(
                "<rss version=\"2.0\"><channel><title>Q&A</title><item><guid>m1</guid><title>Tom & Jerry&nbsp;again</title>"
                        + "<link>http://news.example.org/m1?a=1&b=2</link><description>x</description></item></channel></rss>");
        server.on("/feed", exchange -> ok(exchange, body.get(), Map.of()));
        FeedPoller poller = poller(feed("/feed"));
        poller.poll();
        assertThat(output.articles).singleElement().satisfies(a -> {
            assertThat(a.getTitle()).isEqualTo("Tom & Jerry again");
            assertThat(a.getUrl()).isEqualTo("http://news.example.org/m1?a=1&b=2");
        });

        body.set("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>");
        SourceHealth refused = pollAtNext(poller);
        assertThat(refused.getErrorClass()).isEqualTo("xml-entity-declaration");
        assertThat(output.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.getErrorClass()).isEqualTo("xml-entity-declaration");
            assertThat(letter.getOrigin()).isEqualTo(server.uri("/feed").toString());
            assertThat(StandardCharsets.UTF_8.decode(letter.getOriginalBytes()).toString()).contains("<!ENTITY xxe");
        });
        pollAtNext(poller);
        assertThat(output.deadLetters).as("the same broken document is dead-lettered once").hasSize(1);

        body.set(rss(item("m2", "http://news.example.org/m2", "Fixed", "x", null)));
        SourceHealth fixed = pollAtNext(poller);
        assertThat(fixed.getErrorClass()).isNull();
        assertThat(output.articles).extracting(RawArticle::getTitle).containsExactly("Tom & Jerry again", "Fixed");
    }

    @Test
    void regeneratedGuidsDoNotFloodAndEditedItemsAreUpdatesOfTheSameArticle() {
        AtomicReference<String> body = new AtomicReference<>(rss(
                item("g1", "http://news.example.org/1?utm_source=rss", "One", "first text", null),
                item("g2", "http://news.example.org/2?utm_source=rss", "Two", "second text", null)));
        server.on("/feed", exchange -> ok(exchange, body.get(), Map.of()));
        FeedPoller poller = poller(feed("/feed"));
        poller.poll();
        assertThat(output.articles).hasSize(2);

        body.set(rss(
                item("g1-new", "http://news.example.org/1?utm_source=twitter", "One", "first text", null),
                item("g2-new", "http://news.example.org/2", "Two", "second text", null)));
        pollAtNext(poller);
        assertThat(output.articles).as("guid churn emits nothing").hasSize(2);

        body.set(rss(
                item("g1-new", "http://news.example.org/1", "One", "first text, corrected", null),
                item("g2-new", "http://news.example.org/2", "Two", "second text", null)));
        SourceHealth health = pollAtNext(poller);
        assertThat(output.articles).hasSize(3);
        RawArticle original = output.articles.get(1);
        RawArticle edit = output.articles.get(2);
        assertThat(original.getTitle()).isEqualTo("One");
        assertThat(edit.getArticleId()).isEqualTo(original.getArticleId());
        assertThat(edit.getMetadata()).containsEntry("version", "2");
        assertThat(original.getMetadata()).containsEntry("version", "1");
        assertThat(edit.getBody()).isEqualTo("first text, corrected");
        assertThat(edit.getCanonicalUrl()).isEqualTo("http://news.example.org/1");
        assertThat(health.getItemsSeen()).isEqualTo(3);
    }

    @Test
    void itemsSharingOnePubDateAreAllEmitted() {
        String date = "Thu, 01 May 2025 07:00:00 GMT";
        server.on("/feed", exchange -> ok(exchange, rss(
                item(null, null, "Morning briefing", "a", date),
                item(null, null, "Markets open", "b", date),
                item(null, null, "Weather", "c", date)), Map.of()));
        poller(feed("/feed")).poll();
        assertThat(output.articles).hasSize(3);
        assertThat(output.articles).extracting(RawArticle::getArticleId).doesNotHaveDuplicates();
        assertThat(output.articles).allSatisfy(a -> assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-05-01T07:00:00Z")));
    }

    @Test
    void anItemListedTwiceIsEmittedOnce() {
        String twice = item(null, null, "Same", "same text", "Thu, 01 May 2025 07:00:00 GMT");
        server.on("/feed", exchange -> ok(exchange, rss(twice, twice), Map.of()));
        poller(feed("/feed")).poll();
        assertThat(output.articles).hasSize(1);
    }

    @Test
    void aRestartReEmitsNothingAndKeepsValidators() {
        AtomicReference<String> body = new AtomicReference<>(rss(
                item("a", "http://news.example.org/a", "A", "a", null), item("b", "http://news.example.org/b", "B", "b", null)));
        server.on("/feed", exchange -> ok(exchange, body.get(), Map.of("ETag", "\"" + body.get().hashCode() + "\"")));
        FeedSettings feed = feed("/feed");
        FeedPoller before = poller(feed);
        before.poll();
        assertThat(output.articles).hasSize(2);

        // Restart: state comes back from the seen-items and source-health topics only.
        body.set(rss(item("c", "http://news.example.org/c", "C", "c", null),
                item("a", "http://news.example.org/a", "A", "a", null), item("b", "http://news.example.org/b", "B", "b", null)));
        FeedPoller after = poller(feed, output.replaySeenItems(), output.lastHealth());
        assertThat(after.nextPollAt()).isEqualTo(output.lastHealth().getNextPollAt());
        pollAtNext(after);
        assertThat(server.requests.get(server.requests.size() - 1).header("If-None-Match")).isNotNull();
        assertThat(output.articles).extracting(RawArticle::getTitle).containsExactly("B", "A", "C");
    }

    @Test
    void aCrashBeforeArticlesAreWrittenLosesNothing() {
        server.on("/feed", exchange -> ok(exchange, rss(item("a", "http://news.example.org/a", "A", "a", null)), Map.of("ETag", "\"1\"")));
        FeedSettings feed = feed("/feed");
        output.failWrites = true;  // the broker is gone: nothing reaches the topics
        SourceHealth failed = poller(feed).poll();
        assertThat(failed.getErrorClass()).isEqualTo("output-failed");
        assertThat(failed.getEtag()).as("validators are not kept for items not written").isNull();
        assertThat(output.seen).isEmpty();

        output.failWrites = false;
        FeedPoller restarted = poller(feed, output.replaySeenItems(), output.lastHealth());
        pollAtNext(restarted);
        assertThat(output.articles).extracting(RawArticle::getTitle).containsExactly("A");
        pollAtNext(restarted);
        assertThat(output.articles).hasSize(1);
    }

    @Test
    void fullTextFetchReplacesTheTeaserWithTheArticlePage() {
        config = config.withAllowedRanges(LOOPBACK);  // the pages live on the test server
        server.on("/feed", exchange -> ok(exchange, rss(item("a", server.uri("/article/1").toString(), "Summit", "Teaser only", null)), Map.of()));
        server.on("/article/1", exchange -> TestFeedServer.send(exchange, 200, "text/html; charset=utf-8", """
                <html><head><title>Summit</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Summit</h1><p>Leaders met in Geneva on Monday to discuss the treaty.</p>
                <p>The talks will continue next week, officials said.</p></article>
                <footer>Copyright Example News</footer></body></html>""".getBytes(StandardCharsets.UTF_8), Map.of()));
        poller(feed("/feed").withFullText(true)).poll();
        RawArticle article = output.articles.get(0);
        assertThat(article.getBody()).isEqualTo("Leaders met in Geneva on Monday to discuss the treaty.\n\n"
                + "The talks will continue next week, officials said.");
        assertThat(article.getRawHtml()).contains("<article>");
        assertThat(article.getMetadata()).containsEntry("fullText", "true");
        assertThat(server.requestsTo("/article/1").get(0).header("Accept")).startsWith("text/html");
    }

    @Test
    void anItemLinkIntoTheNetworkIsNotFetchedAndTheItemKeepsItsFeedText() {
        // The feed is the operator's (trusted, on loopback); its item links are chosen by its content.
        int port = server.uri("/").getPort();
        server.on("/feed", exchange -> ok(exchange, rss(
                item("3", "http://[::ffff:127.0.0.1]:" + port + "/internal/3", "Mapped", "Third teaser", null),
                item("2", server.uriViaLocalhost("/internal/2").toString(), "By name", "Second teaser", null),
                item("1", server.uri("/internal/1").toString(), "Literal", "First teaser", null)), Map.of()));
        server.on("/internal/1", exchange -> ok(exchange, "<p>secret</p>", Map.of()));
        server.on("/internal/2", exchange -> ok(exchange, "<p>secret</p>", Map.of()));
        server.on("/internal/3", exchange -> ok(exchange, "<p>secret</p>", Map.of()));

        SourceHealth health = poller(feed("/feed").withFullText(true)).poll();

        assertThat(health.getErrorClass()).isNull();
        assertThat(server.requests).extracting(TestFeedServer.Request::path).containsExactly("/feed");
        assertThat(output.articles).extracting(RawArticle::getBody).containsExactly("First teaser", "Second teaser", "Third teaser");
        assertThat(output.articles).allSatisfy(article -> assertThat(article.getMetadata()).containsEntry("fullText", "false"));
        assertThat(output.deadLetters).hasSize(3).allSatisfy(letter -> {
            assertThat(letter.getErrorClass()).isEqualTo("address-refused");
            assertThat(letter.getMessage()).contains("loopback");
            assertThat(letter.getOrigin()).isEqualTo(server.uri("/feed").toString());
        });
        assertThat(StandardCharsets.UTF_8.decode(output.deadLetters.get(0).getOriginalBytes()).toString())
                .isEqualTo(server.uri("/internal/1").toString());
    }

    @Test
    void aRedirectFromTheTrustedFeedToAnotherOriginInsideTheNetworkIsRefusedUnlessAllowed() throws IOException {
        try (TestFeedServer inside = new TestFeedServer()) {
            inside.on("/admin", exchange -> ok(exchange, rss(item("x", "http://news.example.org/x", "Internal", "x", null)), Map.of()));
            server.on("/feed", exchange -> TestFeedServer.send(exchange, 302, null, null, Map.of("Location", inside.uri("/admin").toString())));
            server.on("/same-origin", exchange -> TestFeedServer.send(exchange, 302, null, null, Map.of("Location", "/feed2")));
            server.on("/feed2", exchange -> ok(exchange, rss(item("y", "http://news.example.org/y", "Moved", "y", null)), Map.of()));

            SourceHealth refused = poller(feed("/feed")).poll();
            assertThat(refused.getErrorClass()).isEqualTo("address-refused");
            assertThat(refused.getErrorMessage()).contains("127.0.0.1").contains("loopback");
            assertThat(inside.requests).isEmpty();

            // A redirect on the feed's own origin stays trusted (internal feeds move paths too).
            assertThat(poller(feed("/same-origin")).poll().getErrorClass()).isNull();

            config = config.withAllowedRanges(LOOPBACK);
            assertThat(poller(feed("/feed")).poll().getErrorClass()).isNull();
            assertThat(inside.requestsTo("/admin")).hasSize(1);
            assertThat(output.articles).extracting(RawArticle::getTitle).containsExactly("Moved", "Internal");
        }
    }

    @Test
    void aRedirectFromAnAllowedPageToAnAddressOutsideTheAllowedBlockIsRefused() {
        config = config.withAllowedRanges(List.of("127.0.0.1/32"));
        int port = server.uri("/").getPort();
        server.on("/feed", exchange -> ok(exchange, rss(item("p", server.uri("/page").toString(), "Page", "Teaser", null)), Map.of()));
        // 127.0.0.2 is loopback too, outside the allowed 127.0.0.1/32: refused before any connection.
        server.on("/page", exchange -> TestFeedServer.send(exchange, 302, null, null,
                Map.of("Location", "http://127.0.0.2:" + port + "/secret")));

        poller(feed("/feed").withFullText(true)).poll();

        assertThat(server.requestsTo("/page")).hasSize(1);
        assertThat(server.requestsTo("/secret")).isEmpty();
        assertThat(output.articles).extracting(RawArticle::getBody).containsExactly("Teaser");
        assertThat(output.deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.getErrorClass()).isEqualTo("address-refused");
            assertThat(letter.getMessage()).contains("127.0.0.2");
        });
    }

    @Test
    void aPageThatAsksForAPauseStopsFurtherPageFetchesFromThatHost() {
        config = config.withAllowedRanges(LOOPBACK);  // the pages live on the test server
        server.on("/feed", exchange -> ok(exchange, rss(
                item("2", server.uri("/page/2").toString(), "Second", "Second teaser", null),
                item("1", server.uri("/page/1").toString(), "First", "First teaser", null)), Map.of()));
        server.on("/page/1", exchange -> TestFeedServer.send(exchange, 429, "text/plain", "later".getBytes(StandardCharsets.UTF_8),
                Map.of("Retry-After", "3600")));
        server.on("/page/2", exchange -> TestFeedServer.send(exchange, 200, "text/html", "<p>page</p>".getBytes(StandardCharsets.UTF_8), Map.of()));
        FeedPoller poller = poller(feed("/feed").withFullText(true));
        poller.poll();
        assertThat(server.requestsTo("/page/2")).isEmpty();
        assertThat(output.articles).extracting(RawArticle::getBody).containsExactly("First teaser", "Second teaser");
        // The feed itself lives on the same host: its next poll inside the pause is not sent either.
        clock.advance(Duration.ofMinutes(30));
        assertThat(poller.poll().getErrorClass()).isEqualTo("host-paused");
        assertThat(server.requestsTo("/feed")).hasSize(1);
        clock.advance(Duration.ofMinutes(31));
        assertThat(poller.poll().getErrorClass()).isNull();
    }

    @Test
    void credentialsAndHeadersGoToTheFeedHostOnly() {
        config = config.withAllowedRanges(LOOPBACK);  // the pages live on the test server
        server.on("/private", exchange -> TestFeedServer.send(exchange, 302, null, null,
                Map.of("Location", server.uriViaLocalhost("/elsewhere").toString())));
        server.on("/elsewhere", exchange -> ok(exchange, rss(), Map.of()));
        FeedSettings feed = feed("/private").withHeaders(Map.of("X-Api-Key", "k-42")).withBasicAuth("reader", "pw");
        poller(feed).poll();
        TestFeedServer.Request first = server.requestsTo("/private").get(0);
        assertThat(first.header("Authorization")).isEqualTo("Basic cmVhZGVyOnB3");
        assertThat(first.header("X-Api-Key")).isEqualTo("k-42");
        assertThat(first.header("User-Agent")).isEqualTo(FeedsConfig.DEFAULT_USER_AGENT);
        TestFeedServer.Request redirected = server.requestsTo("/elsewhere").get(0);
        assertThat(redirected.header("Authorization")).isNull();
        assertThat(redirected.header("X-Api-Key")).isNull();
    }

    @Test
    void credentialsDoNotFollowARedirectToAnotherPortOfTheSameHost() throws IOException {
        config = config.withAllowedRanges(LOOPBACK);  // the pages live on the test server
        try (TestFeedServer otherPort = new TestFeedServer()) {
            otherPort.on("/feed", exchange -> ok(exchange, rss(), Map.of()));
            server.on("/private", exchange -> TestFeedServer.send(exchange, 302, null, null,
                    Map.of("Location", otherPort.uri("/feed").toString())));
            // The same origin again after the hop: credentials are back.
            otherPort.on("/back", exchange -> TestFeedServer.send(exchange, 302, null, null,
                    Map.of("Location", server.uri("/home").toString())));
            server.on("/home", exchange -> ok(exchange, rss(), Map.of()));
            server.on("/private2", exchange -> TestFeedServer.send(exchange, 302, null, null,
                    Map.of("Location", otherPort.uri("/back").toString())));
            assertThat(otherPort.uri("/").getHost()).isEqualTo(server.uri("/").getHost());

            poller(feed("/private").withHeaders(Map.of("X-Api-Key", "k-42")).withBasicAuth("reader", "pw")).poll();
            poller(feed("/private2").withHeaders(Map.of("X-Api-Key", "k-42")).withBasicAuth("reader", "pw")).poll();

            assertThat(server.requestsTo("/private").get(0).header("Authorization")).isEqualTo("Basic cmVhZGVyOnB3");
            for (TestFeedServer.Request crossed : List.of(otherPort.requestsTo("/feed").get(0), otherPort.requestsTo("/back").get(0))) {
                assertThat(crossed.header("Authorization")).isNull();
                assertThat(crossed.header("X-Api-Key")).isNull();
            }
            assertThat(server.requestsTo("/home").get(0).header("X-Api-Key")).isEqualTo("k-42");
        }
    }

    @Test
    void aConfiguredProxyCarriesTheRequest() {
        // The test server plays the proxy: it receives the absolute URI of a host that does not resolve.
        server.on("/proxied-feed", exchange -> ok(exchange, rss(item("p", "http://news.example.org/p", "Via proxy", "x", null)), Map.of()));
        FeedSettings direct = FeedSettings.of("http://feeds.invalid/proxied-feed", INTERVAL);
        FeedSettings proxied = new FeedSettings(direct.url(), direct.name(), direct.interval(), Map.of(), null, null,
                direct.userAgent(), "127.0.0.1:" + server.uri("/").getPort(), false, 0);
        SourceHealth health = poller(proxied).poll();
        assertThat(health.getHttpStatus()).isEqualTo(200);
        assertThat(output.articles).extracting(RawArticle::getTitle).containsExactly("Via proxy");
    }

    @Test
    void requestsToOneHostRespectTheConcurrencyLimit() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        server.on("/busy", exchange -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                never.await(150, TimeUnit.MILLISECONDS);  // a server that takes its time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            ok(exchange, rss(), Map.of());
        });
        config = config.withLimits(config.maxBodyBytes(), 5, 1);
        FeedHttp http = new FeedHttp(config);
        List<Thread> threads = new ArrayList<>();
        List<SourceHealth> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            FeedPoller poller = new FeedPoller(FeedSettings.of(server.uri("/busy").toString() + "?n=" + i, INTERVAL), config,
                    http, new SeenItems(), new ParagraphTextExtractor(), output, metrics, clock, () -> 0.0, null);
            threads.add(new Thread(() -> results.add(poller.poll())));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertThat(results).hasSize(4).allSatisfy(h -> assertThat(h.getHttpStatus()).isEqualTo(200));
        assertThat(maxInFlight.get()).isEqualTo(1);
    }
}
