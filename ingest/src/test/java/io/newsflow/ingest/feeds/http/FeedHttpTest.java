package io.newsflow.ingest.feeds.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** What the client decides without a server; fetching itself is tested through FeedPollerTest. */
class FeedHttpTest {

    @Test
    void anOriginIsSchemeHostAndPort() {
        URI feed = URI.create("https://news.example.org/rss");
        assertThat(FeedHttp.sameOrigin(URI.create("https://NEWS.example.org:443/other"), feed)).isTrue();
        assertThat(FeedHttp.sameOrigin(URI.create("http://news.example.org/rss"), feed)).isFalse();
        assertThat(FeedHttp.sameOrigin(URI.create("https://news.example.org:8443/rss"), feed)).isFalse();
        assertThat(FeedHttp.sameOrigin(URI.create("https://cdn.example.org/rss"), feed)).isFalse();
        assertThat(FeedHttp.sameOrigin(URI.create("http://news.example.org:80/"), URI.create("http://news.example.org/"))).isTrue();
    }
}
