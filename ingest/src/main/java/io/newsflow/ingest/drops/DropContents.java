package io.newsflow.ingest.drops;

import io.newsflow.schemas.RawArticle;
import java.util.List;

/**
 * What one dropped file yielded: its articles, and the records inside it that could not be read
 * (a bad line of a JSON Lines file, a feed item without text) which become dead letters while the
 * good ones still go.
 */
public record DropContents(List<RawArticle> articles, List<RejectedRecord> rejected) {

    /** One unreadable record inside an otherwise readable file. */
    public record RejectedRecord(String where, String reason, byte[] bytes) {
    }
}
