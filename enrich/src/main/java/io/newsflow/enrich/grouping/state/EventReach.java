package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.vectors.TermVector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * For every stored event, how close any of its recent members can come to an article: per term,
 * the largest weight the term has in any member's vector. An article's cosine with a member is at
 * most its dot product with these largest weights (all weights are non-negative), so an event
 * whose bound stays under the neighbour floor cannot join the article's neighbourhood, and is not
 * read from the store. Of the 20 candidates the index gives an article, most share only common
 * words with it; reading and decoding them was the largest part of placing an article.
 *
 * <p>Compact, as it is kept for every open event: a term is the top {@value #KEY_BITS} bits of its
 * hash and its weight is rounded up to a step of 1/{@value #STEPS}, both in one int. Two terms
 * that share the bits, in the event or in the article, only raise the bound. Above
 * {@value #MAX_TERMS} terms only the heaviest are kept, and the heaviest weight left out stands
 * for every term left out. Only ever an upper bound: an event the bound keeps is read and checked
 * exactly, so the decisions are the ones a reading of every candidate would make.
 *
 * <p>In memory only, like the candidate index: built from the stored events when a task starts,
 * and changed right after each event write or delete. It holds an entry for every stored event
 * (an empty one when no bound could be made), so it also answers whether an event id is taken.
 */
public final class EventReach {

    static final int KEY_BITS = 20;
    private static final int WEIGHT_BITS = 32 - KEY_BITS;
    private static final int STEPS = (1 << WEIGHT_BITS) - 1;
    private static final int MAX_TERMS = 600;
    /** Rounding of the sums: a bound this much under the floor still counts as reaching it. */
    private static final double SLACK = 1e-9;
    /** No bound: the event is always read. */
    private static final Reach UNBOUNDED = new Reach(null, 0);

    private final Map<String, Reach> byEvent = new HashMap<>();

    /** Packed term-and-weight entries (one per term bits), and the weight standing for terms left out. */
    private record Reach(int[] entries, double rest) {
    }

    /** Records the event's bound, from the features of its members (replacing any earlier one). */
    void put(EventState event) {
        byEvent.put(event.eventId, reachOf(event));
    }

    void remove(String eventId) {
        byEvent.remove(eventId);
    }

    /** Whether an event with this id is stored. */
    boolean holds(String eventId) {
        return byEvent.containsKey(eventId);
    }

    /**
     * Whether some recent member of the event may have a cosine of at least {@code floor} with the
     * article: false only when none can. Unknown events may.
     */
    boolean mayReach(String eventId, Probe article, double floor) {
        Reach reach = byEvent.get(eventId);
        if (reach == null || reach.entries() == null || article.sums == null) {
            return true;
        }
        double bound = 0;
        double matched = 0;
        for (int entry : reach.entries()) {
            int key = entry >>> WEIGHT_BITS;
            if (!article.mayHold(key)) {
                continue;
            }
            double sum = article.sumAt(key);
            if (sum > 0) {
                bound += sum * weightOf(entry);
                matched += sum;
            }
        }
        bound += reach.rest() * Math.max(0, article.total - matched);
        return bound + SLACK >= floor;
    }

    /** The article's weights summed by term bits, to bound its products with many events. */
    public static final class Probe {

        private final int[] keys;
        private final double[] sums;
        private final int mask;
        private final int shift;
        /**
         * A bit per key (its low 12 bits): most of an event's terms are not the article's, and a
         * clear bit turns them away before the table is probed, on a branch nearly always taken.
         */
        private final long[] filter = new long[64];
        private double total;

        public Probe(TermVector vector) {
            int capacity = Integer.highestOneBit(Math.max(4, vector.size()) * 2 - 1) << 1;
            keys = new int[capacity];
            mask = capacity - 1;
            shift = Integer.numberOfLeadingZeros(mask);
            double[] table = new double[capacity];
            for (int i = 0; i < vector.size(); i++) {
                double weight = vector.weight(i);
                if (!(weight >= 0)) {
                    // the bound rests on non-negative weights; without them every event is read
                    sums = null;
                    return;
                }
                int key = keyOf(vector.term(i));
                filter[key >>> 6 & 63] |= 1L << key;
                int at = slot(key + 1);
                keys[at] = key + 1;
                table[at] += weight;
                total += weight;
            }
            sums = table;
        }

        private int slot(int key) {
            int at = (key * 0x9E3779B9) >>> shift;
            while (keys[at] != 0 && keys[at] != key) {
                at = (at + 1) & mask;
            }
            return at;
        }

        boolean mayHold(int key) {
            return (filter[key >>> 6 & 63] & 1L << key) != 0;
        }

        double sumAt(int key) {
            int at = slot(key + 1);
            return keys[at] == 0 ? 0 : sums[at];
        }
    }

    static int keyOf(long term) {
        return (int) (term >>> (64 - KEY_BITS));
    }

    private static double weightOf(int entry) {
        return (entry & STEPS) / (double) STEPS;
    }

    private static Reach reachOf(EventState event) {
        int n = 0;
        for (MemberFeatures f : event.features.values()) {
            n += f.vector().size();
        }
        if (n == 0) {
            return UNBOUNDED;
        }
        int[] entries = new int[n];
        int at = 0;
        for (MemberFeatures f : event.features.values()) {
            TermVector v = f.vector();
            for (int i = 0; i < v.size(); i++) {
                double weight = v.weight(i);
                if (!(weight >= 0 && weight <= 1)) {
                    return UNBOUNDED;
                }
                int steps = (int) Math.ceil(weight * STEPS);
                // the step count must not fall under the weight it stands for
                if (steps < STEPS && steps / (double) STEPS < weight) {
                    steps++;
                }
                entries[at++] = keyOf(v.term(i)) << WEIGHT_BITS | steps;
            }
        }
        // sorted, the entries of one term's bits lie together, the heaviest last
        Arrays.sort(entries);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (i + 1 < n && entries[i + 1] >>> WEIGHT_BITS == entries[i] >>> WEIGHT_BITS) {
                continue;
            }
            entries[kept++] = entries[i];
        }
        if (kept <= MAX_TERMS) {
            return new Reach(Arrays.copyOf(entries, kept), 0);
        }
        // heaviest first, equal weights in key order: a primitive sort of (lightness, position) pairs
        long[] byWeight = new long[kept];
        for (int i = 0; i < kept; i++) {
            byWeight[i] = (long) (STEPS - (entries[i] & STEPS)) << 32 | i;
        }
        Arrays.sort(byWeight);
        int[] heaviest = new int[MAX_TERMS];
        for (int i = 0; i < MAX_TERMS; i++) {
            heaviest[i] = entries[(int) byWeight[i]];
        }
        return new Reach(heaviest, weightOf(entries[(int) byWeight[MAX_TERMS]]));
    }
}
