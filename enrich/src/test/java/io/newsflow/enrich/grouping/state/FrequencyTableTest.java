package io.newsflow.enrich.grouping.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrequencyTableTest {

    @Test
    void keepsValuesByTerm() {
        FrequencyTable table = new FrequencyTable(8);
        table.put(11, 1.5, 100);
        table.put(0, 2.5, 200);
        table.put(11, 3.5, 300);
        assertThat(table.value(table.find(11))).isEqualTo(3.5);
        assertThat(table.asOf(table.find(11))).isEqualTo(300);
        assertThat(table.value(table.find(0))).isEqualTo(2.5);
        assertThat(table.find(12)).isEqualTo(-1);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void growsAndKeepsEveryTermAgainstAMap() {
        FrequencyTable table = new FrequencyTable(2);
        Map<Long, Double> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            // small terms collide in the home slots; large ones spread
            long term = i % 2 == 0 ? random.nextLong(1, 5_000) : random.nextLong();
            double value = random.nextDouble();
            table.put(term, value, i);
            expected.put(term, value);
        }
        assertThat(table.size()).isEqualTo(expected.size());
        assertThat(table.slots()).isGreaterThanOrEqualTo(2 * expected.size());
        expected.forEach((term, value) -> assertThat(table.value(table.find(term))).isEqualTo(value));
        int listed = 0;
        for (int slot = 0; slot < table.slots(); slot++) {
            if (table.termAt(slot) != 0) {
                listed++;
                assertThat(expected).containsKey(table.termAt(slot));
            }
        }
        assertThat(listed).isEqualTo(expected.size());
    }

    @Test
    void removedTermsAreGoneAndEveryOtherTermStaysFindable() {
        FrequencyTable table = new FrequencyTable(2);
        Map<Long, Double> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            // small terms share home slots, so removals must close gaps inside probe runs
            long term = i % 3 == 0 ? random.nextLong() : random.nextLong(1, 3_000);
            if (random.nextInt(3) == 0 && !expected.isEmpty()) {
                table.remove(term);
                expected.remove(term);
            } else {
                double value = random.nextDouble();
                table.put(term, value, i);
                expected.put(term, value);
            }
        }
        assertThat(table.size()).isEqualTo(expected.size());
        expected.forEach((term, value) -> assertThat(table.value(table.find(term))).isEqualTo(value));
        for (long term = 1; term < 3_000; term++) {
            assertThat(table.find(term) >= 0).isEqualTo(expected.containsKey(term));
        }
    }
}
