package io.newsflow.sink.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.OfficialTag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static NewsEvent event() {
        return NewsEvent.newBuilder()
                .setEventId("evt-1")
                .setVersion(3)
                .setFirstSeenAt(Instant.parse("2026-06-01T09:30:00Z"))
                .setLastUpdatedAt(Instant.parse("2026-06-01T10:15:00.250Z"))
                .setEventDate(LocalDate.of(2026, 5, 31))
                .setTitle("Talks in \"Seoul\"\nresume")
                .setSummary("Línea uno")
                .setArticles(List.of(EventArticle.newBuilder().setArticleId("a1").setSource("Yonhap")
                        .setTitle("Talks").setTimeGapHours(Double.NaN).build()))
                .setCountries(List.of(CountryTag.newBuilder().setCode("KR").setName("South Korea").setMentions(2)
                        .build()))
                .setOfficials(List.of(OfficialTag.newBuilder().setName("Kim Hong-kyun").setKey("kim hong kyun")
                        .setMentions(1).build()))
                .setAbsorbedEventIds(List.of("evt-0"))
                .build();
    }

    @Test
    void usesTheAvroFieldNamesInSchemaOrder() throws Exception {
        JsonNode json = JSON.readTree(SnapshotJson.of(event()));

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).isEqualTo(NewsEvent.getClassSchema().getFields().stream().map(Schema.Field::name).toList());
        List<String> articleNames = new ArrayList<>();
        json.get("articles").get(0).fieldNames().forEachRemaining(articleNames::add);
        assertThat(articleNames).isEqualTo(EventArticle.getClassSchema().getFields().stream()
                .map(Schema.Field::name).toList());
    }

    @Test
    void writesTimesAsIsoStringsAndKeepsValues() throws Exception {
        JsonNode json = JSON.readTree(SnapshotJson.of(event()));

        assertThat(json.get("firstSeenAt").asText()).isEqualTo("2026-06-01T09:30:00Z");
        assertThat(json.get("lastUpdatedAt").asText()).isEqualTo("2026-06-01T10:15:00.250Z");
        assertThat(json.get("eventDate").asText()).isEqualTo("2026-05-31");
        assertThat(json.get("version").asLong()).isEqualTo(3);
        assertThat(json.get("title").asText()).isEqualTo("Talks in \"Seoul\"\nresume");
        assertThat(json.get("summary").asText()).isEqualTo("Línea uno");
        assertThat(json.get("articles").get(0).get("url").isNull()).isTrue();
        assertThat(json.get("articles").get(0).get("publishedAt").isNull()).isTrue();
        assertThat(json.get("articles").get(0).get("timeGapHours").isNull()).as("NaN has no JSON form").isTrue();
        assertThat(json.get("countries").get(0).get("code").asText()).isEqualTo("KR");
        assertThat(json.get("officials").get(0).get("key").asText()).isEqualTo("kim hong kyun");
        assertThat(json.get("absorbedEventIds").get(0).asText()).isEqualTo("evt-0");
    }

    @Test
    void isOneLine() {
        assertThat(SnapshotJson.of(event())).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void tombstoneNamesTheEvent() throws Exception {
        JsonNode json = JSON.readTree(SnapshotJson.tombstone("evt-9"));
        assertThat(json.get("eventId").asText()).isEqualTo("evt-9");
        assertThat(json.get("tombstone").asBoolean()).isTrue();
    }
}
