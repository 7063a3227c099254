package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceKind;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ArticleEventTimeTest {

    private static final Instant FETCHED = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void theClockIsTheArrivalTimeWhetherOrNotAPublicationTimeIsKnown() {
        ArticleEventTime time = new ArticleEventTime();
        assertThat(time.extract(record(article(Instant.parse("2008-12-15T07:35:00Z"))), -1)).isEqualTo(FETCHED.toEpochMilli());
        assertThat(time.extract(record(article(null)), FETCHED.toEpochMilli() + 5)).isEqualTo(FETCHED.toEpochMilli());
    }

    @Test
    void aRecordThatIsNoArticleKeepsItsOwnTimestamp() {
        assertThat(new ArticleEventTime().extract(new ConsumerRecord<Object, Object>("t", 0, 0, 42L,
                TimestampType.CREATE_TIME, 0, 0, "k", "v",
                new RecordHeaders(), Optional.empty()), 7))
                .isEqualTo(42);
    }

    private static ConsumerRecord<Object, Object> record(RawArticle article) {
        return new ConsumerRecord<>("raw-articles", 0, 0, "k", article);
    }

    private static RawArticle article(Instant published) {
        return RawArticle.newBuilder().setArticleId("a").setSourceKind(SourceKind.FILE).setSourceId("s")
                .setTitle("t").setBody("b").setPublishedAt(published).setFetchedAt(FETCHED)
                .setContentHash("h").setMetadata(Map.of()).build();
    }
}
