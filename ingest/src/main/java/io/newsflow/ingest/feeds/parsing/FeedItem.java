package io.newsflow.ingest.feeds.parsing;

import java.time.Instant;
import java.util.List;

/**
 * One item of a feed as the feed gives it, before identity and text extraction.
 *
 * @param guid        RSS guid or Atom id, when present
 * @param link        the article link (absolute when it could be resolved), when present
 * @param title       the headline, empty when none
 * @param html        the richest content: content:encoded / Atom content, else the description
 * @param publishedAt publication date (RSS pubDate, dc:date, Atom published/updated), when present
 * @param author      author(s) as given, when present
 * @param categories  category names
 */
public record FeedItem(String guid, String link, String title, String html, Instant publishedAt,
                       String author, List<String> categories) {

    public FeedItem {
        title = title == null ? "" : title;
        html = html == null ? "" : html;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
