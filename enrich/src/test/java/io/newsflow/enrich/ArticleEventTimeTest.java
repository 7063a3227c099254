package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleEventTimeTest {

    private static final Instant FETCHED = Instant.parse("2026-01-05T10:00:00Z");
    private static final long STREAM_IN_2024 = Instant.parse("2024-06-20T00:00:00Z").toEpochMilli();

    @Test
    void aDatedArticleKeepsItsPublicationTime() {
        Instant published = Instant.parse("2024-06-19T23:36:00Z");
        assertThat(ArticleEventTime.of(article(published, FETCHED), STREAM_IN_2024, FETCHED.toEpochMilli())).isEqualTo(published.toEpochMilli());
    }

    @Test
    void anUndatedArticleInABackFillTakesTheStreamTime() {
        long fetchedJustBefore = FETCHED.minus(Duration.ofMinutes(1)).toEpochMilli();
        assertThat(ArticleEventTime.of(article(null, FETCHED), STREAM_IN_2024, fetchedJustBefore)).isEqualTo(STREAM_IN_2024);
    }

    @Test
    void anUndatedArticleFetchedNearTheStreamTimeTakesItsFetchTime() {
        long stream = FETCHED.minus(Duration.ofMinutes(30)).toEpochMilli();
        assertThat(ArticleEventTime.of(article(null, FETCHED), stream, stream)).isEqualTo(FETCHED.toEpochMilli());
    }

    @Test
    void anUndatedArticleAfterAQuietSpellTakesItsFetchTime() {
        long weekBefore = FETCHED.minus(Duration.ofDays(8)).toEpochMilli();
        assertThat(ArticleEventTime.of(article(null, FETCHED), weekBefore, weekBefore)).isEqualTo(FETCHED.toEpochMilli());
    }

    @Test
    void anUndatedFirstArticleTakesItsFetchTime() {
        assertThat(ArticleEventTime.of(article(null, FETCHED), -1, -1)).isEqualTo(FETCHED.toEpochMilli());
    }

    @Test
    void aPublicationTimeFarAfterTheFetchIsDistrusted() {
        Instant future = FETCHED.plus(Duration.ofDays(3));
        assertThat(ArticleEventTime.of(article(future, FETCHED), -1, -1)).isEqualTo(FETCHED.toEpochMilli());
    }

    private static RawArticle article(Instant published, Instant fetched) {
        return RawArticle.newBuilder().setArticleId("a").setSourceKind(SourceKind.FILE).setSourceId("s")
                .setTitle("t").setBody("b").setPublishedAt(published).setFetchedAt(fetched)
                .setContentHash("h").setMetadata(Map.of()).build();
    }
}
