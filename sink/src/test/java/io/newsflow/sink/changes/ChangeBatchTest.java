package io.newsflow.sink.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.NewsEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ChangeBatchTest {

    private static NewsEvent event(String id, long version, String... absorbed) {
        return NewsEvent.newBuilder().setEventId(id).setVersion(version).setFirstSeenAt(Instant.EPOCH)
                .setLastUpdatedAt(Instant.EPOCH).setTitle("t").setSummary("s").setArticles(List.of())
                .setCountries(List.of()).setOfficials(List.of()).setAbsorbedEventIds(List.of(absorbed)).build();
    }

    private static RecordOrigin at(int partition, long offset) {
        return new RecordOrigin("events", partition, offset, null);
    }

    @Test
    void keepsTheHighestVersionPerEventWhateverTheArrivalOrder() {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(at(0, 0), event("a", 2));
        batch.addSnapshot(at(0, 1), event("a", 5));
        batch.addSnapshot(at(0, 2), event("a", 3));
        batch.addSnapshot(at(1, 0), event("b", 1));

        assertThat(batch.changes()).extracting(c -> c.eventId() + "@" + c.snapshot().getVersion() + "@" + c.origin().offset())
                .containsExactly("a@5@1", "b@1@0");
        assertThat(batch.records()).isEqualTo(4);
        assertThat(batch.lines()).hasSize(4);
    }

    @Test
    void tombstoneDeletesFirstAndOnlyLaterSnapshotsSurvive() {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(at(0, 0), event("a", 7));
        batch.addTombstone(at(0, 1), "a");
        assertThat(batch.changes()).singleElement().satisfies(c -> {
            assertThat(c.deletesFirst()).isTrue();
            assertThat(c.writesSnapshot()).isFalse();
            assertThat(c.origin().offset()).isEqualTo(1);
        });

        batch.addSnapshot(at(0, 2), event("a", 1));
        assertThat(batch.changes()).singleElement().satisfies(c -> {
            assertThat(c.deletesFirst()).isTrue();
            assertThat(c.snapshot().getVersion()).isEqualTo(1);
        });
    }

    @Test
    void absorbedIdsExcludeTheEventItselfAndRepeats() {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(at(0, 0), event("s", 2, "x", "s", "x", "y"));
        assertThat(batch.changes().get(0).absorbedEventIds()).containsExactly("x", "y");
    }

    @Test
    void nextOffsetsFollowTheLastRecordOfEachPartitionIncludingDeadLetters() {
        ChangeBatch batch = new ChangeBatch();
        batch.addSnapshot(at(0, 10), event("a", 1));
        batch.addUndecodable(at(0, 11), "X", "bad");
        batch.addSnapshot(at(2, 4), event("b", 1));

        assertThat(batch.nextOffsets()).isEqualTo(Map.of(new TopicPartition("events", 0), 12L,
                new TopicPartition("events", 2), 5L));
        assertThat(batch.undecodable()).extracting(Rejection::reason).containsExactly("bad");
        assertThat(batch.lines()).hasSize(2);
    }
}
