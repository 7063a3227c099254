package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.OfficialTag;
import io.newsflow.sink.changes.ChangeBatch;
import io.newsflow.sink.changes.RecordOrigin;
import io.newsflow.sink.postgres.PostgresEventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example queries of the sink's README run as written against rows the sink wrote. */
class ExampleQueriesTest {

    private static String jdbcUrl;
    private static List<String> queries;

    @BeforeAll
    static void writeEvents() throws Exception {
        jdbcUrl = TestPostgres.shared().newDatabase("examples");
        SinkMigrations.migrate(jdbcUrl, "postgres", "");
        ChangeBatch batch = new ChangeBatch();
        long offset = 0;
        for (NewsEvent event : List.of(
                event("talks", "2026-06-03T10:00:00Z", List.of("KR", "CN", "JP"), List.of("KR", "CN"), "Yonhap", 3),
                event("visit", "2026-06-02T10:00:00Z", List.of("KR"), List.of("KR"), "Xinhua", 1),
                event("summit", "2026-05-20T10:00:00Z", List.of("CN", "KR"), List.of("KR", "CN"), "Yonhap", 2))) {
            batch.addSnapshot(new RecordOrigin("events", 0, offset++, null), event);
            for (EventMember member : Snapshots.members(event)) {
                batch.addMember(new RecordOrigin("event-articles", 0, offset++, null), member.getArticleId(), member);
            }
        }
        try (PostgresEventStore store = new PostgresEventStore(jdbcUrl, "postgres", "")) {
            store.write(batch.changes(), batch.memberChanges(), batch.nextOffsets(), rejected -> assertThat(rejected).isEmpty());
        }
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher sql = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        queries = new ArrayList<>();
        while (sql.find()) {
            queries.add(sql.group(1).trim().replaceAll(";$", ""));
        }
        assertThat(queries).hasSize(3);
    }

    @Test
    void eventsSinceJuneWithKoreanAndChineseOfficials() throws Exception {
        assertThat(Db.query(jdbcUrl, queries.get(0))).extracting(row -> row.split("\\|")[0])
                .containsExactly("talks");
    }

    @Test
    void mostReportedEventsPerCountry() throws Exception {
        assertThat(Db.query(jdbcUrl, queries.get(1))).containsExactly(
                "CN|talks|Event talks|3|KR,JP",
                "CN|summit|Event summit|2|KR",
                "KR|talks|Event talks|3|CN,JP",
                "KR|summit|Event summit|2|CN",
                "KR|visit|Event visit|1|null");
    }

    @Test
    void eventsReportedByAnOutlet() throws Exception {
        assertThat(Db.query(jdbcUrl, queries.get(2))).containsExactly("summit|Event summit|2", "talks|Event talks|3");
    }

    private static NewsEvent event(String id, String firstSeen, List<String> countries, List<String> officialCountries,
                                   String source, int articles) {
        List<EventArticle> members = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            members.add(EventArticle.newBuilder().setArticleId(id + i).setSource(i == 0 ? source : "Other " + i)
                    .setTitle("Article " + i).build());
        }
        List<CountryTag> countryTags = new ArrayList<>();
        for (String code : countries) {
            countryTags.add(CountryTag.newBuilder().setCode(code).setName(code).setMentions(1).build());
        }
        List<OfficialTag> officials = new ArrayList<>();
        for (String code : officialCountries) {
            officials.add(OfficialTag.newBuilder().setName("Official of " + code).setKey("official " + code)
                    .setCountry(code).setMentions(1).build());
        }
        return Snapshots.builder(id, 1)
                .setTitle("Event " + id)
                .setFirstSeenAt(Instant.parse(firstSeen))
                .setLastUpdatedAt(Instant.parse(firstSeen))
                .setArticles(members)
                .setIndependentSources(articles)
                .setArticleCount(articles)
                .setCountries(countryTags)
                .setOfficials(officials)
                .build();
    }
}
