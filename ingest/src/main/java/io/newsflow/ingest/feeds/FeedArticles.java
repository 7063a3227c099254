package io.newsflow.ingest.feeds;

import io.newsflow.ingest.feeds.items.ItemIdentity;
import io.newsflow.ingest.feeds.items.ItemVersions;
import io.newsflow.ingest.feeds.parsing.FeedDocument;
import io.newsflow.ingest.feeds.parsing.FeedHtmlText;
import io.newsflow.ingest.feeds.parsing.FeedItem;
import io.newsflow.ingest.text.ArticleIdentity;
import io.newsflow.ingest.text.PublishedUrl;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the RawArticle of a feed item. */
final class FeedArticles {

    private FeedArticles() {
    }

    /** Title and plain-text body of an item as its feed gives it: what its identity's content hash covers. */
    static String feedBody(FeedItem item) {
        return FeedHtmlText.paragraphs(item.html());
    }

    /**
     * @param fullText the text of the article page when full-text fetch gave one, else null
     * @param pageHtml the article page when fetched, else null (the item's HTML is kept instead)
     */
    static RawArticle toRawArticle(String sourceId, FeedDocument feed, FeedItem item, ItemIdentity identity,
                                   ItemVersions.Decision decision, String fullText, String pageHtml, Instant fetchedAt) {
        String body = fullText != null && !fullText.isBlank() ? fullText : feedBody(item);
        Map<String, String> metadata = new LinkedHashMap<>();
        if (!feed.title().isBlank()) {
            metadata.put("feedTitle", feed.title());
        }
        metadata.put("feedType", feed.feedType());
        if (item.author() != null) {
            metadata.put("author", item.author());
        }
        if (!item.categories().isEmpty()) {
            metadata.put("categories", String.join(", ", item.categories()));
        }
        if (item.guid() != null) {
            metadata.put("guid", item.guid());
        }
        metadata.put("version", Integer.toString(decision.version()));
        metadata.put("fullText", Boolean.toString(fullText != null && !fullText.isBlank()));
        return RawArticle.newBuilder()
                .setArticleId(decision.articleId())
                .setSourceKind(SourceKind.FEED)
                .setSourceId(sourceId)
                .setUrl(PublishedUrl.of(item.link(), decision.articleId(), sourceId))
                .setCanonicalUrl(identity.canonicalUrl())
                .setTitle(item.title())
                .setBody(body)
                .setRawHtml(pageHtml != null ? pageHtml : item.html().isBlank() ? null : item.html())
                .setLanguage(feed.language())
                .setPublishedAt(item.publishedAt())
                .setFetchedAt(fetchedAt)
                .setContentHash(ArticleIdentity.contentHash(item.title(), body))
                .setMetadata(metadata)
                .build();
    }
}
