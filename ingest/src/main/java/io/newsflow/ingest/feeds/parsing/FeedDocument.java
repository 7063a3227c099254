package io.newsflow.ingest.feeds.parsing;

import java.util.List;
import java.util.Optional;

/**
 * A parsed feed.
 *
 * @param feedType   Rome's name of the format, e.g. rss_2.0 or atom_1.0
 * @param title      feed title, empty when none
 * @param siteLink   the site the feed belongs to, when given
 * @param language   BCP 47 tag of the feed's language, when given
 * @param ttlMinutes RSS ttl, when given: the feed asks not to be polled more often
 * @param items      items in document order
 * @param repaired   what the lenient reader had to fix, empty when the document was clean
 */
public record FeedDocument(String feedType, String title, String siteLink, String language, Integer ttlMinutes,
                           List<FeedItem> items, List<String> repaired) {

    public FeedDocument {
        title = title == null ? "" : title;
        items = List.copyOf(items);
        repaired = List.copyOf(repaired);
    }

    public Optional<Integer> ttl() {
        return Optional.ofNullable(ttlMinutes);
    }
}
