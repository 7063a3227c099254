package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.vectors.TermVector;

/**
 * Decayed document frequencies (value and the event time it is as of) by term hash
 * ({@link TermVector#termOf}): an open-addressing table over three arrays, which doubles when half
 * full. A map of boxed values cost a few cache misses per term, and an article counts ~100 terms.
 */
final class FrequencyTable {

    private static final long EMPTY = 0;
    private long[] terms;
    private double[] values;
    private long[] asOf;
    private int mask;
    private int size;

    /** An empty table of this many slots to start with; a power of two. */
    FrequencyTable(int capacity) {
        if (Integer.bitCount(capacity) != 1 || capacity < 2) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        allocate(capacity);
    }

    /** The term's slot, or -1 when it is not in the table. */
    int find(long term) {
        long key = key(term);
        for (int at = home(key); terms[at] != EMPTY; at = (at + 1) & mask) {
            if (terms[at] == key) {
                return at;
            }
        }
        return -1;
    }

    double value(int slot) {
        return values[slot];
    }

    long asOf(int slot) {
        return asOf[slot];
    }

    /** The term stored in a slot ({@link #EMPTY} for none); slots run from 0 to {@link #slots()}. */
    long termAt(int slot) {
        return terms[slot];
    }

    int slots() {
        return terms.length;
    }

    int size() {
        return size;
    }

    void put(long term, double value, long asOfTime) {
        if (size + 1 > terms.length / 2) {
            grow();
        }
        long key = key(term);
        int at = home(key);
        while (terms[at] != EMPTY && terms[at] != key) {
            at = (at + 1) & mask;
        }
        if (terms[at] == EMPTY) {
            terms[at] = key;
            size++;
        }
        values[at] = value;
        asOf[at] = asOfTime;
    }

    /**
     * Removes the term (a placement that failed takes back what it counted). Linear probing needs
     * no tombstone: the entries after the gap move back into it when their home allows.
     */
    void remove(long term) {
        int gap = find(term);
        if (gap < 0) {
            return;
        }
        terms[gap] = EMPTY;
        size--;
        for (int at = (gap + 1) & mask; terms[at] != EMPTY; at = (at + 1) & mask) {
            int home = home(terms[at]);
            // the entry may move into the gap unless its home lies cyclically in (gap, at]
            boolean homeAfterGap = gap <= at ? home > gap && home <= at : home > gap || home <= at;
            if (!homeAfterGap) {
                terms[gap] = terms[at];
                values[gap] = values[at];
                asOf[gap] = asOf[at];
                terms[at] = EMPTY;
                gap = at;
            }
        }
    }

    private void grow() {
        long[] oldTerms = terms;
        double[] oldValues = values;
        long[] oldAsOf = asOf;
        allocate(oldTerms.length * 2);
        for (int i = 0; i < oldTerms.length; i++) {
            if (oldTerms[i] != EMPTY) {
                put(oldTerms[i], oldValues[i], oldAsOf[i]);
            }
        }
    }

    private void allocate(int capacity) {
        terms = new long[capacity];
        values = new double[capacity];
        asOf = new long[capacity];
        mask = capacity - 1;
        size = 0;
    }

    /** 0 marks an empty slot; the one term hashed to 0 shares a key with the one hashed to 1. */
    private static long key(long term) {
        return term == EMPTY ? 1 : term;
    }

    private int home(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }
}
