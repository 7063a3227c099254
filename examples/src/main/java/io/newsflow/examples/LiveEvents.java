package io.newsflow.examples;

import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The live events as the {@code events} topic describes them, folded record by record in each partition's order
 * (docs/consumers.md, "Consuming events"), and every article's event as the {@code event-articles} topic describes it (a
 * snapshot lists at most 50 of an event's articles; that topic has them all). The rules rest only on the key, {@code version}, {@code absorbedEventIds} and
 * tombstones, so fields added to {@code NewsEvent} later (a change kind, lineage) ride along in the snapshots
 * without changing them: a snapshot of a kind this code does not know is still the event's latest state.
 */
public final class LiveEvents {

    private final Map<String, NewsEvent> live = new TreeMap<>();
    /** Ids merged into another event: gone for good, even if an older snapshot of theirs arrives later. */
    private final Set<String> absorbed = new HashSet<>();
    /** Article id to its latest event-articles record. */
    private final Map<String, EventMember> members = new HashMap<>();

    /** Applies one record of the topic: a snapshot, or a tombstone when {@code snapshot} is null. */
    public void apply(String eventId, NewsEvent snapshot) {
        if (snapshot == null) {
            // As compaction leaves the log (and as the sink does): a snapshot after a tombstone starts the id anew.
            live.remove(eventId);
            return;
        }
        for (String id : snapshot.getAbsorbedEventIds()) {
            if (!id.equals(eventId)) {
                absorbed.add(id);
                live.remove(id);
            }
        }
        if (absorbed.contains(eventId)) {
            return;
        }
        // Highest version wins: a re-sent or late older snapshot (or one of the same version) changes nothing.
        live.merge(eventId, snapshot, (held, incoming) -> incoming.getVersion() > held.getVersion() ? incoming : held);
    }

    /**
     * Applies one record of the event-articles topic: the article's event, or, when {@code member} is null, the
     * tombstone of an article whose event was tombstoned. An article's records share a partition, so the latest
     * read is the truth: a merge or split that moves it writes a new record.
     */
    public void applyMember(String articleId, EventMember member) {
        if (member == null) {
            members.remove(articleId);
        } else {
            members.put(articleId, member);
        }
    }

    /** Article id to event id of every article, the sink's {@code SELECT article_id, event_id FROM event_articles}. */
    public Map<String, String> membership() {
        Map<String, String> membership = new TreeMap<>();
        members.forEach((articleId, member) -> membership.put(articleId, member.getEventId()));
        return membership;
    }

    /** The live events by id, sorted. A copy: later records do not change it. */
    public Map<String, NewsEvent> snapshot() {
        return new TreeMap<>(live);
    }

    /** Event id to version of every live event, the sink's {@code SELECT event_id, version FROM events}. */
    public Map<String, Long> versions() {
        Map<String, Long> versions = new TreeMap<>();
        live.forEach((id, event) -> versions.put(id, event.getVersion()));
        return versions;
    }
}
