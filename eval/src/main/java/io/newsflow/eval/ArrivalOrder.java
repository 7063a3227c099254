package io.newsflow.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The order in which `eval` lets articles arrive: file name order, or a seeded shuffle of it. */
public record ArrivalOrder(boolean shuffled, long seed) {

    public static ArrivalOrder byName() {
        return new ArrivalOrder(false, 0);
    }

    public static ArrivalOrder shuffle(long seed) {
        return new ArrivalOrder(true, seed);
    }

    /** Name order, then shuffles with seeds 1..n: what `eval --orders n` runs. */
    public static List<ArrivalOrder> nameAndShuffles(int n) {
        List<ArrivalOrder> orders = new ArrayList<>();
        orders.add(byName());
        for (long seed = 1; seed <= n; seed++) {
            orders.add(shuffle(seed));
        }
        return orders;
    }

    /** The items in this order; the input is in name order and is not changed. */
    public <T> List<T> arrange(List<T> inNameOrder) {
        List<T> arranged = new ArrayList<>(inNameOrder);
        if (shuffled) {
            Collections.shuffle(arranged, new Random(seed));
        }
        return arranged;
    }

    /**
     * The items in this order when some are wire copies: in name order each copy follows its original (as the
     * input has it); shuffled, the originals take the very order a run without copies gives them and each copy
     * then lands at a seeded random place, before or after its original, as syndication over several feeds
     * delivers it. A shuffle with copies so differs from the one without in where the copies land only, and the
     * two runs compare.
     */
    public <T> List<T> arrange(List<T> inNameOrder, Set<T> copies) {
        if (!shuffled || copies.isEmpty()) {
            return arrange(inNameOrder);
        }
        List<T> arranged = arrange(inNameOrder.stream().filter(item -> !copies.contains(item)).toList());
        Random places = new Random(~seed);
        for (T item : inNameOrder) {
            if (copies.contains(item)) {
                arranged.add(places.nextInt(arranged.size() + 1), item);
            }
        }
        return arranged;
    }

    public String label() {
        return shuffled ? "shuffle " + seed : "name";
    }
}
