package io.newsflow.enrich.grouping.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Band lists short and long (a widely copied story lists thousands of articles under its bands) behave alike. */
class BandListsTest {

    private static final long[] BANDS = {7L, 11L};

    @Test
    void listsTheNewestIdsInPlacementOrderWhateverTheListLength() {
        BandLists lists = new BandLists();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lists.add(BANDS, "a" + i);
            lists.add(BANDS, "a" + i); // listed once
            placed.add("a" + i);
            assertThat(lists.listed(BANDS, 5)).containsExactly(newest(placed, 5), newest(placed, 5));
            assertThat(lists.listed(BANDS, 1000)).containsExactly(placed, placed);
        }
    }

    @Test
    void removingFromALongListKeepsTheOrderOfTheRest() {
        BandLists lists = new BandLists();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lists.add(BANDS, "a" + i);
            placed.add("a" + i);
        }
        for (int i = 0; i < 40; i += 2) {
            lists.remove(BANDS, "a" + i);
            placed.remove("a" + i);
            assertThat(lists.listed(BANDS, 1000)).containsExactly(placed, placed);
        }
        lists.add(BANDS, "b");
        placed.add("b");
        assertThat(lists.listed(BANDS, 3)).containsExactly(newest(placed, 3), newest(placed, 3));
        placed.forEach(id -> lists.remove(BANDS, id));
        assertThat(lists.listed(BANDS, 3)).containsExactly(List.of(), List.of());
    }

    private static List<String> newest(List<String> ids, int limit) {
        return ids.subList(Math.max(0, ids.size() - limit), ids.size());
    }
}
