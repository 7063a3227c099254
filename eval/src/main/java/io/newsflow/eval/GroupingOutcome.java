package io.newsflow.eval;

import io.newsflow.eval.ClusteringScores;
import java.util.HashSet;
import java.util.Map;

/** One grouping run scored: each file's predicted and gold event, and the scores. */
public record GroupingOutcome(ArrivalOrder order, Map<String, String> predictedEventOfFile,
                              Map<String, String> goldEventOfFile, ClusteringScores scores, long markedCopies) {

    public static GroupingOutcome of(ArrivalOrder order, Map<String, String> predicted, Map<String, String> gold) {
        return of(order, predicted, gold, 0);
    }

    /** @param markedCopies how many members of the final events grouping marked as a copy of another */
    public static GroupingOutcome of(ArrivalOrder order, Map<String, String> predicted, Map<String, String> gold,
                                     long markedCopies) {
        return new GroupingOutcome(order, predicted, gold, ClusteringScores.of(predicted, gold), markedCopies);
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
