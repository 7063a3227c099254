package io.newsflow.enrich.grouping.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TermTableTest {

    /**
     * Random puts and removes over few distinct keys, many of which share home slots (small
     * numbers and their multiples of the table size), agree with a HashMap at every step.
     */
    @Test
    void agreesWithAHashMapThroughPutsAndRemovesThatCollide() {
        SplittableRandom random = new SplittableRandom(7);
        TermTable<String> table = new TermTable<>();
        Map<Long, String> reference = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long term = random.nextBoolean() ? random.nextInt(600) : (long) random.nextInt(600) << 10;
            if (random.nextInt(3) == 0) {
                table.remove(term);
                reference.remove(term);
            } else {
                table.put(term, "v" + step);
                reference.put(term, "v" + step);
            }
            long probe = random.nextBoolean() ? random.nextInt(600) : (long) random.nextInt(600) << 10;
            assertThat(table.get(probe)).isEqualTo(reference.get(probe));
            assertThat(table.size()).isEqualTo(reference.size());
        }
        reference.forEach((term, value) -> assertThat(table.get(term)).isEqualTo(value));
    }

    @Test
    void growsAndClears() {
        TermTable<Integer> table = new TermTable<>();
        for (int i = 0; i < 100_000; i++) {
            table.put(TermVector.termOf("w" + i), i);
        }
        assertThat(table.size()).isEqualTo(100_000);
        assertThat(table.get(TermVector.termOf("w99999"))).isEqualTo(99_999);
        assertThat(table.get(TermVector.termOf("absent"))).isNull();
        table.clear();
        assertThat(table.size()).isZero();
        assertThat(table.get(TermVector.termOf("w1"))).isNull();
    }
}
