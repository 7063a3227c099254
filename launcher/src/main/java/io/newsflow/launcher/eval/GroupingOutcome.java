package io.newsflow.launcher.eval;

import io.newsflow.enrich.grouping.ClusteringScores;
import java.util.HashSet;
import java.util.Map;

/** One grouping run scored: each file's predicted and gold event, and the scores. */
public record GroupingOutcome(ArrivalOrder order, Map<String, String> predictedEventOfFile,
                              Map<String, String> goldEventOfFile, ClusteringScores scores) {

    public static GroupingOutcome of(ArrivalOrder order, Map<String, String> predicted, Map<String, String> gold) {
        return new GroupingOutcome(order, predicted, gold, ClusteringScores.of(predicted, gold));
    }

    public int articles() {
        return predictedEventOfFile.size();
    }

    public int events() {
        return new HashSet<>(predictedEventOfFile.values()).size();
    }

    public int goldEvents() {
        return new HashSet<>(goldEventOfFile.values()).size();
    }
}
