package io.newsflow.enrich.grouping.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TermVectorTest {

    private static TermVector random(SplittableRandom random, int terms, int vocabulary) {
        Map<String, Double> weights = new HashMap<>();
        for (int i = 0; i < terms; i++) {
            weights.put("w" + random.nextInt(vocabulary), random.nextDouble());
        }
        return TermVector.of(weights);
    }

    /** The plain definition: shared terms' products added in ascending term order. */
    private static double merged(TermVector a, TermVector b) {
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.term(i) == b.term(j)) {
                dot += a.weight(i++) * b.weight(j++);
            } else if (a.term(i) < b.term(j)) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /** A spread vector's products, either side spread, give the same sum to the last bit: decisions rest on it. */
    @Test
    void spreadProductsEqualTheMergeToTheLastBit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            TermVector a = random(random, 1 + random.nextInt(300), 500);
            TermVector b = random(random, 1 + random.nextInt(300), 500);
            double merged = merged(a, b);
            assertThat(new TermSlots.Spread(a).dot(b)).isEqualTo(merged);
            assertThat(new TermSlots.Spread(b).dot(a)).isEqualTo(merged);
        }
    }

    @Test
    void theZeroTermHasASlotToo() {
        TermSlots slots = new TermSlots(2);
        int zero = slots.add(0L);
        int one = slots.add(1L);
        assertThat(slots.slot(0L)).isEqualTo(zero);
        assertThat(slots.slot(1L)).isEqualTo(one).isNotEqualTo(zero);
        assertThat(slots.slot(2L)).isEqualTo(-1);
        assertThat(zero).isLessThan(slots.capacity());
    }

    @Test
    void sumsRoundEachSharedWeightToAFloatAsStored() {
        TermVector a = TermVector.of(Map.of("quake", 0.1, "qeshm", 0.2));
        TermVector b = TermVector.of(Map.of("quake", 0.3, "iran", 0.4));
        TermVector sum = a.plusAsStored(b);
        assertThat(sum.size()).isEqualTo(3);
        assertThat(sum.weightOf(TermVector.termOf("quake"))).isEqualTo((double) (float) (0.1 + 0.3));
        assertThat(sum.weightOf(TermVector.termOf("iran"))).isEqualTo(0.4);
        assertThat(sum.weightOf(TermVector.termOf("none"))).isZero();
    }

    /** Strongest first; equal weights by ascending term, so the choice is the same in every process. */
    @Test
    void theStrongestTermsAreATotalOrder() {
        TermVector v = TermVector.of(Map.of("a", 0.5, "b", 0.5, "c", 0.9, "d", 0.1));
        int[] top = v.strongest(3);
        assertThat(v.weight(top[0])).isEqualTo(0.9);
        assertThat(v.weight(top[1])).isEqualTo(0.5);
        assertThat(v.term(top[1])).isLessThan(v.term(top[2]));
        TermVector kept = v.largest(3);
        assertThat(kept.size()).isEqualTo(3);
        assertThat(kept.contains(TermVector.termOf("d"))).isFalse();
        assertThat(kept.term(0)).isLessThan(kept.term(1));
    }

    /** The bounded selection gives what sorting every term by the same order and taking the first k gives. */
    @Test
    void theStrongestAreTheFirstKOfAFullSort() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            // weights from a few values only: many ties, which the term order must break
            Map<String, Double> weights = new HashMap<>();
            int terms = 1 + random.nextInt(400);
            for (int i = 0; i < terms; i++) {
                weights.put("w" + random.nextInt(1000), (double) random.nextInt(8));
            }
            TermVector v = TermVector.of(weights);
            Integer[] all = new Integer[v.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            Arrays.sort(all, (x, y) -> v.weight(x) != v.weight(y)
                    ? Double.compare(v.weight(y), v.weight(x)) : Long.compare(v.term(x), v.term(y)));
            int k = 1 + random.nextInt(300);
            int[] expected = Arrays.stream(all).limit(k).mapToInt(Integer::intValue).toArray();
            assertThat(v.strongest(k)).containsExactly(expected);
        }
    }

    @Test
    void aHashSharedByTwoWordsCountsOnceWithTheirWeightsSummed() {
        TermVector v = TermVector.sorted(new long[] {5, 3, 5}, new double[] {0.25, 0.5, 0.5}, 3);
        assertThat(v.size()).isEqualTo(2);
        assertThat(v.weightOf(5)).isEqualTo(0.75);
        assertThat(v.weightOf(3)).isEqualTo(0.5);
    }
}
