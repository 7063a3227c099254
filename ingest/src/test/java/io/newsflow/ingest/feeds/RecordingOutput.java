package io.newsflow.ingest.feeds;

import io.newsflow.ingest.feeds.items.SeenItems;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SeenItem;
import io.newsflow.schemas.SourceHealth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the poller wrote, in order, as the topics would; can play a broker that fails writes. */
final class RecordingOutput implements FeedOutput {

    final List<RawArticle> articles = new CopyOnWriteArrayList<>();
    final List<Map.Entry<String, SeenItem>> seen = new CopyOnWriteArrayList<>();
    final List<SourceHealth> health = new CopyOnWriteArrayList<>();
    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    volatile boolean failWrites;

    @Override
    public boolean items(List<RawArticle> written, List<Map.Entry<String, SeenItem>> remembered) {
        if (failWrites) {
            return false;
        }
        articles.addAll(written);
        seen.addAll(remembered);
        return true;
    }

    @Override
    public void health(SourceHealth record) {
        health.add(record);
    }

    @Override
    public void deadLetter(DeadLetter letter) {
        deadLetters.add(letter);
    }

    /** The seen-items topic read back from the beginning, as a restarted service does. */
    SeenItems replaySeenItems() {
        SeenItems restored = new SeenItems();
        seen.forEach(entry -> restored.load(entry.getKey(), entry.getValue()));
        return restored;
    }

    SourceHealth lastHealth() {
        return health.get(health.size() - 1);
    }
}
