package io.newsflow.enrich.grouping;

import java.util.Arrays;

/**
 * The document frequencies (decayed value and the event time it is as of) of the terms read or
 * written since the table was last emptied, by term hash ({@link TermVector#termOf}): an article
 * reads and writes the frequency of each of its terms, and a map of words to stored bytes cost a
 * few cache misses per term. An open-addressing table over three arrays; when it is half full it
 * is emptied and fills again from the store. Exact like the store it fronts: only one task writes
 * both, and every write goes to both.
 */
final class RecentFrequencies {

    private static final long EMPTY = 0;
    private final long[] terms;
    private final double[] values;
    private final long[] asOf;
    private final int mask;
    private int size;

    /** A table for up to half this many terms; capacity a power of two. */
    RecentFrequencies(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        terms = new long[capacity];
        values = new double[capacity];
        asOf = new long[capacity];
        mask = capacity - 1;
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

    void put(long term, double value, long asOfTime) {
        long key = key(term);
        int at = home(key);
        while (terms[at] != EMPTY && terms[at] != key) {
            at = (at + 1) & mask;
        }
        if (terms[at] == EMPTY) {
            if (size + 1 > terms.length / 2) {
                clear();
                put(term, value, asOfTime);
                return;
            }
            terms[at] = key;
            size++;
        }
        values[at] = value;
        asOf[at] = asOfTime;
    }

    void clear() {
        Arrays.fill(terms, EMPTY);
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
