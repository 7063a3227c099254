package io.newsflow.sink.postgres;

import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.OfficialTag;
import io.newsflow.sink.changes.EventChange;
import io.newsflow.sink.changes.MemberChange;
import io.newsflow.sink.changes.Rejection;
import io.newsflow.sink.json.SnapshotJson;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of event changes to PostgreSQL, each batch in one transaction together with the offsets it
 * moves, so that rows and offsets commit or vanish together (exactly once).
 *
 * <p>Order safety: a snapshot is written only if its version is higher than the stored one
 * ({@code UPDATE ... WHERE e.version < i.version}) or its event is missing ({@code INSERT ... ON CONFLICT DO
 * NOTHING}, then the update again for rows that appeared meanwhile). Merges: ids a snapshot lists in
 * {@code absorbedEventIds} are deleted from {@code events} and remembered in {@code event_merges}, and a
 * snapshot of an absorbed id (a late one from another partition) is never written again. Tombstones delete.
 *
 * <p>Several stores may write at once (one per share of the topic's partitions, see {@code SinkService}). An event's
 * snapshots and tombstones all come through one partition, so only a merge reaches across: the survivor's writer
 * deletes an absorbed event that its own writer may be inserting or updating at that moment, unseen until it
 * commits. So a transaction first takes a transaction-scoped advisory lock on every event id it touches (its events
 * and the ids they absorb), all at once in sorted order: two writers touching one event take turns, the later one
 * sees what the earlier one committed, and as every row the sink locks belongs to an id locked first, no two
 * writers can wait for each other in a cycle.
 *
 * <p>Each statement carries a whole batch as arrays ({@code unnest}), so a batch of 500 costs a handful of round
 * trips. When the database rejects a record for its content, the batch is redone one change at a time under
 * savepoints; the rejected changes go to the dead-letter callback before the commit.
 */
public final class PostgresEventStore implements AutoCloseable {

    /** Receives the records the database rejected; runs before the commit, and a failure aborts the batch. */
    @FunctionalInterface
    public interface RejectionSink {
        void accept(List<Rejection> rejections) throws Exception;
    }

    /** What a committed batch did. */
    public record WriteResult(int written, int stale, int deleted, List<Rejection> rejected) {
    }

    private static final Logger log = LoggerFactory.getLogger(PostgresEventStore.class);

    // Deletes join an unnest() instead of "= ANY(?)": with a cached generic plan, "= ANY" may scan the whole table
    // once per array element, which made a batch of 500 take a second on a table of 20,000 rows.
    private static final String DELETE_EVENTS =
            "DELETE FROM events e USING unnest(?::varchar[]) AS d(event_id) WHERE e.event_id = d.event_id";

    private static final String RECORD_MERGES = """
            INSERT INTO event_merges (absorbed_event_id, survivor_event_id)
            SELECT * FROM unnest(?::varchar[], ?::varchar[])
            ON CONFLICT (absorbed_event_id) DO UPDATE SET survivor_event_id = EXCLUDED.survivor_event_id,
                recorded_at = now()
            WHERE event_merges.survivor_event_id <> EXCLUDED.survivor_event_id""";

    // A snapshot first updates its event if the stored version is older, else it inserts the event if it is missing.
    // Knowing which happened lets the child rows of a new event be plainly inserted and those of an updated one
    // be compared with the stored rows; a single INSERT ... ON CONFLICT DO UPDATE cannot tell them apart.
    private static final String EVENT_ROWS = """
            unnest(?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::text[],
                   ?::int[], ?::int[], ?::text[], ?::text[])
                 AS i(event_id, version, first_seen_ms, first_published_ms, last_updated_ms, event_day, title, summary,
                      independent_sources, article_count, change, snapshot)""";

    private static final String UPDATE_EVENTS = """
            UPDATE events AS e SET
                version = i.version,
                first_seen_at = 'epoch'::timestamptz + i.first_seen_ms * interval '1 millisecond',
                first_published_at = 'epoch'::timestamptz + i.first_published_ms * interval '1 millisecond',
                last_updated_at = 'epoch'::timestamptz + i.last_updated_ms * interval '1 millisecond',
                event_date = DATE '1970-01-01' + i.event_day, title = i.title, summary = i.summary,
                independent_sources = i.independent_sources, article_count = i.article_count, change = i.change,
                snapshot = i.snapshot::jsonb, written_at = now()
            FROM %s
            WHERE e.event_id = i.event_id AND e.version < i.version
            RETURNING e.event_id""".formatted(EVENT_ROWS);

    // An absorbed event is never in "events" (it is deleted when its merge is recorded), so only the insert needs
    // the merge guard. DO NOTHING: a row that exists by now is left to a second UPDATE (see apply).
    private static final String INSERT_EVENTS = """
            INSERT INTO events (event_id, version, first_seen_at, first_published_at, last_updated_at, event_date, title,
                                summary, independent_sources, article_count, change, snapshot, written_at)
            SELECT i.event_id, i.version,
                   'epoch'::timestamptz + i.first_seen_ms * interval '1 millisecond',
                   'epoch'::timestamptz + i.first_published_ms * interval '1 millisecond',
                   'epoch'::timestamptz + i.last_updated_ms * interval '1 millisecond',
                   DATE '1970-01-01' + i.event_day, i.title, i.summary, i.independent_sources, i.article_count,
                   i.change, i.snapshot::jsonb, now()
            FROM %s
            WHERE NOT EXISTS (SELECT 1 FROM event_merges m WHERE m.absorbed_event_id = i.event_id)
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""".formatted(EVENT_ROWS);

    private static final String DELETE_COUNTRIES =
            "DELETE FROM event_countries c USING unnest(?::varchar[]) AS d(event_id) WHERE c.event_id = d.event_id";
    private static final String DELETE_OFFICIALS =
            "DELETE FROM event_officials c USING unnest(?::varchar[]) AS d(event_id) WHERE c.event_id = d.event_id";

    // A new event has no child rows yet (they are deleted with their event, in the same transaction): plain inserts.
    private static final String INSERT_COUNTRIES = """
            INSERT INTO event_countries (event_id, position, code, name, mentions, in_title_or_lead)
            SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::int[], ?::boolean[])""";

    private static final String INSERT_OFFICIALS = """
            INSERT INTO event_officials (event_id, position, official_key, name, role, role_as_written, country,
                                         mentions)
            SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                 ?::varchar[], ?::int[])""";

    // Child rows of an updated event, keyed by (event_id, position). A newer snapshot mostly repeats the rows of the
    // one before (an event grows by an article at a time), so a row equal to the stored one is skipped (a read, no
    // row lock), others are upserted, and rows past the new snapshot's end are trimmed. Deleting and reinserting
    // every row cost a heap tuple and two or three index entries per unchanged row.
    private static final String UPSERT_COUNTRIES = """
            INSERT INTO event_countries AS c (event_id, position, code, name, mentions, in_title_or_lead)
            SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::int[], ?::boolean[])
                 AS a(event_id, position, code, name, mentions, in_title_or_lead)
            WHERE NOT EXISTS (SELECT 1 FROM event_countries o WHERE o.event_id = a.event_id AND o.position = a.position
                AND (o.code, o.name, o.mentions, o.in_title_or_lead)
                    IS NOT DISTINCT FROM (a.code, a.name, a.mentions, a.in_title_or_lead))
            ON CONFLICT (event_id, position) DO UPDATE SET
                code = EXCLUDED.code, name = EXCLUDED.name, mentions = EXCLUDED.mentions,
                in_title_or_lead = EXCLUDED.in_title_or_lead
            WHERE (c.code, c.name, c.mentions, c.in_title_or_lead)
                  IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.name, EXCLUDED.mentions, EXCLUDED.in_title_or_lead)""";

    private static final String UPSERT_OFFICIALS = """
            INSERT INTO event_officials AS c (event_id, position, official_key, name, role, role_as_written, country,
                                              mentions)
            SELECT * FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                 ?::varchar[], ?::int[])
                 AS a(event_id, position, official_key, name, role, role_as_written, country, mentions)
            WHERE NOT EXISTS (SELECT 1 FROM event_officials o WHERE o.event_id = a.event_id AND o.position = a.position
                AND (o.official_key, o.name, o.role, o.role_as_written, o.country, o.mentions)
                    IS NOT DISTINCT FROM (a.official_key, a.name, a.role, a.role_as_written, a.country, a.mentions))
            ON CONFLICT (event_id, position) DO UPDATE SET
                official_key = EXCLUDED.official_key, name = EXCLUDED.name, role = EXCLUDED.role,
                role_as_written = EXCLUDED.role_as_written, country = EXCLUDED.country, mentions = EXCLUDED.mentions
            WHERE (c.official_key, c.name, c.role, c.role_as_written, c.country, c.mentions)
                  IS DISTINCT FROM (EXCLUDED.official_key, EXCLUDED.name, EXCLUDED.role, EXCLUDED.role_as_written,
                                    EXCLUDED.country, EXCLUDED.mentions)""";

    /** Rows at or past each event's new row count; %s is the child table. */
    private static final String TRIM_CHILDREN = """
            DELETE FROM %s c USING unnest(?::varchar[], ?::int[]) AS d(event_id, row_count)
            WHERE c.event_id = d.event_id AND c.position >= d.row_count""";

    // An article's records all come through one partition, hence one writer, in order: the latest simply wins.
    private static final String UPSERT_MEMBERS = """
            INSERT INTO event_articles AS c (article_id, event_id, event_version, source, url, title, published_at,
                                             score, copy_of, written_at)
            SELECT a.article_id, a.event_id, a.event_version, a.source, a.url, a.title,
                   'epoch'::timestamptz + a.published_ms * interval '1 millisecond', a.score, a.copy_of, now()
            FROM unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[],
                        ?::bigint[], ?::float8[], ?::varchar[])
                 AS a(article_id, event_id, event_version, source, url, title, published_ms, score, copy_of)
            ON CONFLICT (article_id) DO UPDATE SET
                event_id = EXCLUDED.event_id, event_version = EXCLUDED.event_version, source = EXCLUDED.source,
                url = EXCLUDED.url, title = EXCLUDED.title, published_at = EXCLUDED.published_at,
                score = EXCLUDED.score, copy_of = EXCLUDED.copy_of, written_at = EXCLUDED.written_at""";

    private static final String DELETE_MEMBERS =
            "DELETE FROM event_articles c USING unnest(?::varchar[]) AS d(article_id) WHERE c.article_id = d.article_id";

    private static final String STORE_OFFSETS = """
            INSERT INTO sink_offsets (topic, partition, next_offset, updated_at)
            SELECT t.topic, t.partition, t.next_offset, now()
            FROM unnest(?::varchar[], ?::int[], ?::bigint[]) AS t(topic, partition, next_offset)
            ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset,
                updated_at = EXCLUDED.updated_at""";

    /**
     * Locks event ids until the transaction ends, in one order (sorted keys) so that two writers cannot each hold
     * a lock the other waits for. The first key is the namespace: 0x4e46 ("NF").
     */
    private static final String LOCK_EVENT_IDS = """
            SELECT pg_advisory_xact_lock(20038, k)
            FROM (SELECT DISTINCT hashtext(id) AS k FROM unnest(?::varchar[]) AS ids(id) ORDER BY k) AS keys""";

    private static final String READ_OFFSETS = "SELECT partition, next_offset FROM sink_offsets WHERE topic = ?";

    private final String jdbcUrl;
    private final Properties connectionProperties;
    private Connection connection;

    public PostgresEventStore(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.connectionProperties = new Properties();
        if (user != null) {
            connectionProperties.setProperty("user", user);
        }
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        // A URL may override these; they bound how long a dead server can hold the sink before it notices.
        connectionProperties.setProperty("ApplicationName", "newsflow-sink");
        connectionProperties.setProperty("connectTimeout", "10");
        connectionProperties.setProperty("socketTimeout", "120");
        connectionProperties.setProperty("tcpKeepAlive", "true");
    }

    /** The next offset to read per partition of the topic, as committed with the rows. */
    public Map<TopicPartition, Long> readOffsets(String topic) throws SQLException {
        try {
            Connection c = connection();
            Map<TopicPartition, Long> offsets = new HashMap<>();
            try (PreparedStatement read = c.prepareStatement(READ_OFFSETS)) {
                read.setString(1, topic);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        offsets.put(new TopicPartition(topic, rows.getInt(1)), rows.getLong(2));
                    }
                }
            }
            c.commit();
            return offsets;
        } catch (SQLException | RuntimeException e) {
            discardConnection();
            throw e;
        }
    }

    /**
     * Applies the changes and stores the offsets in one transaction.
     *
     * @param nextOffsets the offset to read next per partition once this batch is in
     * @param rejections  called with the changes the database refused for their content, before the commit
     */
    public WriteResult write(List<EventChange> changes, List<MemberChange> members,
                             Map<TopicPartition, Long> nextOffsets, RejectionSink rejections) throws Exception {
        try {
            Connection c = connection();
            Applied applied;
            List<String> ids = lockedIds(changes);
            lockEventIds(c, ids);
            try {
                applied = apply(c, changes, members);
            } catch (SQLException e) {
                if (!DatabaseErrors.isContentRejection(e)) {
                    throw e;
                }
                c.rollback();
                lockEventIds(c, ids);
                log.info("The database refused part of a batch of {} changes ({}); writing them one by one",
                        changes.size(), e.getMessage());
                applied = applyOneByOne(c, changes, members);
            }
            storeOffsets(c, nextOffsets);
            rejections.accept(applied.rejected);
            c.commit();
            return new WriteResult(applied.written, applied.stale, applied.deleted, applied.rejected);
        } catch (Exception e) {
            discardConnection();
            throw e;
        }
    }

    private Applied applyOneByOne(Connection c, List<EventChange> changes, List<MemberChange> members)
            throws SQLException {
        Applied total = new Applied();
        for (EventChange change : changes) {
            Savepoint savepoint = c.setSavepoint();
            try {
                Applied one = apply(c, List.of(change), List.of());
                c.releaseSavepoint(savepoint);
                total.written += one.written;
                total.stale += one.stale;
                total.deleted += one.deleted;
            } catch (SQLException e) {
                String state = DatabaseErrors.contentState(e);
                if (state == null) {
                    throw e;
                }
                c.rollback(savepoint);
                String what = change.writesSnapshot()
                        ? "event " + change.eventId() + " version " + change.snapshot().getVersion()
                        : "tombstone of event " + change.eventId();
                String reason = "PostgreSQL refused " + what + ": " + e.getMessage();
                log.warn("Dead-lettering {} from {}: {}", what, change.origin(), e.getMessage());
                total.rejected.add(new Rejection(change.origin(), "sqlstate-" + state, reason));
            }
        }
        for (MemberChange member : members) {
            Savepoint savepoint = c.setSavepoint();
            try {
                apply(c, List.of(), List.of(member));
                c.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                String state = DatabaseErrors.contentState(e);
                if (state == null) {
                    throw e;
                }
                c.rollback(savepoint);
                String what = "article " + member.articleId() + (member.deletes() ? " (tombstone)"
                        : " in event " + member.member().getEventId());
                log.warn("Dead-lettering {} from {}: {}", what, member.origin(), e.getMessage());
                total.rejected.add(new Rejection(member.origin(), "sqlstate-" + state,
                        "PostgreSQL refused " + what + ": " + e.getMessage()));
            }
        }
        return total;
    }

    private Applied apply(Connection c, List<EventChange> changes, List<MemberChange> members) throws SQLException {
        Applied applied = new Applied();
        List<String> tombstoned = new ArrayList<>();
        Map<String, String> survivorOfAbsorbed = new LinkedHashMap<>();
        List<EventChange> snapshots = new ArrayList<>();
        for (EventChange change : changes) {
            if (change.deletesFirst()) {
                tombstoned.add(change.eventId());
            }
            if (change.writesSnapshot()) {
                snapshots.add(change);
                for (String absorbed : change.absorbedEventIds()) {
                    survivorOfAbsorbed.put(absorbed, change.eventId());
                }
            }
        }
        if (!tombstoned.isEmpty()) {
            applied.deleted += deleteEvents(c, tombstoned);
        }
        if (!survivorOfAbsorbed.isEmpty()) {
            recordMerges(c, survivorOfAbsorbed);
            applied.deleted += deleteEvents(c, List.copyOf(survivorOfAbsorbed.keySet()));
        }
        if (!snapshots.isEmpty()) {
            Map<String, String> json = new HashMap<>();
            Set<String> updated = writeEvents(c, UPDATE_EVENTS, snapshots, json);
            List<EventChange> notUpdated = without(snapshots, updated);
            Set<String> inserted = writeEvents(c, INSERT_EVENTS, notUpdated, json);
            // Neither updated nor inserted: a stale snapshot, or another writer inserted the event in between.
            List<EventChange> skipped = without(notUpdated, inserted);
            updated.addAll(writeEvents(c, UPDATE_EVENTS, skipped, json));
            applied.written = updated.size() + inserted.size();
            applied.stale = snapshots.size() - applied.written;
            insertChildren(c, snapshotsOf(snapshots, inserted));
            updateChildren(c, snapshotsOf(snapshots, updated));
        }
        writeMembers(c, members);
        return applied;
    }

    /** Deletes events with their child rows (the schema has no cascading foreign keys, see V1). */
    private int deleteEvents(Connection c, List<String> eventIds) throws SQLException {
        Array ids = c.createArrayOf("varchar", eventIds.toArray(String[]::new));
        deleteChildren(c, ids);
        try (PreparedStatement delete = c.prepareStatement(DELETE_EVENTS)) {
            delete.setArray(1, ids);
            return delete.executeUpdate();
        }
    }

    private void deleteChildren(Connection c, Array eventIds) throws SQLException {
        // event_articles rows are not the event's to delete: they follow the event-articles topic (see V3)
        for (String sql : List.of(DELETE_COUNTRIES, DELETE_OFFICIALS)) {
            try (PreparedStatement delete = c.prepareStatement(sql)) {
                delete.setArray(1, eventIds);
                delete.executeUpdate();
            }
        }
    }

    /** Every event id whose rows the changes may touch. */
    private static List<String> lockedIds(List<EventChange> changes) {
        Set<String> ids = new HashSet<>();
        for (EventChange change : changes) {
            ids.add(change.eventId());
            if (change.writesSnapshot()) {
                ids.addAll(change.absorbedEventIds());
            }
        }
        return List.copyOf(ids);
    }

    private void lockEventIds(Connection c, Collection<String> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = c.prepareStatement(LOCK_EVENT_IDS)) {
            lock.setArray(1, c.createArrayOf("varchar", eventIds.toArray(String[]::new)));
            lock.execute();
        }
    }

    private void recordMerges(Connection c, Map<String, String> survivorOfAbsorbed) throws SQLException {
        try (PreparedStatement merges = c.prepareStatement(RECORD_MERGES)) {
            merges.setArray(1, c.createArrayOf("varchar", survivorOfAbsorbed.keySet().toArray(String[]::new)));
            merges.setArray(2, c.createArrayOf("varchar", survivorOfAbsorbed.values().toArray(String[]::new)));
            merges.executeUpdate();
        }
    }

    private static List<EventChange> without(List<EventChange> changes, Set<String> eventIds) {
        return changes.stream().filter(change -> !eventIds.contains(change.eventId())).toList();
    }

    private static List<NewsEvent> snapshotsOf(List<EventChange> changes, Set<String> eventIds) {
        return changes.stream().filter(change -> eventIds.contains(change.eventId())).map(EventChange::snapshot)
                .toList();
    }

    /** Runs UPDATE_EVENTS or INSERT_EVENTS; returns the ids written. {@code json} keeps each snapshot's JSON. */
    private Set<String> writeEvents(Connection c, String sql, List<EventChange> snapshots, Map<String, String> json)
            throws SQLException {
        int n = snapshots.size();
        if (n == 0) {
            return new HashSet<>();
        }
        String[] ids = new String[n];
        Long[] versions = new Long[n];
        Long[] firstSeen = new Long[n];
        Long[] firstPublished = new Long[n];
        String[] changes = new String[n];
        Long[] lastUpdated = new Long[n];
        Integer[] eventDays = new Integer[n];
        String[] titles = new String[n];
        String[] summaries = new String[n];
        Integer[] independentSources = new Integer[n];
        Integer[] articleCounts = new Integer[n];
        String[] jsons = new String[n];
        for (int i = 0; i < n; i++) {
            NewsEvent event = snapshots.get(i).snapshot();
            ids[i] = snapshots.get(i).eventId();
            versions[i] = event.getVersion();
            firstSeen[i] = event.getFirstSeenAt().toEpochMilli();
            firstPublished[i] = event.getFirstPublishedAt() == null ? null : event.getFirstPublishedAt().toEpochMilli();
            changes[i] = event.getChange().name();
            lastUpdated[i] = event.getLastUpdatedAt().toEpochMilli();
            eventDays[i] = event.getEventDate() == null ? null : Math.toIntExact(event.getEventDate().toEpochDay());
            titles[i] = event.getTitle();
            summaries[i] = event.getSummary();
            independentSources[i] = event.getIndependentSources();
            // 0 in snapshots of schema version 1, which list every member
            articleCounts[i] = event.getArticleCount() > 0 ? event.getArticleCount() : event.getArticles().size();
            jsons[i] = json.computeIfAbsent(ids[i], id -> SnapshotJson.of(event));
        }
        try (PreparedStatement upsert = c.prepareStatement(sql)) {
            int p = 1;
            upsert.setArray(p++, c.createArrayOf("varchar", ids));
            upsert.setArray(p++, c.createArrayOf("int8", versions));
            upsert.setArray(p++, c.createArrayOf("int8", firstSeen));
            upsert.setArray(p++, c.createArrayOf("int8", firstPublished));
            upsert.setArray(p++, c.createArrayOf("int8", lastUpdated));
            upsert.setArray(p++, c.createArrayOf("int4", eventDays));
            upsert.setArray(p++, c.createArrayOf("text", titles));
            upsert.setArray(p++, c.createArrayOf("text", summaries));
            upsert.setArray(p++, c.createArrayOf("int4", independentSources));
            upsert.setArray(p++, c.createArrayOf("int4", articleCounts));
            upsert.setArray(p++, c.createArrayOf("text", changes));
            upsert.setArray(p, c.createArrayOf("text", jsons));
            Set<String> written = new HashSet<>();
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    written.add(rows.getString(1));
                }
            }
            return written;
        }
    }

    private void insertChildren(Connection c, List<NewsEvent> events) throws SQLException {
        if (!events.isEmpty()) {
            writeCountries(c, INSERT_COUNTRIES, events);
            writeOfficials(c, INSERT_OFFICIALS, events);
        }
    }

    private void updateChildren(Connection c, List<NewsEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        writeCountries(c, UPSERT_COUNTRIES, events);
        writeOfficials(c, UPSERT_OFFICIALS, events);
        Array ids = c.createArrayOf("varchar", events.stream().map(NewsEvent::getEventId).toArray(String[]::new));
        trim(c, "event_countries", ids, events.stream().map(e -> e.getCountries().size()));
        trim(c, "event_officials", ids, events.stream().map(e -> e.getOfficials().size()));
    }

    private void trim(Connection c, String table, Array eventIds, Stream<Integer> rowCounts) throws SQLException {
        try (PreparedStatement trim = c.prepareStatement(TRIM_CHILDREN.formatted(table))) {
            trim.setArray(1, eventIds);
            trim.setArray(2, c.createArrayOf("int4", rowCounts.toArray(Integer[]::new)));
            trim.executeUpdate();
        }
    }

    /** The articles' latest events (upserts) and the tombstoned ones (deletes). */
    private void writeMembers(Connection c, List<MemberChange> members) throws SQLException {
        List<MemberChange> upserts = members.stream().filter(m -> !m.deletes()).toList();
        List<String> deletes = members.stream().filter(MemberChange::deletes).map(MemberChange::articleId).toList();
        if (!deletes.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement(DELETE_MEMBERS)) {
                delete.setArray(1, c.createArrayOf("varchar", deletes.toArray(String[]::new)));
                delete.executeUpdate();
            }
        }
        if (upserts.isEmpty()) {
            return;
        }
        int n = upserts.size();
        String[] articleIds = new String[n];
        String[] eventIds = new String[n];
        Long[] versions = new Long[n];
        String[] sources = new String[n];
        String[] urls = new String[n];
        String[] titles = new String[n];
        Long[] published = new Long[n];
        Double[] scores = new Double[n];
        String[] copyOf = new String[n];
        for (int i = 0; i < n; i++) {
            EventMember member = upserts.get(i).member();
            articleIds[i] = upserts.get(i).articleId();
            eventIds[i] = member.getEventId();
            versions[i] = member.getEventVersion();
            sources[i] = member.getSource();
            urls[i] = member.getUrl();
            titles[i] = member.getTitle();
            published[i] = member.getPublishedAt() == null ? null : member.getPublishedAt().toEpochMilli();
            scores[i] = member.getScore();
            copyOf[i] = member.getCopyOf();
        }
        try (PreparedStatement upsert = c.prepareStatement(UPSERT_MEMBERS)) {
            int p = 1;
            upsert.setArray(p++, c.createArrayOf("varchar", articleIds));
            upsert.setArray(p++, c.createArrayOf("varchar", eventIds));
            upsert.setArray(p++, c.createArrayOf("int8", versions));
            upsert.setArray(p++, c.createArrayOf("varchar", sources));
            upsert.setArray(p++, c.createArrayOf("varchar", urls));
            upsert.setArray(p++, c.createArrayOf("varchar", titles));
            upsert.setArray(p++, c.createArrayOf("int8", published));
            upsert.setArray(p++, c.createArrayOf("float8", scores));
            upsert.setArray(p, c.createArrayOf("varchar", copyOf));
            upsert.executeUpdate();
        }
    }

    private void writeCountries(Connection c, String sql, List<NewsEvent> events) throws SQLException {
        List<String> eventIds = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> mentions = new ArrayList<>();
        List<Boolean> inTitleOrLead = new ArrayList<>();
        for (NewsEvent event : events) {
            int position = 0;
            for (CountryTag country : event.getCountries()) {
                eventIds.add(event.getEventId());
                positions.add(position++);
                codes.add(country.getCode());
                names.add(country.getName());
                mentions.add(country.getMentions());
                inTitleOrLead.add(country.getInTitleOrLead());
            }
        }
        if (eventIds.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setArray(1, c.createArrayOf("varchar", eventIds.toArray(String[]::new)));
            insert.setArray(2, c.createArrayOf("int4", positions.toArray(Integer[]::new)));
            insert.setArray(3, c.createArrayOf("varchar", codes.toArray(String[]::new)));
            insert.setArray(4, c.createArrayOf("varchar", names.toArray(String[]::new)));
            insert.setArray(5, c.createArrayOf("int4", mentions.toArray(Integer[]::new)));
            insert.setArray(6, c.createArrayOf("bool", inTitleOrLead.toArray(Boolean[]::new)));
            insert.executeUpdate();
        }
    }

    private void writeOfficials(Connection c, String sql, List<NewsEvent> events) throws SQLException {
        List<String> eventIds = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<String> rolesAsWritten = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        List<Integer> mentions = new ArrayList<>();
        for (NewsEvent event : events) {
            int position = 0;
            for (OfficialTag official : event.getOfficials()) {
                eventIds.add(event.getEventId());
                positions.add(position++);
                keys.add(official.getKey());
                names.add(official.getName());
                roles.add(official.getRole());
                rolesAsWritten.add(official.getRoleAsWritten());
                countries.add(official.getCountry());
                mentions.add(official.getMentions());
            }
        }
        if (eventIds.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setArray(1, c.createArrayOf("varchar", eventIds.toArray(String[]::new)));
            insert.setArray(2, c.createArrayOf("int4", positions.toArray(Integer[]::new)));
            insert.setArray(3, c.createArrayOf("varchar", keys.toArray(String[]::new)));
            insert.setArray(4, c.createArrayOf("varchar", names.toArray(String[]::new)));
            insert.setArray(5, c.createArrayOf("varchar", roles.toArray(String[]::new)));
            insert.setArray(6, c.createArrayOf("varchar", rolesAsWritten.toArray(String[]::new)));
            insert.setArray(7, c.createArrayOf("varchar", countries.toArray(String[]::new)));
            insert.setArray(8, c.createArrayOf("int4", mentions.toArray(Integer[]::new)));
            insert.executeUpdate();
        }
    }

    private void storeOffsets(Connection c, Map<TopicPartition, Long> nextOffsets) throws SQLException {
        if (nextOffsets.isEmpty()) {
            return;
        }
        List<Map.Entry<TopicPartition, Long>> entries = new ArrayList<>(nextOffsets.entrySet());
        try (PreparedStatement store = c.prepareStatement(STORE_OFFSETS)) {
            store.setArray(1, c.createArrayOf("varchar", entries.stream().map(e -> e.getKey().topic()).toArray(String[]::new)));
            store.setArray(2, c.createArrayOf("int4", entries.stream().map(e -> e.getKey().partition()).toArray(Integer[]::new)));
            store.setArray(3, c.createArrayOf("int8", entries.stream().map(Map.Entry::getValue).toArray(Long[]::new)));
            store.executeUpdate();
        }
    }

    /** Checks that the database answers; used while idle so that health reflects a database that went away. */
    public void ping() throws SQLException {
        try {
            Connection c = connection();
            if (!c.isValid(10)) {
                throw new SQLException("the connection to PostgreSQL is no longer valid", "08006");
            }
        } catch (SQLException | RuntimeException e) {
            discardConnection();
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = DriverManager.getConnection(jdbcUrl, connectionProperties);
            try (Statement set = c.createStatement()) {
                // Every statement joins one batch of ids to a table by (a prefix of) its primary key, so one index
                // lookup per id is the right plan at any table size. Without statistics (a table filled since
                // the last ANALYZE) the planner guessed many rows per id and picked a hash join over a whole-table
                // scan, then kept it as the cached generic plan: a cost per batch that grew with the table.
                set.execute("SET enable_hashjoin = off");
                set.execute("SET enable_mergejoin = off");
                c.setAutoCommit(false);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    /** After any failure the connection may be broken or mid-transaction: start over with a fresh one. */
    private void discardConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is going away anyway.
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing more to do with a broken connection.
        }
        connection = null;
    }

    @Override
    public void close() {
        discardConnection();
    }

    private static final class Applied {
        int written;
        int stale;
        int deleted;
        final List<Rejection> rejected = new ArrayList<>();
    }
}
