package io.newsflow.ingest.feeds.items;

import io.newsflow.schemas.SeenItem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether an item is new, an edit of one already emitted (same article id, version + 1)
 * or unchanged, from what {@link SeenItems} remembers. An unchanged item is remembered again (with a
 * new write time) when its record would otherwise expire from the seen-items topic.
 */
public final class ItemVersions {

    /** What to do with one item. */
    public enum Kind { NEW, UPDATED, UNCHANGED }

    /**
     * The decision and the records to remember once the item is emitted (also for an unchanged
     * item whose guid or link was not known yet, so guid churn is absorbed silently).
     */
    public record Decision(Kind kind, String articleId, int version, Map<String, SeenItem> toRemember) {

        public boolean emit() {
            return kind != Kind.UNCHANGED;
        }
    }

    private final SeenItems seen;

    public ItemVersions(SeenItems seen) {
        this.seen = seen;
    }

    public Decision decide(ItemIdentity identity, String contentHash, Instant now) {
        SeenItem known = null;
        for (String key : identity.keys()) {
            Optional<SeenItem> found = seen.get(key);
            if (found.isPresent()) {
                known = found.get();
                break;
            }
        }
        Kind kind;
        SeenItem record;
        if (known == null) {
            kind = Kind.NEW;
            record = new SeenItem(identity.articleId(), contentHash, 1, now, now);
        } else if (known.getContentHash().equals(contentHash)) {
            kind = Kind.UNCHANGED;
            // Still listed: written again before the topic's retention would delete it.
            record = seen.needsRewrite(known, now)
                    ? SeenItem.newBuilder(known).setWrittenAt(now).build() : known;
        } else {
            kind = Kind.UPDATED;
            record = new SeenItem(known.getArticleId(), contentHash, known.getVersion() + 1, known.getFirstSeenAt(), now);
        }
        Map<String, SeenItem> toRemember = new LinkedHashMap<>();
        for (String key : identity.keys()) {
            Optional<SeenItem> current = seen.get(key);
            if (current.isEmpty() || !current.get().equals(record)) {
                toRemember.put(key, record);
            }
        }
        return new Decision(kind, record.getArticleId(), record.getVersion(), toRemember);
    }

    /** Remembers the decision; call once the item's article was handed to the producer. */
    public void remember(Decision decision) {
        decision.toRemember().forEach(seen::remember);
    }
}
