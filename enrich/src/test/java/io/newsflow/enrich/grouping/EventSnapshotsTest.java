package io.newsflow.enrich.grouping;

import io.newsflow.enrich.grouping.state.EventState;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.EventChange;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bound of a snapshot (NewsEvent's doc): whatever the event holds, its record stays under the topic's limit. */
class EventSnapshotsTest {

    /** The worst case docs/consumers.md states: every list full and every text at its cut. */
    private static final int WORST_CASE_BYTES = 512 * 1024;

    @Test
    void aSnapshotOfAnEventWithEverythingOversizedStaysBounded() {
        EventState event = new EventState("ev-oversized");
        event.version = 7;
        event.title = "\u6F22".repeat(10_000); // 3 bytes a char
        event.summary = "S".repeat(10_000);
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            evidence.add("official " + i + " " + "n".repeat(1_000));
        }
        for (int i = 0; i < 5_000; i++) {
            event.members.add(new EventState.Member("article-" + i, "source ".repeat(500), "https://" + "u".repeat(10_000),
                    "headline ".repeat(500), (long) i, i, 0.5, evidence, evidence, 1.0, i % 2 == 0 ? null : "article-0"));
        }
        for (int i = 0; i < 300; i++) {
            event.countries.put("C" + i, new EventState.CountryCount("C" + i, "country ".repeat(200), i, true));
            event.officials.put("o" + i, new EventState.OfficialCount("name ".repeat(500), "key ".repeat(500),
                    "role ".repeat(500), "as written ".repeat(500), "KR", i));
            event.absorbedEventIds.add("ev-absorbed-" + i);
        }

        NewsEvent snapshot = EventSnapshots.snapshot(event, EventChange.UPDATED).build();
        byte[] encoded = Topics.embedded().events().valueSerde().serializer().serialize("events", snapshot);

        assertThat(encoded.length).isLessThan(WORST_CASE_BYTES).isLessThan(Topics.MAX_EVENT_RECORD_BYTES);
        assertThat(snapshot.getArticleCount()).isEqualTo(5_000);
        assertThat(snapshot.getArticles()).hasSize(EventSnapshots.LISTED_ARTICLES);
        assertThat(snapshot.getArticles().get(0).getArticleId()).isEqualTo("article-0");
        assertThat(snapshot.getArticles().get(0).getScore()).isEqualTo(1.0);
        assertThat(snapshot.getArticles().subList(1, EventSnapshots.LISTED_ARTICLES)).extracting(EventArticle::getArticleId)
                .first().isEqualTo("article-" + (5_000 - EventSnapshots.LISTED_ARTICLES + 1));
        assertThat(snapshot.getCountries()).hasSize(EventSnapshots.LISTED_COUNTRIES);
        assertThat(snapshot.getCountries().get(0).getMentions()).as("the most mentioned first").isEqualTo(299);
        assertThat(snapshot.getOfficials()).hasSize(EventSnapshots.LISTED_OFFICIALS);
        assertThat(snapshot.getAbsorbedEventIds()).hasSize(EventSnapshots.LISTED_ABSORBED_IDS)
                .last().isEqualTo("ev-absorbed-299");
        assertThat(snapshot.getTitle()).hasSize(EventSnapshots.MAX_TEXT / 3);
        assertThat(snapshot.getArticles().get(1).getUrl()).hasSize(EventSnapshots.MAX_URL);
        assertThat(snapshot.getArticles().get(1).getSharedOfficials()).hasSize(EventSnapshots.LISTED_EVIDENCE);
    }

    @Test
    void aSmallEventIsListedWhole() {
        assertThat(EventSnapshots.listedMembers(0)).isEmpty();
        assertThat(EventSnapshots.listedMembers(3)).containsExactly(0, 1, 2);
        assertThat(EventSnapshots.listedMembers(EventSnapshots.LISTED_ARTICLES)).hasSize(EventSnapshots.LISTED_ARTICLES);
        assertThat(EventSnapshots.listedMembers(EventSnapshots.LISTED_ARTICLES + 1)).hasSize(EventSnapshots.LISTED_ARTICLES)
                .startsWith(0, 2);
    }

    @Test
    void textIsCutToItsUtf8BytesAtACharacterBoundary() {
        String emoji = "\uD83D\uDE00";
        assertThat(EventSnapshots.cut("ab" + emoji, 5)).isEqualTo("ab");
        assertThat(EventSnapshots.cut("ab" + emoji, 6)).isEqualTo("ab" + emoji);
        assertThat(EventSnapshots.cut("\u6F22\u5B57\u6F22\u5B57", 7)).isEqualTo("\u6F22\u5B57");
        assertThat(EventSnapshots.cut("abc", 3)).isEqualTo("abc");
        assertThat(EventSnapshots.cut("abcd", 3)).isEqualTo("abc");
        assertThat(EventSnapshots.cut(null, 3)).isNull();
    }
}
