package io.newsflow.ingest.feeds;

import io.newsflow.schemas.SeenItem;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ingest remembers of emitted items, by identity key. The durable copy is the compacted
 * seen-items topic; this is the view loaded from it, and {@link #remember} is where a write to the
 * topic is hooked in.
 */
public class SeenItems {

    private final Map<String, SeenItem> byKey = new ConcurrentHashMap<>();

    public Optional<SeenItem> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Records the item under its key; subclasses also write it to durable storage. */
    public void remember(String key, SeenItem item) {
        byKey.put(key, item);
    }

    /** Loads a record read back from durable storage (a null value is a tombstone). */
    public void load(String key, SeenItem item) {
        if (item == null) {
            byKey.remove(key);
        } else {
            byKey.put(key, item);
        }
    }

    public int size() {
        return byKey.size();
    }
}
