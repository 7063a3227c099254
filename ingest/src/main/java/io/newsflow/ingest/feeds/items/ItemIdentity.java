package io.newsflow.ingest.feeds.items;

import io.newsflow.ingest.feeds.parsing.FeedDocument;
import io.newsflow.ingest.feeds.parsing.FeedItem;
import io.newsflow.ingest.text.ArticleIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an item is, independent of what it says now. An item is remembered under every key it has,
 * most trusted first: its guid, its canonical link, and (only when it has neither) a fingerprint of
 * source, title and date. Matching on any key is matching the item, so a feed that regenerates its
 * guids is caught by the link. Keys are scoped to the feed, so one URL carried by two feeds with
 * different teasers does not flip-flop between versions.
 *
 * @param guidKey        key from the guid, null when the item has no usable guid
 * @param linkKey        key from the canonical link, null when the link is missing or not distinctive
 * @param fingerprintKey key from source + title + date, only when there is neither guid nor link
 * @param canonicalUrl   the canonical link, when the item has a link
 * @param articleId      the article id a new item gets: from the canonical URL when distinctive, else from the first key
 */
public record ItemIdentity(String guidKey, String linkKey, String fingerprintKey, String canonicalUrl, String articleId) {

    /** Keys in the order they are trusted. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>(3);
        for (String key : new String[] {guidKey, linkKey, fingerprintKey}) {
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * The identities of all items of one document. A guid or link that several items of the
     * document share (a feed linking every item to its home page) identifies none of them.
     */
    public static List<ItemIdentity> of(String sourceId, FeedDocument document) {
        String siteLink = ArticleIdentity.canonicalUrl(document.siteLink());
        Map<String, Integer> guidCounts = new HashMap<>();
        Map<String, Integer> linkCounts = new HashMap<>();
        for (FeedItem item : document.items()) {
            if (item.guid() != null) {
                guidCounts.merge(item.guid(), 1, Integer::sum);
            }
            Optional.ofNullable(ArticleIdentity.canonicalUrl(item.link()))
                    .ifPresent(link -> linkCounts.merge(link, 1, Integer::sum));
        }
        List<ItemIdentity> identities = new ArrayList<>(document.items().size());
        for (FeedItem item : document.items()) {
            Optional<String> canonical = Optional.ofNullable(ArticleIdentity.canonicalUrl(item.link()));
            boolean guidUsable = item.guid() != null && guidCounts.get(item.guid()) == 1;
            boolean linkDistinctive = canonical.isPresent() && linkCounts.get(canonical.get()) == 1
                    && !Objects.equals(canonical.get(), siteLink);
            identities.add(of(sourceId, item, guidUsable ? item.guid() : null,
                    linkDistinctive ? canonical.get() : null, canonical.orElse(null)));
        }
        return identities;
    }

    private static ItemIdentity of(String sourceId, FeedItem item, String guid, String distinctiveLink, String canonical) {
        String guidKey = guid == null ? null : "guid:" + ArticleIdentity.sha256Hex(sourceId + "\n" + guid);
        String linkKey = distinctiveLink == null ? null : "link:" + ArticleIdentity.sha256Hex(sourceId + "\n" + distinctiveLink);
        String fingerprintKey = null;
        if (guidKey == null && linkKey == null) {
            Instant date = item.publishedAt();
            String content = item.title().isBlank() ? ArticleIdentity.contentHash("", item.html()) : ArticleIdentity.normalise(item.title());
            fingerprintKey = "fingerprint:" + ArticleIdentity.sha256Hex(sourceId + "\n" + content + "\n" + (date == null ? "" : date));
        }
        String articleId = distinctiveLink != null
                ? ArticleIdentity.articleId(distinctiveLink, null)
                : ArticleIdentity.itemId(guidKey != null ? guidKey : fingerprintKey);
        return new ItemIdentity(guidKey, linkKey, fingerprintKey, canonical, articleId);
    }
}
