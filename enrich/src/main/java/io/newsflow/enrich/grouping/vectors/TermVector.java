package io.newsflow.enrich.grouping.vectors;

import java.util.Arrays;
import java.util.Map;

/**
 * Term weights (an article's TF-IDF vector, an event's centroid) in the form the hot path of
 * grouping needs: terms as 64-bit hashes of the words, in ascending order, with their weights.
 * A sum of vectors (a centroid) is then a merge of two arrays, a dot product a pass over one
 * vector's terms in ascending order (see {@link TermSlots}), and a stored vector decodes into two
 * arrays, with no map of strings built or probed on the way. The sorted order is the same in every
 * process, so sums over it, and the decisions made on them, are the same after a restart.
 *
 * <p>Why hashes and not the words: nothing downstream shows terms, and a hash is what the arrays
 * sort and compare. Two words share a hash with a chance of about 1 in 3·10<sup>7</sup> among a
 * million distinct terms (birthday bound over 64 bits); they would then count as one word.
 *
 * <p>Immutable; every change gives a new vector.
 */
public final class TermVector {

    public static final TermVector EMPTY = new TermVector(new long[0], new double[0]);

    private final long[] terms;
    private final double[] weights;

    private TermVector(long[] terms, double[] weights) {
        this.terms = terms;
        this.weights = weights;
    }

    /** The term a word is: FNV-1a over its chars, then a finaliser that spreads the bits (murmur3's fmix64). */
    public static long termOf(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    public static TermVector of(Map<String, Double> weights) {
        long[] terms = new long[weights.size()];
        double[] values = new double[weights.size()];
        int at = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            terms[at] = termOf(e.getKey());
            values[at++] = e.getValue();
        }
        return sorted(terms, values, at);
    }

    /** From unsorted parallel arrays (the first n entries); a term given twice counts once, its weights summed. */
    public static TermVector sorted(long[] terms, double[] values, int n) {
        long[] ascending = Arrays.copyOf(terms, n);
        Arrays.sort(ascending);
        boolean distinct = true;
        for (int i = 1; i < n && distinct; i++) {
            distinct = ascending[i - 1] != ascending[i];
        }
        if (distinct) {
            // the usual case, sorted without boxing: each weight goes where its term went
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[Arrays.binarySearch(ascending, terms[i])] = values[i];
            }
            return new TermVector(ascending, w);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // by term, then by position: equal terms (a hash shared by two words) sum in their given order
        Arrays.sort(order, (a, b) -> terms[a] != terms[b] ? Long.compare(terms[a], terms[b]) : Integer.compare(a, b));
        long[] t = new long[n];
        double[] w = new double[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long term = terms[order[i]];
            if (size > 0 && t[size - 1] == term) {
                w[size - 1] += values[order[i]];
            } else {
                t[size] = term;
                w[size++] = values[order[i]];
            }
        }
        return size == n ? new TermVector(t, w) : new TermVector(Arrays.copyOf(t, size), Arrays.copyOf(w, size));
    }

    /** From arrays already in ascending term order, each term once; the arrays become the vector's. */
    public static TermVector ofSorted(long[] terms, double[] weights) {
        for (int i = 1; i < terms.length; i++) {
            if (terms[i - 1] >= terms[i]) {
                throw new IllegalArgumentException("terms not in ascending order at " + i);
            }
        }
        return new TermVector(terms, weights);
    }

    public int size() {
        return terms.length;
    }

    public long term(int i) {
        return terms[i];
    }

    public double weight(int i) {
        return weights[i];
    }

    public boolean contains(long term) {
        return Arrays.binarySearch(terms, term) >= 0;
    }

    /** The weight of a term, 0 when absent. */
    double weightOf(long term) {
        int at = Arrays.binarySearch(terms, term);
        return at >= 0 ? weights[at] : 0;
    }

    /**
     * A centroid weight as the store keeps it (a float): the state held in memory must be the
     * state a restarted or migrated task reads back, or the same articles could be grouped
     * differently after a restart.
     */
    static double sumAsStored(double a, double b) {
        return (float) (a + b);
    }

