package io.newsflow.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

    /** Copies land anywhere, yet the originals keep the order the same shuffle gives them without copies. */
    @Test
    void aShuffleWithCopiesKeepsTheOriginalsInTheOrderTheyHaveWithout() {
        List<Integer> withCopies = IntStream.range(0, 150).boxed().toList();
        Set<Integer> copies = withCopies.stream().filter(i -> i >= 50).collect(Collectors.toSet());
        List<Integer> arranged = ArrivalOrder.shuffle(3).arrange(withCopies, copies);

        assertThat(arranged).containsExactlyInAnyOrderElementsOf(withCopies)
                .isEqualTo(ArrivalOrder.shuffle(3).arrange(withCopies, copies));
        assertThat(arranged.stream().filter(i -> i < 50).toList()).isEqualTo(ArrivalOrder.shuffle(3).arrange(ITEMS));
        assertThat(arranged.subList(0, 50)).as("copies among the first arrivals").anyMatch(copies::contains);
        assertThat(ArrivalOrder.byName().arrange(withCopies, copies)).isEqualTo(withCopies);
    }

    @Test
    void ordersAreNameOrderThenShufflesOneToN() {
        assertThat(ArrivalOrder.nameAndShuffles(3)).containsExactly(ArrivalOrder.byName(),
                ArrivalOrder.shuffle(1), ArrivalOrder.shuffle(2), ArrivalOrder.shuffle(3));
    }
}
