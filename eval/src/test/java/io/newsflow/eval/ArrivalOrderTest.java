package io.newsflow.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArrivalOrderTest {

    private static final List<Integer> ITEMS = IntStream.range(0, 50).boxed().toList();

    @Test
    void nameOrderKeepsTheItemsAndShufflesAreRepeatablePermutations() {
        assertThat(ArrivalOrder.byName().arrange(ITEMS)).isEqualTo(ITEMS);
        List<Integer> shuffled = ArrivalOrder.shuffle(3).arrange(ITEMS);
        assertThat(shuffled).containsExactlyInAnyOrderElementsOf(ITEMS).isNotEqualTo(ITEMS)
                .isEqualTo(ArrivalOrder.shuffle(3).arrange(ITEMS))
                .isNotEqualTo(ArrivalOrder.shuffle(4).arrange(ITEMS));
    }

    @Test
    void ordersAreNameOrderThenShufflesOneToN() {
        assertThat(ArrivalOrder.nameAndShuffles(3)).containsExactly(ArrivalOrder.byName(),
                ArrivalOrder.shuffle(1), ArrivalOrder.shuffle(2), ArrivalOrder.shuffle(3));
    }
}
