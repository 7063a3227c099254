package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.feeds.config.FeedSettings;
import io.newsflow.ingest.feeds.config.FeedsConfig;
import io.newsflow.ingest.feeds.http.FeedHttp;
import io.newsflow.ingest.feeds.items.SeenItems;
import io.newsflow.ingest.feeds.parsing.ParagraphTextExtractor;
import io.newsflow.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Links a feed gives that Newsflow must not pass on to the consumers of its events. */
class UnsafeLinksTest {

    private final RecordingOutput output = new RecordingOutput();
    private final FeedsConfig config = FeedsConfig.defaults(List.of())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T08:00:00Z"));

    @Test
    void feedItemsKeepOnlyHttpLinks() throws Exception {
        try (TestFeedServer server = new TestFeedServer()) {
            server.on("/feed", exchange -> TestFeedServer.send(exchange, 200, "application/rss+xml; charset=utf-8",
                    FeedPollerTest.rss(
                            FeedPollerTest.item("1", "javascript:alert(document.cookie)", "Script", "Harbour reopens.", null),
                            FeedPollerTest.item("2", "data:text/html;base64,PHNjcmlwdD4=", "Data", "Ferries run.", null),
                            FeedPollerTest.item("3", "file:///etc/passwd", "File", "Cafés open.", null),
                            FeedPollerTest.item("4", "https://news.example.org/ok", "Web", "Fishermen sail.", null))
                            .getBytes(StandardCharsets.UTF_8), Map.of()));
            FeedPoller poller = new FeedPoller(FeedSettings.of(server.uri("/feed").toString(), Duration.ofMinutes(10)),
                    config, new FeedHttp(config, clock), new SeenItems(), new ParagraphTextExtractor(), output,
                    new FeedMetrics(new SimpleMeterRegistry()), clock, () -> 0.0, null);

            poller.poll();
        }

        assertThat(output.articles).extracting(RawArticle::getTitle)
                .containsExactlyInAnyOrder("Script", "Data", "File", "Web");
        for (RawArticle article : output.articles) {
            if (article.getTitle().equals("Web")) {
                assertThat(article.getUrl()).isEqualTo("https://news.example.org/ok");
            } else {
                assertThat(article.getUrl()).as(article.getTitle()).isNull();
                assertThat(article.getCanonicalUrl()).as(article.getTitle()).isNull();
                assertThat(article.getArticleId()).startsWith("item-");
            }
        }
    }
}
