package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.EventGrouper;
import io.newsflow.enrich.grouping.vectors.TermVector;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CandidateIndexTest {

    /** Ids compare as numbers only where that is their order as text. */
    @Test
    void idsOfSixteenHexDigitsOrderAsTheirText() {
        SplittableRandom random = new SplittableRandom(5);
        List<String> ids = new ArrayList<>(List.of("ev-ffffffffffffffff", "ev-0000000000000000", "ev-8000000000000000",
                "ev-7fffffffffffffff", "ev-ABCDEF0123456789", "other", "ev-12", "ev-0123456789abcdeg"));
        for (int i = 0; i < 200; i++) {
            ids.add(EventGrouper.eventIdFor("article-" + random.nextInt() + "@" + i));
        }
        for (String a : ids) {
            for (String b : ids) {
                long x = CandidateIndex.idOrder(a);
                long y = CandidateIndex.idOrder(b);
                if (x != -1 && y != -1) {
                    assertThat(Integer.signum(Long.compareUnsigned(x, y))).as(a + " vs " + b)
                            .isEqualTo(Integer.signum(a.compareTo(b)));
                }
            }
        }
        assertThat(CandidateIndex.idOrder("ev-ABCDEF0123456789")).as("upper case compares as text").isEqualTo(-1);
        assertThat(CandidateIndex.idOrder("other")).isEqualTo(-1);
    }

    /** Events first seen at one time are ordered by id: the newest by id are the ones a look-up reads. */
    @Test
    void eventsFirstSeenTogetherAreReadNewestIdFirst() {
        CandidateIndex index = new CandidateIndex();
        long term = TermVector.termOf("quake");
        for (String id : List.of("ev-000000000000000c", "other-b", "ev-000000000000000a", "other-a", "ev-000000000000000b")) {
            index.update(id, 7, new long[0], new long[] {term});
        }
        // text order: ev-...a < ev-...b < ev-...c < other-a < other-b
        assertThat(index.mostVoted(new long[] {term}, new double[] {1.0}, 10, 3))
                .containsExactly("ev-000000000000000c", "other-a", "other-b");
    }
}
