package io.newsflow.ingest.drops;

import io.newsflow.ingest.text.ArticleIdentity;
import io.newsflow.ingest.text.PublishedUrl;
import io.newsflow.ingest.text.PublicationDates;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceKind;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The fields of one article as a reader finds them, before they become a {@link RawArticle}. */
final class ArticleDraft {

    String title = "";
    String body = "";
    String url;
    String rawHtml;
    String language;
    Instant publishedAt;
    final Map<String, String> metadata = new TreeMap<>();

    void putMetadata(String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(key, value.strip());
        }
    }

    /**
     * Applies what the dropper's sidecar states; it wins over what was guessed. Title and URL name one
     * article, so they apply only to a file that holds one (else every article would get the same id).
     */
    void apply(Sidecar sidecar, boolean onlyArticle) {
        if (onlyArticle) {
            sidecar.text("title").ifPresent(value -> title = value);
            sidecar.text("url").ifPresent(value -> url = value);
        }
        sidecar.text("language").ifPresent(value -> language = value);
        sidecar.text("source").ifPresent(value -> metadata.put("source", value));
        sidecar.text("byline").ifPresent(value -> metadata.put("byline", value));
        sidecar.text("published").flatMap(PublicationDates::parse)
                .ifPresent(value -> publishedAt = value);
    }

    boolean hasText() {
        return !body.isBlank() || !title.isBlank();
    }

    RawArticle toRawArticle(String sourceId, Instant fetchedAt) {
        String canonicalUrl = ArticleIdentity.canonicalUrl(url);
        String contentHash = ArticleIdentity.contentHash(title, body);
        String articleId = ArticleIdentity.articleId(canonicalUrl, contentHash);
        return RawArticle.newBuilder()
                .setArticleId(articleId)
                .setSourceKind(SourceKind.FILE)
                .setSourceId(sourceId)
                .setUrl(PublishedUrl.of(url, articleId, sourceId))
                .setCanonicalUrl(canonicalUrl)
                .setTitle(title)
                .setBody(body)
                .setRawHtml(rawHtml)
                .setLanguage(language)
                .setPublishedAt(publishedAt)
                .setFetchedAt(fetchedAt)
                .setContentHash(contentHash)
                .setMetadata(Map.copyOf(metadata))
                .build();
    }
}
