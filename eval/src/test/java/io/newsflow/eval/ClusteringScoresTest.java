package io.newsflow.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusteringScoresTest {

    @Test
    void perfectClusteringScoresOne() {
        Map<String, String> gold = Map.of("a", "X", "b", "X", "c", "Y");
        ClusteringScores s = ClusteringScores.of(Map.of("a", "1", "b", "1", "c", "2"), gold);
        assertThat(s.pairwiseF1()).isEqualTo(1.0);
        assertThat(s.bcubedF1()).isEqualTo(1.0);
        assertThat(s.predictedClusters()).isEqualTo(2);
        assertThat(s.goldClusters()).isEqualTo(2);
    }

    @Test
    void oneClusterForEverythingHasFullRecallAndLowPrecision() {
        // gold {a,b,c} {d}; predicted {a,b,c,d}
        Map<String, String> gold = Map.of("a", "X", "b", "X", "c", "X", "d", "Y");
        ClusteringScores s = ClusteringScores.of(Map.of("a", "1", "b", "1", "c", "1", "d", "1"), gold);
        assertThat(s.pairwiseRecall()).isEqualTo(1.0);
        assertThat(s.pairwisePrecision()).isCloseTo(3.0 / 6.0, within(1e-9));
        // BCubed precision: a,b,c each 3/4, d 1/4 -> 10/16
        assertThat(s.bcubedPrecision()).isCloseTo(10.0 / 16.0, within(1e-9));
        assertThat(s.bcubedRecall()).isEqualTo(1.0);
    }

    @Test
    void splittingAnEventCostsRecall() {
        // gold {a,b,c,d}; predicted {a,b} {c} {d}
        Map<String, String> gold = Map.of("a", "X", "b", "X", "c", "X", "d", "X");
        ClusteringScores s = ClusteringScores.of(Map.of("a", "1", "b", "1", "c", "2", "d", "3"), gold);
        assertThat(s.pairwisePrecision()).isEqualTo(1.0);
        assertThat(s.pairwiseRecall()).isCloseTo(1.0 / 6.0, within(1e-9));
        // BCubed recall: a,b 2/4, c,d 1/4 -> 6/16
        assertThat(s.bcubedRecall()).isCloseTo(6.0 / 16.0, within(1e-9));
        assertThat(s.bcubedF1()).isCloseTo(2 * 0.375 / 1.375, within(1e-9));
    }

    @Test
    void itemsMissingOnEitherSideAreIgnored() {
        ClusteringScores s = ClusteringScores.of(Map.of("a", "1", "b", "1", "z", "9"), Map.of("a", "X", "b", "X", "q", "Y"));
        assertThat(s.items()).isEqualTo(2);
        assertThat(s.bcubedF1()).isEqualTo(1.0);
    }
}
