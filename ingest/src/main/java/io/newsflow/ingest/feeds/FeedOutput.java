package io.newsflow.ingest.feeds;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SeenItem;
import io.newsflow.schemas.SourceHealth;

/** Where polling results go: in production the Kafka topics, in tests a list. */
public interface FeedOutput {

    void article(RawArticle article);

    void seen(String key, SeenItem item);

    void health(SourceHealth health);

    void deadLetter(DeadLetter letter);

    /**
     * Waits until everything handed over so far is durably written; false when some of it was not.
     * Items are remembered as seen only after their articles were flushed, so nothing is lost.
     */
    default boolean flush() {
        return true;
    }
}
