package io.newsflow.enrich.grouping.vectors;

/**
 * A map from term hashes ({@link TermVector#termOf}) to values: open addressing over two arrays,
 * linear probing, growing at half full. With hundreds of thousands of terms, a HashMap of index
 * keys cost several cache misses per look-up (node, key string, its bytes); this costs one or two.
 */
public final class TermTable<V> {

    private long[] terms;
    private Object[] values;
    private int mask;
    private int size;

    public TermTable() {
        allocate(1 << 10);
    }

    @SuppressWarnings("unchecked")
    public V get(long term) {
        int at = find(term);
        return at < 0 ? null : (V) values[at];
    }

    public void put(long term, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        int at = home(term);
        while (values[at] != null && terms[at] != term) {
            at = (at + 1) & mask;
        }
        if (values[at] == null) {
            if (size + 1 > terms.length / 2) {
                grow();
                put(term, value);
                return;
            }
            terms[at] = term;
            size++;
        }
        values[at] = value;
    }

    /** Removes the term; later entries of its probe run move back into the gap, so look-ups stay exact. */
    public void remove(long term) {
        int gap = find(term);
        if (gap < 0) {
            return;
        }
        values[gap] = null;
        size--;
        for (int at = (gap + 1) & mask; values[at] != null; at = (at + 1) & mask) {
            // an entry may fill the gap if the gap lies on its way from its home slot
            if (((at - home(terms[at])) & mask) >= ((at - gap) & mask)) {
                terms[gap] = terms[at];
                values[gap] = values[at];
                values[at] = null;
                gap = at;
            }
        }
    }

    int size() {
        return size;
    }

    void clear() {
        allocate(1 << 10);
    }

    private int find(long term) {
        for (int at = home(term); values[at] != null; at = (at + 1) & mask) {
            if (terms[at] == term) {
                return at;
            }
        }
        return -1;
    }

    private int home(long term) {
        return (int) (term ^ (term >>> 32)) & mask;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        long[] oldTerms = terms;
        Object[] oldValues = values;
        allocate(terms.length * 2);
        for (int i = 0; i < oldTerms.length; i++) {
            if (oldValues[i] != null) {
                put(oldTerms[i], (V) oldValues[i]);
            }
        }
    }

    private void allocate(int capacity) {
        terms = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        size = 0;
    }
}
