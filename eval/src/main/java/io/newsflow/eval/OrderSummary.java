package io.newsflow.eval;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** How much the grouping scores move with arrival order: min, median and max over several orders. */
public record OrderSummary(int orders, Range pairwiseF1, Range bcubedF1) {

    /** Min, median (mean of the middle two for an even count) and max of some values. */
    public record Range(double min, double median, double max) {

        static Range of(double[] values) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Range(sorted[0], median, sorted[n - 1]);
        }

        public double spread() {
            return max - min;
        }
    }

    public static OrderSummary of(List<GroupingOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("no orders to summarise");
        }
        return new OrderSummary(outcomes.size(),
                range(outcomes, o -> o.scores().pairwiseF1()), range(outcomes, o -> o.scores().bcubedF1()));
    }

    private static Range range(List<GroupingOutcome> outcomes, ToDoubleFunction<GroupingOutcome> score) {
        return Range.of(outcomes.stream().mapToDouble(score).toArray());
    }

    /** The keys `eval --orders` adds to its last line. */
    public String keys() {
        return String.format(Locale.ROOT, "orders=%d pairwise_min=%.3f pairwise_median=%.3f pairwise_max=%.3f"
                        + " bcubed_min=%.3f bcubed_median=%.3f bcubed_max=%.3f bcubed_spread=%.3f",
                orders, pairwiseF1.min(), pairwiseF1.median(), pairwiseF1.max(),
                bcubedF1.min(), bcubedF1.median(), bcubedF1.max(), bcubedF1.spread());
    }

    public String describe() {
        return String.format(Locale.ROOT, "orders %d: pairwise f1 min=%.3f median=%.3f max=%.3f spread=%.3f;"
                        + " bcubed f1 min=%.3f median=%.3f max=%.3f spread=%.3f",
                orders, pairwiseF1.min(), pairwiseF1.median(), pairwiseF1.max(), pairwiseF1.spread(),
                bcubedF1.min(), bcubedF1.median(), bcubedF1.max(), bcubedF1.spread());
    }
}
