package io.newsflow.enrich.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.CountryMention;
import io.newsflow.enrich.tagging.OfficialMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStateTest {

    @Test
    void storedFormRoundTrips() {
        EventState s = new EventState("ev-1");
        s.version = 4;
        s.firstSeenAt = 10;
        s.lastUpdatedAt = 20;
        s.title = "Title";
        s.summary = "Lead";
        s.members.add(new EventState.Member("a1", "ECNS", null, "T1", null, 10, 1.0, List.of(), List.of(), null, null));
        s.members.add(new EventState.Member("a2", "GT", "https://x/y", "T2", 15L, 15, 0.42, List.of("kim hong kyun"),
                List.of("KR"), 5.0, "a1"));
        s.centroid.put("seoul", 0.5);
        s.names.put("seoul", 2);
        s.days.put(19_892L, 2);
        s.countries.put("KR", new EventState.CountryCount("KR", "South Korea", 3, true));
        s.officials.put("kim hong kyun", new EventState.OfficialCount("Kim Hong-kyun", "kim hong kyun", null, null, "KR", 2));
        s.indexedTerms.add("seoul");
        s.absorbedEventIds.add("ev-0");

        EventState back = EventState.fromBytes(s.toBytes());
        assertThat(back.eventId).isEqualTo("ev-1");
        assertThat(back.version).isEqualTo(4);
        assertThat(back.members).isEqualTo(s.members);
        assertThat(back.centroid).isEqualTo(s.centroid);
        assertThat(back.names).isEqualTo(s.names);
        assertThat(back.days).isEqualTo(s.days);
        assertThat(back.countries).isEqualTo(s.countries);
        assertThat(back.officials).isEqualTo(s.officials);
        assertThat(back.indexedTerms).containsExactly("seoul");
        assertThat(back.absorbedEventIds).containsExactly("ev-0");
        assertThat(back.independentSources()).isEqualTo(1);
        assertThat(back.day()).isEqualTo(19_892L);
    }

    @Test
    void storedFormRoundTripsTextBeyondAscii() {
        EventState s = new EventState("ev-2");
        s.title = "Zürich — 東京 \u0000 😀";
        s.summary = "";
        s.members.add(new EventState.Member("a-é", "Le Monde", "https://x/é", "Été", null, 10, 1.0, List.of("çà"),
                List.of(), null, null));
        s.centroid.put("zürich", 0.25);
        s.centroid.put("plain", 0.5);

        EventState back = EventState.fromBytes(s.toBytes());
        assertThat(back.title).isEqualTo(s.title);
        assertThat(back.summary).isEmpty();
        assertThat(back.members).isEqualTo(s.members);
        assertThat(back.centroid).isEqualTo(s.centroid);
    }

    @Test
    void taggedArticlesRoundTripThroughTheGroupingTopic() {
        ArticleTags tags = new ArticleTags(List.of(new CountryMention("CN", "China", 4, true)),
                List.of(new OfficialMention("Sun Weidong", "sun weidong", "Vice Foreign Minister", "Vice-Foreign Minister", "CN", 2)));
        TaggedArticle tagged = new TaggedArticle(ArticleFiles.article("x", "x.txt", "Title", "Body text."), tags);
        byte[] bytes = TaggedArticle.serde().serializer().serialize("t", tagged);
        TaggedArticle back = TaggedArticle.serde().deserializer().deserialize("t", bytes);
        assertThat(back).isEqualTo(tagged);
    }
}
