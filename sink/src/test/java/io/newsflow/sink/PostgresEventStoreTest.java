package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.sink.changes.ChangeBatch;
import io.newsflow.sink.changes.RecordOrigin;
import io.newsflow.sink.changes.Rejection;
import io.newsflow.sink.postgres.PostgresEventStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL writer against a real server: version guard, children, merges, tombstones, rejections. */
class PostgresEventStoreTest {

    private static final String TOPIC = "events";

    private String jdbcUrl;
    private PostgresEventStore store;
    private final List<Rejection> deadLetters = new ArrayList<>();
    private long offset;

    @BeforeEach
    void migrate() {
        jdbcUrl = TestPostgres.shared().newDatabase("store");
        assertThat(SinkMigrations.migrate(jdbcUrl, "postgres", "")).isGreaterThan(0);
        assertThat(SinkMigrations.migrate(jdbcUrl, "postgres", "")).isZero();
        store = new PostgresEventStore(jdbcUrl, "postgres", "");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void writesEventWithItsArticlesCountriesAndOfficialsAndSnapshot() throws Exception {
        write(withMembers(Snapshots.event("e1", 3)));

        assertThat(query("SELECT version, title, article_count, event_date IS NULL, first_seen_at = "
                + "timestamptz '2026-06-01 08:00:00Z', last_updated_at = timestamptz '2026-06-01 08:03:00Z' "
                + "FROM events")).containsExactly("3|Event e1 v3|3|t|t|t");
        assertThat(query("SELECT article_id, event_id, event_version, url, published_at IS NOT NULL FROM event_articles "
                + "ORDER BY article_id")).containsExactly("e1-a0|e1|3|https://news.example/e1/0|t", "e1-a1|e1|3|null|f",
                "e1-a2|e1|3|https://news.example/e1/2|t");
        assertThat(query("SELECT code, mentions, in_title_or_lead FROM event_countries ORDER BY position"))
                .containsExactly("KR|3|t", "CN|1|f");
        assertThat(query("SELECT official_key, role, country FROM event_officials"))
                .containsExactly("kim hong kyun|vice foreign minister|KR");
        assertThat(query("SELECT snapshot->>'eventId', snapshot->>'firstSeenAt', "
                + "jsonb_array_length(snapshot->'articles') FROM events"))
                .containsExactly("e1|2026-06-01T08:00:00Z|3");
        assertThat(query("SELECT partition, next_offset FROM sink_offsets WHERE topic = 'events'"))
                .containsExactly("0|1");
        assertThat(query("SELECT partition, next_offset FROM sink_offsets WHERE topic = 'event-articles'"))
                .containsExactly("0|" + offset);
    }

    @Test
    void neverLetsAnOlderSnapshotOverwriteANewerOne() throws Exception {
        write(snapshot(Snapshots.event("e1", 5)));
        write(snapshot(Snapshots.event("e1", 3)));
        write(snapshot(Snapshots.event("e1", 5)));

        assertThat(query("SELECT version, article_count FROM events")).containsExactly("5|5");

        write(snapshot(Snapshots.event("e1", 6)));
        assertThat(query("SELECT version, article_count FROM events")).containsExactly("6|6");
    }

    @Test
    void newerSnapshotLeavesExactlyItsOwnChildRows() throws Exception {
        write(snapshot(Snapshots.event("e1", 4)));
        NewsEvent.Builder newer = Snapshots.builder("e1", 5);
        List<EventArticle> articles = new ArrayList<>(newer.getArticles().subList(1, 3));
        articles.set(1, EventArticle.newBuilder(articles.get(1)).setCopyOf("e1-a1").setScore(0.5).build());
        write(snapshot(newer.setArticles(articles)
                .setCountries(List.of(CountryTag.newBuilder().setCode("JP").setName("Japan").setMentions(4).build()))
                .setOfficials(List.of()).build()));

        assertThat(query("SELECT position, code, mentions, in_title_or_lead FROM event_countries"))
                .containsExactly("0|JP|4|f");
        assertThat(query("SELECT count(*) FROM event_officials")).containsExactly("0");

        // An older snapshot changes nothing, children included; a newer one with more rows adds them.
        write(snapshot(Snapshots.event("e1", 4)));
        assertThat(query("SELECT count(*) FROM event_countries")).containsExactly("1");
        write(snapshot(Snapshots.event("e1", 6)));
        assertThat(query("SELECT string_agg(code || mentions, ',' ORDER BY position) FROM event_countries"))
                .containsExactly("KR3,CN1");
        assertThat(query("SELECT count(*) FROM event_officials")).containsExactly("1");
    }

    @Test
    void keepsTheNewestVersionWithinOneBatch() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(origin(), Snapshots.event("e1", 4));
        batch.addSnapshot(origin(), Snapshots.event("e1", 2));
        batch.addSnapshot(origin(), Snapshots.event("e2", 1));
        write(batch);

        assertThat(query("SELECT event_id, version FROM events ORDER BY event_id")).containsExactly("e1|4", "e2|1");
    }

