package io.newsflow.enrich.grouping.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The first k items in an order, without sorting them all: a bounded heap, k log k instead of
 * n log n. Gives exactly what {@code sorted(order).limit(k)} gives when the order is total; the
 * grouper relies on that, since which candidates and index terms it takes are decisions.
 */
final class TopK {

    private TopK() {
    }

    /** The first k items in this order, in order. The order must be total (no ties). */
    static <T> List<T> first(Iterable<T> items, int k, Comparator<? super T> order) {
        if (k <= 0) {
            return new ArrayList<>();
        }
        PriorityQueue<T> worstFirst = new PriorityQueue<>(k + 1, order.reversed());
        for (T item : items) {
            if (worstFirst.size() < k) {
                worstFirst.add(item);
            } else if (order.compare(item, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(item);
            }
        }
        List<T> result = new ArrayList<>(worstFirst);
        result.sort(order);
        return result;
    }

    /** Keeps the {@code keep} largest values (ties by key), once the map is a quarter over. */
    static <V extends Comparable<V>> void keepLargest(Map<String, V> values, int keep) {
        if (values.size() <= keep * 5 / 4) {
            return;
        }
        Comparator<Map.Entry<String, V>> weakestFirst =
                Map.Entry.<String, V>comparingByValue().thenComparing(Map.Entry.comparingByKey());
        for (Map.Entry<String, V> weak : first(values.entrySet(), values.size() - keep, weakestFirst)) {
            values.remove(weak.getKey());
        }
    }
}
