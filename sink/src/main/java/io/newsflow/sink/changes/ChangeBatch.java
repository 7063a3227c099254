package io.newsflow.sink.changes;

import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.sink.json.SnapshotJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one batch, folded into one {@link EventChange} per event, plus what the batch moves: the JSON
 * lines for files, the records to dead-letter, and the next offset to read per partition.
 *
 * <p>Records arrive per partition in offset order, and all records of an event share a partition (key =
 * eventId), so folding in arrival order keeps the topic's order for each event. A snapshot replaces the held one
 * only when its version is higher, so an older snapshot never wins even inside one batch.
 */
public final class ChangeBatch {

    private final Map<String, Fold> folds = new LinkedHashMap<>();
    /** Decoded events records in arrival order: a NewsEvent, or the eventId (String) of a tombstone. */
    private final List<Object> decoded = new ArrayList<>();
    /** The latest event-articles record of each article, in arrival order of the articles. */
    private final Map<String, MemberChange> members = new LinkedHashMap<>();
    /** Lines of the event-articles records in arrival order (made as they come: only files need them, and few). */
    private final List<MemberChange> memberRecords = new ArrayList<>();
    private final List<Rejection> undecodable = new ArrayList<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private int records;

    public void addSnapshot(RecordOrigin origin, NewsEvent snapshot) {
        count(origin);
        String eventId = snapshot.getEventId().toString();
        Fold fold = folds.computeIfAbsent(eventId, id -> new Fold());
        if (fold.snapshot == null || snapshot.getVersion() > fold.snapshot.getVersion()) {
            fold.snapshot = snapshot;
            fold.snapshotOrigin = origin;
        }
        decoded.add(snapshot);
    }

    public void addTombstone(RecordOrigin origin, String eventId) {
        count(origin);
        Fold fold = folds.computeIfAbsent(eventId, id -> new Fold());
        fold.deletesFirst = true;
        fold.tombstoneOrigin = origin;
        fold.snapshot = null;
        fold.snapshotOrigin = null;
        decoded.add(eventId);
    }

    /** An event-articles record: the article's event, or (null) the tombstone of its membership. */
    public void addMember(RecordOrigin origin, String articleId, EventMember member) {
        count(origin);
        MemberChange change = new MemberChange(articleId, member, origin);
        members.remove(articleId); // the latest comes last
        members.put(articleId, change);
        memberRecords.add(change);
    }

    public void addUndecodable(RecordOrigin origin, String errorClass, String reason) {
        count(origin);
        undecodable.add(new Rejection(origin, errorClass, reason));
    }

    private void count(RecordOrigin origin) {
        records++;
        nextOffsets.merge(new TopicPartition(origin.topic(), origin.partition()), origin.offset() + 1, Math::max);
    }

    public boolean isEmpty() {
        return records == 0;
    }

    /** Records taken in, whatever became of them. */
    public int records() {
        return records;
    }

    public List<EventChange> changes() {
        List<EventChange> changes = new ArrayList<>(folds.size());
        folds.forEach((id, fold) -> changes.add(new EventChange(id, fold.deletesFirst, fold.snapshot,
                fold.snapshotOrigin != null ? fold.snapshotOrigin : fold.tombstoneOrigin)));
        return changes;
    }

    /** The latest event-articles record of each article in the batch. */
    public List<MemberChange> memberChanges() {
        return List.copyOf(members.values());
    }

    /** One JSON line per decoded event-articles record, in arrival order. */
    public List<String> memberLines() {
        List<String> lines = new ArrayList<>(memberRecords.size());
        for (MemberChange change : memberRecords) {
            lines.add(change.deletes() ? SnapshotJson.memberTombstone(change.articleId()) : SnapshotJson.of(change.member()));
        }
        return lines;
    }

    /** One JSON line per decoded events record, in arrival order (made on demand: only files need them). */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(decoded.size());
        for (Object record : decoded) {
            lines.add(record instanceof NewsEvent snapshot
                    ? SnapshotJson.of(snapshot) : SnapshotJson.tombstone((String) record));
        }
        return lines;
    }

    public List<Rejection> undecodable() {
        return List.copyOf(undecodable);
    }

    /** The offset to read next, per partition the batch touched. */
    public Map<TopicPartition, Long> nextOffsets() {
        return Map.copyOf(nextOffsets);
    }

    public static List<Rejection> concat(Collection<Rejection> first, Collection<Rejection> second) {
        List<Rejection> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static final class Fold {
        boolean deletesFirst;
        NewsEvent snapshot;
        RecordOrigin snapshotOrigin;
        RecordOrigin tombstoneOrigin;
    }
}
