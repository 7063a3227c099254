package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.RawTextArticles;
import io.newsflow.enrich.grouping.vectors.TermVector;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.CountryMention;
import io.newsflow.enrich.tagging.OfficialMention;
import java.util.List;
import java.util.Map;
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
        s.centroid = TermVector.of(Map.of("seoul", 0.5));
        s.names.put("seoul", 2);
        s.days.put(19_892L, 2);
        s.countries.put("KR", new EventState.CountryCount("KR", "South Korea", 3, true));
        s.officials.put("kim hong kyun", new EventState.OfficialCount("Kim Hong-kyun", "kim hong kyun", null, null, "KR", 2));
        s.indexedTerms = new long[] {TermVector.termOf("seoul")};
        s.absorbedEventIds.add("ev-0");

        EventState back = roundTrip(s);
        assertThat(back.eventId).isEqualTo("ev-1");
        assertThat(back.version).isEqualTo(4);
        assertThat(back.members).isEqualTo(s.members);
        assertThat(back.centroid).isEqualTo(s.centroid);
        assertThat(back.names).isEqualTo(s.names);
        assertThat(back.days).isEqualTo(s.days);
        assertThat(back.countries).isEqualTo(s.countries);
        assertThat(back.officials).isEqualTo(s.officials);
        assertThat(back.indexedTerms).containsExactly(TermVector.termOf("seoul"));
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
        s.centroid = TermVector.of(Map.of("zürich", 0.25, "plain", 0.5));

        EventState back = roundTrip(s);
        assertThat(back.title).isEqualTo(s.title);
        assertThat(back.summary).isEmpty();
        assertThat(back.members).isEqualTo(s.members);
        assertThat(back.centroid).isEqualTo(s.centroid);
    }

    @Test
    void taggedArticlesRoundTripThroughTheGroupingTopic() {
        ArticleTags tags = new ArticleTags(List.of(new CountryMention("CN", "China", 4, true)),
                List.of(new OfficialMention("Sun Weidong", "sun weidong", "Vice Foreign Minister", "Vice-Foreign Minister", "CN", 2)));
        TaggedArticle tagged = new TaggedArticle(RawTextArticles.article("x", "x.txt", "Title", "Body text."), tags);
        byte[] bytes = TaggedArticle.serde().serializer().serialize("t", tagged);
        TaggedArticle back = TaggedArticle.serde().deserializer().deserialize("t", bytes);
        assertThat(back).isEqualTo(tagged);
    }

    @Test
    void membersFeaturesRoundTripAndRebuildTheAggregates() {
        EventState s = new EventState("ev-3");
        s.members.add(new EventState.Member("a1", "ECNS", null, "T1", null, 10, 1.0, List.of(), List.of(), null, null));
        s.members.add(new EventState.Member("a2", "GT", null, "T2", null, 15, 0.4, List.of(), List.of(), 5.0, null));
        s.features.put("a1", new MemberFeatures(TermVector.of(Map.of("seoul", 0.5, "talks", 0.25)), List.of("seoul"), 19_892L,
                List.of(new EventState.CountryCount("KR", "South Korea", 2, true)),
                List.of(new EventState.OfficialCount("Kim Hong-kyun", "kim hong kyun", "vice foreign minister", null, "KR", 1)),
                "Lead one"));
        s.features.put("a2", new MemberFeatures(TermVector.of(Map.of("seoul", 0.75)), List.of("seoul"), null,
                List.of(new EventState.CountryCount("KR", "South Korea", 1, false)), List.of(), "Lead two"));
        s.rebuild(300);

        EventState back = roundTrip(s);
        assertThat(back.features).isEqualTo(s.features);
        assertThat(back.centroid).isEqualTo(TermVector.of(Map.of("seoul", 1.25, "talks", 0.25)));
        assertThat(back.names).containsEntry("seoul", 2);
        assertThat(back.days).containsEntry(19_892L, 1);
        assertThat(back.countries.get("KR").mentions()).isEqualTo(3);
        assertThat(back.officials.get("kim hong kyun").role()).isEqualTo("vice foreign minister");
    }

    /** A story with many reports keeps the features of its recent members only; the aggregates still count them all. */
    @Test
    void featuresOfOlderMembersRetireWithoutChangingTheAggregates() {
        EventState s = new EventState("ev-5");
        for (int i = 0; i < 5; i++) {
            String id = "a" + i;
            s.members.add(new EventState.Member(id, "outlet", null, "T", null, i, 1.0, List.of(), List.of(), null, null));
            s.features.put(id, new MemberFeatures(TermVector.of(Map.of("quake", 0.5, "word" + i, 0.25)), List.of("qeshm"),
                    19_000L + i % 2, List.of(new EventState.CountryCount("IR", "Iran", 1, true)), List.of(), "Lead"));
        }
        s.rebuild(300);
        TermVector centroid = s.centroid;
        java.util.Map<String, Integer> names = new java.util.HashMap<>(s.names);

        s.retireOldest(2);
        s.rebuild(300);
        EventState back = roundTrip(s);
        back.rebuild(300);

        assertThat(s.features).containsOnlyKeys("a3", "a4");
        assertThat(back.features).containsOnlyKeys("a3", "a4");
        assertThat(back.centroid).isEqualTo(centroid);
        assertThat(back.names).isEqualTo(names).containsEntry("qeshm", 5);
        assertThat(back.days).containsEntry(19_000L, 3).containsEntry(19_001L, 2);
        assertThat(back.countries.get("IR").mentions()).isEqualTo(5);
        assertThat(back.members).hasSize(5);
    }

    /** The event stored into a map as the events store holds it, and loaded back. */
    private static EventState roundTrip(EventState s) {
        RecordingStore store = new RecordingStore();
        s.store(store);
        return EventState.load(s.eventId, store);
    }

    @Test
    void membersAreStoredInPagesAndOnlyChangedPagesAreWritten() {
        EventState s = new EventState("ev-p");
        s.title = "Paged";
        s.summary = "";
        for (int i = 0; i < 3 * EventState.PAGE + 10; i++) {
            s.members.add(member("a" + i, null));
        }
        RecordingStore store = new RecordingStore();
        s.store(store);
        assertThat(store.keys()).containsExactlyInAnyOrder("ev-p", "ev-p#0", "ev-p#1", "ev-p#2", "ev-p#3");
        assertThat(EventState.isPageKey("ev-p#3")).isTrue();
        assertThat(EventState.isPageKey("ev-p")).isFalse();

        store.written.clear();
        s.members.add(member("new", null));
        s.store(store);
        assertThat(store.written).as("a new member rewrites the head and the last page").containsExactly("ev-p#3", "ev-p");

        EventState loaded = EventState.load("ev-p", store);
        assertThat(loaded.members).isEqualTo(s.members);
        store.written.clear();
        loaded.store(store);
        assertThat(store.written).as("a loaded event's pages are known stored").containsExactly("ev-p");

        store.written.clear();
        loaded.members.set(5, member("a5", "a0"));
        loaded.members.subList(EventState.PAGE + 1, loaded.members.size()).clear();
        loaded.store(store);
        assertThat(store.written).containsExactly("ev-p#0", "ev-p#1", "ev-p#2", "ev-p#3", "ev-p");
        assertThat(store.keys()).containsExactlyInAnyOrder("ev-p", "ev-p#0", "ev-p#1");
        assertThat(EventState.load("ev-p", store).members).isEqualTo(loaded.members);

        EventState.load("ev-p", store).delete(store);
        assertThat(store.keys()).isEmpty();
    }

    private static EventState.Member member(String id, String copyOf) {
        return new EventState.Member(id, "outlet", null, "Headline " + id, null, 10, 0.5, List.of(), List.of(), null, copyOf);
    }

    /** A map as the events store, recording the keys written (deletes included) in order. */
    private static final class RecordingStore implements EventState.Records {
        private final Map<String, byte[]> records = new java.util.TreeMap<>();
        final List<String> written = new java.util.ArrayList<>();

        @Override
        public byte[] get(String key) {
            return records.get(key);
        }

        @Override
        public void put(String key, byte[] value) {
            written.add(key);
            if (value == null) {
                records.remove(key);
            } else {
                records.put(key, value);
            }
        }

        java.util.Set<String> keys() {
            return records.keySet();
        }
    }

    @Test
    void aHeadOfAnotherFormatIsRefusedWithWhatToDo() {
        EventState s = new EventState("ev-f");
        s.title = "";
        s.summary = "";
        byte[] head = s.headBytes();
        assertThat(head[0]).isEqualTo((byte) EventState.FORMAT);
        head[0] = 3;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventState.fromBytes(head))
                .hasMessageContaining("event state format 3").hasMessageContaining("reset the enrich application's state");
    }
}
