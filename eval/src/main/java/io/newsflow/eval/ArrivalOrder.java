package io.newsflow.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

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

    public String label() {
        return shuffled ? "shuffle " + seed : "name";
    }
}
