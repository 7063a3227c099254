package io.newsflow.ingest.feeds.items;

import io.newsflow.schemas.SeenItem;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ingest remembers of emitted items, by identity key. The durable copy is the compacted
 * seen-items topic; this is the view loaded from it, and {@link #remember} is where a write to the
 * topic is hooked in.
 *
 * <p>Bounded: the topic also deletes records older than its retention, so that items long gone
 * from their feeds do not pile up forever. An item its feed still lists is rewritten after a third
 * of the retention ({@link #needsRewrite}), so it never expires while listed; memory forgets what
 * the topic forgets ({@link #forgetWrittenBefore}).
 */
public class SeenItems {

    /** Default retention of the seen-items topic: feeds rarely list an item for more than weeks. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    private final Map<String, SeenItem> byKey = new ConcurrentHashMap<>();
    private final Duration retention;

    public SeenItems() {
        this(DEFAULT_RETENTION);
    }

    public SeenItems(Duration retention) {
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    public Optional<SeenItem> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Whether a record still listed by its feed should be written again so the topic keeps it. */
    public boolean needsRewrite(SeenItem item, Instant now) {
        return item.getWrittenAt().plus(retention.dividedBy(3)).isBefore(now);
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

    /** Forgets records the topic deletes by now; returns how many. */
    public int forgetExpired(Instant now) {
        return forgetWrittenBefore(now.minus(retention));
    }

    /**
     * A record written before {@code writtenAt} existed reads as written at the epoch; its age is
     * unknown, so it is kept here (the topic still drops it by its own timestamp, and a poll that
     * lists the item rewrites it at once, see {@link #needsRewrite}). Forgetting it would make every
     * item of every feed new again after an upgrade.
     */
    int forgetWrittenBefore(Instant cutoff) {
        int before = byKey.size();
        byKey.values().removeIf(item -> !item.getWrittenAt().equals(Instant.EPOCH)
                && item.getWrittenAt().isBefore(cutoff));
        return before - byKey.size();
    }

    public int size() {
        return byKey.size();
    }
}
