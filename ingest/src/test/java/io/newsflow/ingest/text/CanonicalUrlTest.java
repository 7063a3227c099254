package io.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The canonical URL rule the drop folder and the feed reader share. */
class CanonicalUrlTest {

    @Test
    void lowerCasesSchemeAndHostAndDropsFragmentAndDefaultPort() {
        assertThat(ArticleIdentity.canonicalUrl("HTTPS://News.Example.ORG:443/World/Story?id=7#comments")).isEqualTo("https://news.example.org/World/Story?id=7");
        assertThat(ArticleIdentity.canonicalUrl("http://example.org")).isEqualTo("http://example.org/");
        assertThat(ArticleIdentity.canonicalUrl("http://example.org:8080/a")).isEqualTo("http://example.org:8080/a");
    }

    @Test
    void removesTrackingParametersAndKeepsTheOthersInOrder() {
        assertThat(ArticleIdentity.canonicalUrl("https://example.org/a?utm_source=rss&b=2&fbclid=x&a=1&gclid=y&ns_campaign=z&utm_medium=feed")).isEqualTo("https://example.org/a?b=2&a=1");
        assertThat(ArticleIdentity.canonicalUrl("https://example.org/a?utm_source=rss")).isEqualTo("https://example.org/a");
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrl() {
        assertThat(ArticleIdentity.canonicalUrl("/relative/path")).isNull();
        assertThat(ArticleIdentity.canonicalUrl("mailto:someone@example.org")).isNull();
        assertThat(ArticleIdentity.canonicalUrl("http://exa mple.org/%%")).isNull();
        assertThat(ArticleIdentity.canonicalUrl(null)).isNull();
    }
}
