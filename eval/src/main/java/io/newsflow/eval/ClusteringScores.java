package io.newsflow.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Quality of a clustering against gold clusters, over the items both know.
 *
 * <p>Pairwise: precision and recall over the pairs of items put together. BCubed (Bagga and
 * Baldwin 1998): per item, the share of its predicted cluster that is in its gold cluster
 * (precision) and the share of its gold cluster that is in its predicted cluster (recall),
 * averaged over items. BCubed does not let a few big clusters dominate the way pairs do.
 */
public record ClusteringScores(int items, int predictedClusters, int goldClusters,
                               double pairwisePrecision, double pairwiseRecall, double pairwiseF1,
                               double bcubedPrecision, double bcubedRecall, double bcubedF1) {

    /**
     * @param predicted item -> predicted cluster id
     * @param gold      item -> gold cluster id; items missing from either side are ignored
     */
    public static <I, P, G> ClusteringScores of(Map<I, P> predicted, Map<I, G> gold) {
        Set<I> items = new java.util.LinkedHashSet<>(gold.keySet());
        items.retainAll(predicted.keySet());
        Map<P, Integer> predictedSizes = new HashMap<>();
        Map<G, Integer> goldSizes = new HashMap<>();
        Map<Map.Entry<P, G>, Integer> overlap = new HashMap<>();
        for (I item : items) {
            P p = predicted.get(item);
            G g = gold.get(item);
            predictedSizes.merge(p, 1, Integer::sum);
            goldSizes.merge(g, 1, Integer::sum);
            overlap.merge(Map.entry(p, g), 1, Integer::sum);
        }
        long together = 0;
        long predictedPairs = 0;
        long goldPairs = 0;
        for (int n : overlap.values()) {
            together += pairs(n);
        }
        for (int n : predictedSizes.values()) {
            predictedPairs += pairs(n);
        }
        for (int n : goldSizes.values()) {
            goldPairs += pairs(n);
        }
        double pp = predictedPairs == 0 ? 1.0 : (double) together / predictedPairs;
        double pr = goldPairs == 0 ? 1.0 : (double) together / goldPairs;

        double bp = 0;
        double br = 0;
        for (I item : items) {
            P p = predicted.get(item);
            G g = gold.get(item);
            int both = overlap.get(Map.entry(p, g));
            bp += (double) both / predictedSizes.get(p);
            br += (double) both / goldSizes.get(g);
        }
        int n = items.size();
        bp = n == 0 ? 1.0 : bp / n;
        br = n == 0 ? 1.0 : br / n;
        return new ClusteringScores(n, predictedSizes.size(), goldSizes.size(), pp, pr, f1(pp, pr), bp, br, f1(bp, br));
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
