package io.newsflow.launcher.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise and BCubed precision, recall and F1 of a predicted clustering against gold clusters.
 * Both maps go from item to cluster id and must hold the same items.
 *
 * <p>Pairwise counts pairs of items put together; BCubed averages, per item, the share of its
 * predicted cluster that is truly its own (precision) and of its gold cluster that was found
 * (recall). BCubed rewards getting singletons right, pairwise punishes big wrong merges.
 */
public record ClusteringScores(double pairwisePrecision, double pairwiseRecall, double pairwiseF1,
                               double bcubedPrecision, double bcubedRecall, double bcubedF1) {

    public static ClusteringScores of(Map<String, String> predicted, Map<String, String> gold) {
        if (!predicted.keySet().equals(gold.keySet())) {
            throw new IllegalArgumentException("predicted and gold clusterings cover different items");
        }
        Map<String, Integer> predictedSize = sizes(predicted);
        Map<String, Integer> goldSize = sizes(gold);
        Map<String, Integer> overlap = new HashMap<>();
        predicted.forEach((item, p) -> overlap.merge(p + "\u0000" + gold.get(item), 1, Integer::sum));

        long truePairs = overlap.values().stream().mapToLong(ClusteringScores::pairs).sum();
        long predictedPairs = predictedSize.values().stream().mapToLong(ClusteringScores::pairs).sum();
        long goldPairs = goldSize.values().stream().mapToLong(ClusteringScores::pairs).sum();
        double pp = predictedPairs == 0 ? 1.0 : (double) truePairs / predictedPairs;
        double pr = goldPairs == 0 ? 1.0 : (double) truePairs / goldPairs;

        double bp = 0;
        double br = 0;
        for (Map.Entry<String, String> e : predicted.entrySet()) {
            int both = overlap.get(e.getValue() + "\u0000" + gold.get(e.getKey()));
            bp += (double) both / predictedSize.get(e.getValue());
            br += (double) both / goldSize.get(gold.get(e.getKey()));
        }
        int n = predicted.size();
        bp = n == 0 ? 1.0 : bp / n;
        br = n == 0 ? 1.0 : br / n;
        return new ClusteringScores(pp, pr, f1(pp, pr), bp, br, f1(bp, br));
    }

    private static Map<String, Integer> sizes(Map<String, String> clustering) {
        Map<String, Integer> sizes = new HashMap<>();
        clustering.values().forEach(c -> sizes.merge(c, 1, Integer::sum));
        return sizes;
    }

    private static long pairs(int n) {
        return (long) n * (n - 1) / 2;
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
