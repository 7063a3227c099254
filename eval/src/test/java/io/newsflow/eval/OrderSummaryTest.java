package io.newsflow.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderSummaryTest {

    private static final Map<String, String> GOLD = Map.of("a", "E1", "b", "E1", "c", "E2", "d", "E2");

    @Test
    void summarisesScoresOverOrdersWithMinMedianMaxAndSpread() {
        GroupingOutcome perfect = outcome(ArrivalOrder.byName(), Map.of("a", "x", "b", "x", "c", "y", "d", "y"));
        GroupingOutcome split = outcome(ArrivalOrder.shuffle(1), Map.of("a", "x", "b", "z", "c", "y", "d", "y"));
        GroupingOutcome merged = outcome(ArrivalOrder.shuffle(2), Map.of("a", "x", "b", "x", "c", "x", "d", "x"));

        OrderSummary summary = OrderSummary.of(List.of(perfect, split, merged));

        double[] bcubed = {perfect.scores().bcubedF1(), split.scores().bcubedF1(), merged.scores().bcubedF1()};
        java.util.Arrays.sort(bcubed);
        assertThat(summary.orders()).isEqualTo(3);
        assertThat(summary.bcubedF1().min()).isEqualTo(bcubed[0]);
        assertThat(summary.bcubedF1().median()).isEqualTo(bcubed[1]);
        assertThat(summary.bcubedF1().max()).isEqualTo(1.0);
        assertThat(summary.bcubedF1().spread()).isCloseTo(1.0 - bcubed[0], within(1e-12));
        assertThat(summary.keys()).startsWith("orders=3 pairwise_min=")
                .contains(" bcubed_max=1.000 ").contains(" bcubed_spread=");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(OrderSummary.Range.of(new double[] {0.9, 0.1, 0.5, 0.7}).median()).isCloseTo(0.6, within(1e-12));
    }

    private static GroupingOutcome outcome(ArrivalOrder order, Map<String, String> predicted) {
        return GroupingOutcome.of(order, predicted, GOLD);
    }
}