    @Test
    void tombstoneDeletesTheEventAndItsRows() throws Exception {
        write(snapshot(Snapshots.event("e1", 2)));
        ChangeBatch batch = new ChangeBatch();
        batch.addTombstone(origin(), "e1");
        write(batch);

        assertThat(query("SELECT count(*) FROM events")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM event_countries")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM event_officials")).containsExactly("0");
    }

    @Test
    void articleRowsFollowTheEventArticlesRecordsAlone() throws Exception {
        write(withMembers(Snapshots.event("x", 2)));
        write(withMembers(Snapshots.event("y", 1)));
        // a merge moves x's articles to y: new records for them; x's tombstone leaves them to those records
        NewsEvent y = Snapshots.builder("y", 2).setAbsorbedEventIds(List.of("x")).build();
        ChangeBatch merge = snapshot(y);
        merge.addTombstone(origin(), "x");
        for (String article : List.of("x-a0", "x-a1")) {
            merge.addMember(memberOrigin(), article, EventMember.newBuilder(Snapshots.members(y).get(1))
                    .setArticleId(article).build());
        }
        write(merge);
        assertThat(query("SELECT string_agg(article_id || '>' || event_id || '@' || event_version, ',' "
                + "ORDER BY article_id) FROM event_articles")).containsExactly("x-a0>y@2,x-a1>y@2,y-a0>y@1");

        // the tombstone of an expired event's article deletes its row; the latest record in a batch wins
        ChangeBatch expiry = new ChangeBatch();
        expiry.addMember(memberOrigin(), "x-a1", Snapshots.members(Snapshots.event("x", 2)).get(1));
        expiry.addMember(memberOrigin(), "x-a1", null);
        expiry.addMember(memberOrigin(), "y-a0", null);
        write(expiry);
        assertThat(query("SELECT article_id FROM event_articles")).containsExactly("x-a0");
    }

    @Test
    void mergedAwayEventIsRemovedAndNeverComesBackWhateverTheOrder() throws Exception {
        write(snapshot(Snapshots.event("x", 2)));
        write(snapshot(Snapshots.builder("s", 4).setAbsorbedEventIds(List.of("x")).build()));
        // A late snapshot of the absorbed event (another partition may lag behind) must not revive it.
        write(snapshot(Snapshots.event("x", 3)));
        ChangeBatch tombstone = new ChangeBatch();
        tombstone.addTombstone(origin(), "x");
        write(tombstone);

        assertThat(query("SELECT event_id, version FROM events")).containsExactly("s|4");
        assertThat(query("SELECT absorbed_event_id, survivor_event_id FROM event_merges")).containsExactly("x|s");
        assertThat(query("SELECT count(DISTINCT event_id) FROM event_countries WHERE code = 'KR'"))
                .containsExactly("1");
    }

    @Test
    void tombstoneBeforeSurvivorEndsTheSame() throws Exception {
        write(snapshot(Snapshots.event("x", 2)));
        ChangeBatch tombstone = new ChangeBatch();
        tombstone.addTombstone(origin(), "x");
        write(tombstone);
        write(snapshot(Snapshots.builder("s", 4).setAbsorbedEventIds(List.of("x")).build()));

        assertThat(query("SELECT event_id FROM events")).containsExactly("s");
        assertThat(query("SELECT absorbed_event_id, survivor_event_id FROM event_merges")).containsExactly("x|s");
    }

    @Test
    void refusedContentGoesToDeadLettersAndTheRestOfTheBatchIsWritten() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(origin(), Snapshots.event("ok1", 1));
        RecordOrigin tooLongOrigin = origin();
        batch.addSnapshot(tooLongOrigin, Snapshots.builder("long", 1).setTitle("T".repeat(5000)).build());
        RecordOrigin nulOrigin = origin();
        batch.addSnapshot(nulOrigin, Snapshots.builder("nul", 1).setSummary("bad \u0000 byte").build());
        batch.addSnapshot(origin(), Snapshots.event("ok2", 2));
        PostgresEventStore.WriteResult result = write(batch);

        assertThat(result.written()).isEqualTo(2);
        assertThat(query("SELECT event_id FROM events ORDER BY event_id")).containsExactly("ok1", "ok2");
        assertThat(deadLetters).extracting(Rejection::origin).containsExactly(tooLongOrigin, nulOrigin);
        assertThat(deadLetters.get(0).errorClass()).isEqualTo("sqlstate-22001");
        assertThat(deadLetters.get(0).reason()).contains("event long version 1").contains("too long");
        assertThat(deadLetters.get(1).errorClass()).startsWith("sqlstate-22");
        assertThat(query("SELECT next_offset FROM sink_offsets")).containsExactly(String.valueOf(offset));
    }

    @Test
    void failedDeadLetterDeliveryRollsBackRowsAndOffsets() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(origin(), Snapshots.event("ok", 1));
        batch.addSnapshot(origin(), Snapshots.builder("long", 1).setTitle("T".repeat(5000)).build());
        try {
            store.write(batch.changes(), batch.memberChanges(), batch.nextOffsets(), rejected -> {
                throw new IllegalStateException("broker unreachable");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("broker unreachable");
        }
        assertThat(query("SELECT count(*) FROM events")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM sink_offsets")).containsExactly("0");
    }

    @Test
    void readsBackTheOffsetsItStored() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(new RecordOrigin(TOPIC, 0, 41, null), Snapshots.event("a", 1));
        batch.addSnapshot(new RecordOrigin(TOPIC, 2, 7, null), Snapshots.event("b", 1));
        store.write(batch.changes(), batch.memberChanges(), batch.nextOffsets(), deadLetters::addAll);

        assertThat(store.readOffsets(TOPIC)).isEqualTo(Map.of(new TopicPartition(TOPIC, 0), 42L,
                new TopicPartition(TOPIC, 2), 8L));
        assertThat(store.readOffsets("other")).isEmpty();
    }

    /** The snapshot and its event-articles records (on their own topic), as enrich publishes them. */
    private ChangeBatch withMembers(NewsEvent event) {
        ChangeBatch batch = snapshot(event);
        Snapshots.members(event).forEach(m -> batch.addMember(memberOrigin(), m.getArticleId(), m));
        return batch;
    }

    private RecordOrigin memberOrigin() {
        return new RecordOrigin("event-articles", 0, offset++, new byte[] {1, 2, 3});
    }

    private ChangeBatch snapshot(NewsEvent event) {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(origin(), event);
        return batch;
    }

    private RecordOrigin origin() {
        return new RecordOrigin(TOPIC, 0, offset++, new byte[] {1, 2, 3});
    }

    private PostgresEventStore.WriteResult write(ChangeBatch batch) throws Exception {
        return store.write(batch.changes(), batch.memberChanges(), batch.nextOffsets(), deadLetters::addAll);
    }

    private List<String> query(String sql) throws SQLException {
        return Db.query(jdbcUrl, sql);
    }
}
