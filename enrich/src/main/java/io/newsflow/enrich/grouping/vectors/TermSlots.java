package io.newsflow.enrich.grouping.vectors;

/**
 * Terms (see {@link TermVector}) numbered by slots of an open-addressing table, so that weights
 * can sit in a plain array indexed by slot. What makes dot products of one vector with many
 * others cheap: the one is spread over an array once, and each product with another is one table
 * probe and one array read per term of the other, without the hard-to-predict branches of a merge.
 */
public final class TermSlots {

    private static final long EMPTY = 0;
    private final long[] keys;
    private final int mask;
    /** The term 0 cannot sit in the table (0 marks an empty slot); it gets the extra slot past the table. */
    private boolean zeroUsed;

    /** A table for up to {@code terms} distinct terms, at most half full. */
    public TermSlots(int terms) {
        int capacity = Integer.highestOneBit(Math.max(4, terms) * 2 - 1) << 1;
        keys = new long[capacity];
        mask = capacity - 1;
    }

    /** How many slots there are, the zero term's included: the length an array indexed by slot needs. */
    public int capacity() {
        return keys.length + 1;
    }

    /** The term's slot, taken if it has none yet. */
    public int add(long term) {
        if (term == EMPTY) {
            zeroUsed = true;
            return keys.length;
        }
        int at = home(term);
        while (keys[at] != EMPTY && keys[at] != term) {
            at = (at + 1) & mask;
        }
        keys[at] = term;
        return at;
    }

    /** The term's slot, or -1 when it has none. */
    int slot(long term) {
        if (term == EMPTY) {
            return zeroUsed ? keys.length : -1;
        }
        int at = home(term);
        while (keys[at] != EMPTY) {
            if (keys[at] == term) {
                return at;
            }
            at = (at + 1) & mask;
        }
        return -1;
    }

    private int home(long term) {
        // terms are hashes already: their low bits are as good as any
        return (int) (term ^ (term >>> 32)) & mask;
    }

    /**
     * One vector spread over slots, for its dot products with many others. Each product adds the
     * shared terms' products in ascending term order, as a merge of the two term arrays would: the
     * same sum to the last bit, whichever side is spread. Most terms of the other are not in this vector; a bit per term
     * (a one-hash Bloom filter on bits of the term the table does not use) turns most of them away
     * before the table is probed, on a branch that is nearly always taken the same way.
     */
    public static final class Spread {

        private static final int FILTER_BITS = 1 << 13;
        private final TermSlots slots;
        private final double[] weights;
        private final long[] filter = new long[FILTER_BITS / 64];

        public Spread(TermVector vector) {
            slots = new TermSlots(vector.size());
            weights = new double[slots.capacity()];
            for (int i = 0; i < vector.size(); i++) {
                long term = vector.term(i);
                weights[slots.add(term)] = vector.weight(i);
                int bit = filterBit(term);
                filter[bit >>> 6] |= 1L << bit;
            }
        }

        /** The top 13 bits: the table's home slot comes from the low bits. */
        private static int filterBit(long term) {
            return (int) (term >>> (64 - 13));
        }

        public double dot(TermVector other) {
            double dot = 0;
            for (int i = 0; i < other.size(); i++) {
                long term = other.term(i);
                int bit = filterBit(term);
                if ((filter[bit >>> 6] & 1L << bit) == 0) {
                    continue;
                }
                int at = slots.slot(term);
                if (at >= 0) {
                    dot += weights[at] * other.weight(i);
                }
            }
            return dot;
        }
    }
}
