package io.newsflow.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.text.ArticleIdentity;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceKind;
import java.time.Instant;
import java.util.Map;

/**
 * One article of the generated stream: its text, where it appeared, and when it arrives in the
 * simulated timeline ({@code arrival}, which becomes its fetch time when it is preloaded).
 */
record GeneratedArticle(String fileName, String url, String source, String title, String body, Instant published,
                        Instant arrival, int story, Kind kind) {

    enum Kind { REPORT, WIRE_COPY, UPDATE }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The drop-folder file: one JSON article, the format ingest reads with its URL, outlet and date. */
    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("title", title);
        node.put("url", url);
        node.put("source", source);
        node.put("published", published.toString());
        node.put("language", "en");
        node.put("body", body);
        return node.toString();
    }

    /** The record ingest makes of it (identity by canonical URL), fetched at {@code fetchedAt}. */
    RawArticle toRawArticle(Instant fetchedAt) {
        String canonicalUrl = ArticleIdentity.canonicalUrl(url);
        String contentHash = ArticleIdentity.contentHash(title, body);
        return RawArticle.newBuilder()
                .setArticleId(ArticleIdentity.articleId(canonicalUrl, contentHash))
                .setSourceKind(SourceKind.FILE)
                .setSourceId(fileName)
                .setUrl(url)
                .setCanonicalUrl(canonicalUrl)
                .setTitle(title)
                .setBody(body)
                .setLanguage("en")
                .setPublishedAt(published)
                .setFetchedAt(fetchedAt)
                .setContentHash(contentHash)
                .setMetadata(Map.of("source", source))
                .build();
    }
}
