package io.newsflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.NewsEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The view's rules one by one (EventsViewMatchesSinkTest checks them all against the sink). */
class LiveEventsTest {

    private final LiveEvents view = new LiveEvents();

    @Test
    void theHighestVersionWinsWhateverTheOrder() {
        view.apply("a", event("a", 2, "second"));
        view.apply("a", event("a", 1, "first, late"));
        view.apply("a", event("a", 2, "second, again"));
        assertThat(view.snapshot().get("a").getTitle()).isEqualTo("second");
        view.apply("a", event("a", 3, "third"));
        assertThat(view.versions()).isEqualTo(Map.of("a", 3L));
    }

    @Test
    void aTombstoneRemovesTheEventAndALaterSnapshotStartsItAnew() {
        view.apply("a", event("a", 5, "live"));
        view.apply("a", null);
        assertThat(view.versions()).isEmpty();
        view.apply("a", event("a", 1, "again"));
        assertThat(view.versions()).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void anAbsorbedEventGoesAndStaysGone() {
        view.apply("x", event("x", 2, "to be merged"));
        view.apply("c", event("c", 4, "survivor", "x", "c"));
        assertThat(view.versions()).isEqualTo(Map.of("c", 4L));
        view.apply("x", event("x", 3, "late, from before the merge"));
        view.apply("x", null);
        assertThat(view.versions()).isEqualTo(Map.of("c", 4L));
    }

    @Test
    void aSnapshotTakenIsNotChangedByLaterRecords() {
        view.apply("a", event("a", 1, "one"));
        Map<String, NewsEvent> before = view.snapshot();
        view.apply("a", null);
        assertThat(before).containsOnlyKeys("a");
    }

    private static NewsEvent event(String id, long version, String title, String... absorbed) {
        Instant at = Instant.parse("2026-06-01T08:00:00Z");
        return NewsEvent.newBuilder().setEventId(id).setVersion(version).setFirstSeenAt(at).setLastUpdatedAt(at)
                .setTitle(title).setSummary("").setArticles(List.of()).setCountries(List.of()).setOfficials(List.of())
                .setAbsorbedEventIds(List.of(absorbed)).build();
    }
}
