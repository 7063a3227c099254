package io.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdentityTest {

    @Test
    void canonicalUrlDropsWhatDoesNotIdentifyThePage() {
        assertThat(ArticleIdentity.canonicalUrl("HTTPS://News.Example.COM:443/a/b?utm_source=rss&id=7&fbclid=x#comments"))
                .isEqualTo("https://news.example.com/a/b?id=7");
        assertThat(ArticleIdentity.canonicalUrl("http://example.com")).isEqualTo("http://example.com/");
        assertThat(ArticleIdentity.canonicalUrl("http://example.com:8080/x")).isEqualTo("http://example.com:8080/x");
        assertThat(ArticleIdentity.canonicalUrl("mailto:someone@example.com")).isNull();
        assertThat(ArticleIdentity.canonicalUrl("not a url")).isNull();
    }

    @Test
    void contentHashIgnoresCaseSpacingAndLineEndings() {
        String hash = ArticleIdentity.contentHash("Harbour Reopens", "Line one.\n\nLine two.");
        assertThat(ArticleIdentity.contentHash("harbour  reopens ", "Line one.\r\n\r\nLine\u00A0two.")).isEqualTo(hash);
        assertThat(ArticleIdentity.contentHash("Harbour reopens", "Line one. Line three.")).isNotEqualTo(hash);
        assertThat(hash).matches("[0-9a-f]{64}");
    }

    @Test
    void articleIdFollowsTheUrlWhenThereIsOne() {
        String hash = ArticleIdentity.contentHash("t", "b");
        assertThat(ArticleIdentity.articleId(null, hash)).isEqualTo("txt-" + hash.substring(0, 32));
        String byUrl = ArticleIdentity.articleId("https://example.com/a", hash);
        assertThat(byUrl).startsWith("url-").hasSize(36);
        assertThat(ArticleIdentity.articleId("https://example.com/a", ArticleIdentity.contentHash("edited", "b")))
                .isEqualTo(byUrl);
    }
}
