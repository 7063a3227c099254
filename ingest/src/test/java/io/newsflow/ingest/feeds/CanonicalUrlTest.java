package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @Test
    void lowerCasesSchemeAndHostAndDropsFragmentAndDefaultPort() {
        assertThat(CanonicalUrl.of("HTTPS://News.Example.ORG:443/World/Story?id=7#comments"))
                .contains("https://news.example.org/World/Story?id=7");
        assertThat(CanonicalUrl.of("http://example.org")).contains("http://example.org/");
        assertThat(CanonicalUrl.of("http://example.org:8080/a")).contains("http://example.org:8080/a");
    }

    @Test
    void removesTrackingParametersAndKeepsTheOthersInOrder() {
        assertThat(CanonicalUrl.of("https://example.org/a?utm_source=rss&b=2&fbclid=x&a=1&gclid=y&ns_campaign=z&utm_medium=feed"))
                .contains("https://example.org/a?b=2&a=1");
        assertThat(CanonicalUrl.of("https://example.org/a?utm_source=rss")).contains("https://example.org/a");
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrl() {
        assertThat(CanonicalUrl.of("/relative/path")).isEmpty();
        assertThat(CanonicalUrl.of("mailto:someone@example.org")).isEmpty();
        assertThat(CanonicalUrl.of("http://exa mple.org/%%")).isEmpty();
        assertThat(CanonicalUrl.of(null)).isEmpty();
    }
}
