package io.newsflow.ingest.feeds;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SeenItem;
import io.newsflow.schemas.SourceHealth;
import java.util.List;
import java.util.Map;

/** Where polling results go: in production the Kafka topics, in tests a list. */
public interface FeedOutput {

    /**
     * Writes the articles of one poll and the seen-items records that go with them, articles
     * first. Returns true once all of it is durably written; false when the articles could not be
     * written, in which case nothing may be remembered (the items are emitted again next poll).
     */
    boolean items(List<RawArticle> articles, List<Map.Entry<String, SeenItem>> seen);

    void health(SourceHealth health);

    void deadLetter(DeadLetter letter);
}
