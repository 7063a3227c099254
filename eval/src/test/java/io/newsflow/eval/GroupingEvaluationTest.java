package io.newsflow.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.RawArticle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seeds group right in any arrival order: the offline runner `newsflow eval` uses. */
class GroupingEvaluationTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7})
    void seedsGiveTheGoldEventsInAnyOrder(long seed) {
        List<RawArticle> articles = new ArrayList<>(CorpusFiles.inNameOrder(CorpusFiles.SEEDS));
        if (seed > 0) {
            Collections.shuffle(articles, new Random(seed));
        }
        Map<String, String> eventOf = GroupingEvaluation.run(articles);

        Set<Set<String>> predicted = eventOf.keySet().stream()
                .collect(Collectors.groupingBy(eventOf::get, Collectors.toCollection(TreeSet::new)))
                .values().stream().map(s -> (Set<String>) s).collect(Collectors.toSet());
        assertThat(predicted).isEqualTo(Set.of(
                Set.of("000_16d210ef47e2a33a", "001_7f609bce913b8f04", "002_e4007a39067177ba"),
                Set.of("003_cf9a69334054b8ad"),
                Set.of("004_22830d41a2a2e69c")));
        Map<String, String> gold = Map.of("000_16d210ef47e2a33a", "E1", "001_7f609bce913b8f04", "E1",
                "002_e4007a39067177ba", "E1", "003_cf9a69334054b8ad", "E2", "004_22830d41a2a2e69c", "E3");
        ClusteringScores scores = ClusteringScores.of(eventOf, gold);
        assertThat(scores.pairwiseF1()).isEqualTo(1.0);
        assertThat(scores.bcubedF1()).isEqualTo(1.0);
    }
}