    /**
     * This plus another, each shared term's sum rounded to a float as the store keeps it (see
     * {@link #sumAsStored}): the vector held in memory is the one a restart reads back.
     */
    public TermVector plusAsStored(TermVector other) {
        if (other.terms.length == 0) {
            return this;
        }
        long[] t = new long[terms.length + other.terms.length];
        double[] w = new double[t.length];
        int a = 0;
        int b = 0;
        int n = 0;
        while (a < terms.length || b < other.terms.length) {
            if (b == other.terms.length || a < terms.length && terms[a] < other.terms[b]) {
                t[n] = terms[a];
                w[n++] = weights[a++];
            } else if (a == terms.length || other.terms[b] < terms[a]) {
                t[n] = other.terms[b];
                w[n++] = other.weights[b++];
            } else {
                t[n] = terms[a];
                w[n++] = sumAsStored(weights[a++], other.weights[b++]);
            }
        }
        return new TermVector(Arrays.copyOf(t, n), Arrays.copyOf(w, n));
    }

    /** Each weight divided by a number, rounded to a float as stored. */
    TermVector dividedAsStored(double divisor) {
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (weights[i] / divisor);
        }
        return new TermVector(terms, w);
    }

    /** Each weight rounded to a float, as stored. */
    public TermVector asStored() {
        return dividedAsStored(1);
    }

    /**
     * Positions of the k largest weights, largest first, equal weights by ascending term: a total
     * order, so the choice is the same wherever it is made.
     */
    public int[] strongest(int k) {
        int n = Math.min(k, terms.length);
        if (n <= 0) {
            return new int[0];
        }
        // A bounded heap whose root is the weakest kept: a centroid of thousands of terms cut to a few
        // hundred costs terms·log k compares, where insertion into a sorted array shifted up to k each time.
        int[] heap = new int[n];
        for (int i = 0; i < n; i++) {
            heap[i] = i;
            siftUp(heap, i);
        }
        for (int i = n; i < terms.length; i++) {
            if (ranksBefore(i, heap[0])) {
                heap[0] = i;
                siftDown(heap, n);
            }
        }
        // the weakest goes last, one at a time: the strongest ends first
        for (int end = n - 1; end > 0; end--) {
            int root = heap[0];
            heap[0] = heap[end];
            heap[end] = root;
            siftDown(heap, end);
        }
        return heap;
    }

    /** Moves the entry at {@code at} up while it ranks after its parent (the root ranks last). */
    private void siftUp(int[] heap, int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!ranksBefore(heap[parent], heap[at])) {
                return;
            }
            int t = heap[parent];
            heap[parent] = heap[at];
            heap[at] = t;
            at = parent;
        }
    }

    /** Moves the root down while a child of it, among the first {@code size} entries, ranks after it. */
    private void siftDown(int[] heap, int size) {
        int at = 0;
        while (true) {
            int weakest = at;
            int left = 2 * at + 1;
            int right = left + 1;
            if (left < size && ranksBefore(heap[weakest], heap[left])) {
                weakest = left;
            }
            if (right < size && ranksBefore(heap[weakest], heap[right])) {
                weakest = right;
            }
            if (weakest == at) {
                return;
            }
            int t = heap[weakest];
            heap[weakest] = heap[at];
            heap[at] = t;
            at = weakest;
        }
    }

    private boolean ranksBefore(int i, int j) {
        int byWeight = Double.compare(weights[j], weights[i]);
        return byWeight != 0 ? byWeight < 0 : terms[i] < terms[j];
    }

    /** The k strongest terms (see {@link #strongest}), in ascending term order. */
    public TermVector largest(int k) {
        if (terms.length <= k) {
            return this;
        }
        int[] keep = strongest(k);
        Arrays.sort(keep);
        long[] t = new long[keep.length];
        double[] w = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            t[i] = terms[keep[i]];
            w[i] = weights[keep[i]];
        }
        return new TermVector(t, w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermVector v && Arrays.equals(terms, v.terms) && Arrays.equals(weights, v.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(terms) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "TermVector[" + terms.length + " terms]";
    }
}
