package io.newsflow.sink.changes;

import io.newsflow.schemas.NewsEvent;
import java.util.List;

/**
 * What one batch does to one event: possibly delete it first (a tombstone was seen), then possibly write the
 * newest snapshot seen after that.
 *
 * @param eventId        the event
 * @param deletesFirst   whether a tombstone for the event came in this batch (before {@code snapshot}, if any)
 * @param snapshot       the highest-version snapshot after the last tombstone, or null
 * @param origin         the record behind the change: the snapshot's, else the tombstone's
 */
public record EventChange(String eventId, boolean deletesFirst, NewsEvent snapshot, RecordOrigin origin) {

    public boolean writesSnapshot() {
        return snapshot != null;
    }

    /** Ids the snapshot says were merged into this event (never the event itself). */
    public List<String> absorbedEventIds() {
        if (snapshot == null) {
            return List.of();
        }
        return snapshot.getAbsorbedEventIds().stream().map(CharSequence::toString)
                .filter(id -> !id.equals(eventId)).distinct().toList();
    }

}
