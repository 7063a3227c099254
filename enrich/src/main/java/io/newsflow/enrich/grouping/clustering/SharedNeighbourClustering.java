package io.newsflow.enrich.grouping.clustering;

import io.newsflow.enrich.grouping.vectors.TermSlots;
import io.newsflow.enrich.grouping.vectors.TermVector;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Clusters the articles of one neighbourhood (an arriving article and the members of the events
 * it may belong to) by shared nearest neighbours, then average-link agglomeration.
 *
 * <p>Why shared neighbours rather than the similarity itself: two reports of sibling events (two
 * title fights of one boxer, two earthquakes on one island) share most of their words, so their
 * cosine looks like that of two reports of one event. What differs is who their neighbours are:
 * each report of a fight is nearest to the other reports of that fight. Two articles are as alike
 * as the share of their nearest neighbours they have in common (Jarvis and Patrick 1973; Ertöz,
 * Steinbach and Kumar 2003), which adapts to how dense each event's reports are.
 *
 * <p>Constraints: two clusters never join when any pair across them is vetoed (dated too far
 * apart, naming different holders of one office, or different officials of the same two countries),
 * nor when their mean cosine is below what the caller requires for that many pairs (a guard for a
 * young stream, where everything is everything's neighbour).
 */
public final class SharedNeighbourClustering {

    /** One article: its vector, day (epoch day or null) and office holders. */
    record Item(TermVector vector, Long day, List<EventSimilarity.Holder> holders) {
    }

    /**
     * Each article lists as neighbours the closer share of the articles it is similar to at all
     * (cosine at or above the floor), at least {@link #MIN_NEIGHBOURS} and at most
     * {@code maxNeighbours}: in a dense neighbourhood (a big story) k is the cap, in a sparse one
     * (a story of three reports) the list shrinks with it, so that two reports of a small event are
     * not outvoted by a large crowd of loosely related articles.
     *
     * @param maxNeighbours  most nearest neighbours an article lists (k)
     * @param neighbourShare share of its similar articles an article lists as neighbours
     * @param floor          least cosine for a neighbour: less similar articles are no neighbours at all
     * @param threshold      least mean shared-neighbour affinity for two clusters to join
     * @param dayVetoDays    two articles dated further apart are never in one cluster; 0 for no such veto
     */
    public record Settings(int maxNeighbours, double neighbourShare, double floor, double threshold, int dayVetoDays) {
    }

    static final int MIN_NEIGHBOURS = 3;

    private static final double TIE = 1e-9;

    private SharedNeighbourClustering() {
    }

    /**
     * @param requiredCosine the least mean cosine two clusters need, given how many article pairs they span
     * @return clusters as lists of item positions, each in increasing order, ordered by their first item
     */
    public static List<List<Integer>> cluster(List<Item> items, Settings settings, IntToDoubleFunction requiredCosine) {
        int n = items.size();
        double[][] cosine = cosines(items);
        BitSet[] neighbour = neighbours(cosine, settings);
        long[][] marks = new long[n][];
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            marks[i] = neighbour[i].toLongArray();
            counts[i] = neighbour[i].cardinality();
        }
        double[][] affinity = new double[n][n];
        double[][] vetoes = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                affinity[i][j] = affinity[j][i] = sharedShare(marks[i], counts[i], marks[j], counts[j]);
                if (vetoed(items.get(i), items.get(j), settings.dayVetoDays())) {
                    vetoes[i][j] = vetoes[j][i] = 1;
                }
            }
        }
        return averageLink(n, affinity, cosine, vetoes, settings.threshold(), requiredCosine);
    }

    /**
     * All pairwise cosines. The region's terms are numbered by slots once; then for each article
     * its weights are spread over an array by slot, and its products with the articles before it
     * are a pass over their slots (see {@link TermSlots}): the sums of a merge of the two term arrays, to
     * the last bit, at a fraction of the cost.
     */
    private static double[][] cosines(List<Item> items) {
        int n = items.size();
        int terms = 0;
        for (Item item : items) {
            terms += item.vector().size();
        }
        TermSlots slots = new TermSlots(terms);
        int[][] slotOf = new int[n][];
        for (int i = 0; i < n; i++) {
            TermVector v = items.get(i).vector();
            slotOf[i] = new int[v.size()];
            for (int x = 0; x < v.size(); x++) {
                slotOf[i][x] = slots.add(v.term(x));
            }
        }
        double[] spread = new double[slots.capacity()];
        double[][] cosine = new double[n][n];
        for (int j = 1; j < n; j++) {
            TermVector vj = items.get(j).vector();
            for (int x = 0; x < vj.size(); x++) {
                spread[slotOf[j][x]] = vj.weight(x);
            }
            for (int i = 0; i < j; i++) {
                TermVector vi = items.get(i).vector();
                int[] at = slotOf[i];
                double dot = 0;
                for (int x = 0; x < at.length; x++) {
                    dot += vi.weight(x) * spread[at[x]];
                }
                cosine[i][j] = cosine[j][i] = dot;
            }
            for (int x = 0; x < vj.size(); x++) {
                spread[slotOf[j][x]] = 0;
            }
        }
        return cosine;
    }

    /**
     * Row i marks i itself and its nearest items at or above the floor: the k closest, equal
     * cosines by position. A selection into a short array: rows are short, and this runs for every
     * row of every neighbourhood.
     */
    private static BitSet[] neighbours(double[][] cosine, Settings settings) {
        int n = cosine.length;
        BitSet[] marks = new BitSet[n];
        for (int i = 0; i < n; i++) {
            double[] row = cosine[i];
            int similar = 0;
            for (int j = 0; j < n; j++) {
                if (j != i && row[j] >= settings.floor()) {
                    similar++;
                }
            }
            int k = Math.min(similar, Math.max(MIN_NEIGHBOURS, Math.min(settings.maxNeighbours(),
                    (int) Math.ceil(similar * settings.neighbourShare()))));
            int[] nearest = new int[k];
            int kept = 0;
            for (int j = 0; j < n && k > 0; j++) {
                if (j == i || row[j] < settings.floor() || kept == k && !closer(row, j, nearest[k - 1])) {
                    continue;
                }
                int at = kept == k ? k - 1 : kept++;
                while (at > 0 && closer(row, j, nearest[at - 1])) {
                    nearest[at] = nearest[at - 1];
                    at--;
                }
                nearest[at] = j;
            }
            marks[i] = new BitSet(n);
            marks[i].set(i);
            for (int j : nearest) {
                marks[i].set(j);
            }
        }
        return marks;
    }

    /** Whether item a is nearer in this row than item b: the larger cosine, or on a tie the earlier item. */
    private static boolean closer(double[] row, int a, int b) {
        return row[a] != row[b] ? row[a] > row[b] : a < b;
    }

    /** Shared neighbours over the smaller list: an article with few neighbours is not held to k. */
    private static double sharedShare(long[] a, int countA, long[] b, int countB) {
        int shared = 0;
        for (int w = 0; w < Math.min(a.length, b.length); w++) {
            shared += Long.bitCount(a[w] & b[w]);
        }
        return (double) shared / Math.min(countA, countB);
    }

    private static boolean vetoed(Item a, Item b, int dayVetoDays) {
        return EventSimilarity.dayConflict(a.day(), b.day(), dayVetoDays)
                || EventSimilarity.officialsConflict(a.holders(), b.holders());
    }

    private static List<List<Integer>> averageLink(int n, double[][] affinity, double[][] cosine, double[][] vetoes,
                                                   double threshold, IntToDoubleFunction requiredCosine) {
        List<List<Integer>> clusters = new ArrayList<>();
        // sizes in an array: the pair scan below is the hot loop, it reads them n² times per merge
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            clusters.add(new ArrayList<>(List.of(i)));
            size[i] = 1;
        }
        while (true) {
            int bestA = -1;
            int bestB = -1;
            double best = 0;
            double bestCosine = 0;
            for (int a = 0; a < n; a++) {
                if (size[a] == 0) {
                    continue;
                }
                double[] affinityA = affinity[a];
                double[] cosineA = cosine[a];
                double[] vetoesA = vetoes[a];
                for (int b = a + 1; b < n; b++) {
                    if (size[b] == 0 || vetoesA[b] > 0) {
                        continue;
                    }
                    int pairs = size[a] * size[b];
                    double mean = affinityA[b] / pairs;
                    double meanCosine = cosineA[b] / pairs;
                    if (mean < threshold || meanCosine < requiredCosine.applyAsDouble(pairs)) {
                        continue;
                    }
                    // Equal shares of neighbours (in a small neighbourhood all are everyone's): the closer pair first.
                    if (bestA < 0 || mean > best + TIE || mean > best - TIE && meanCosine > bestCosine) {
                        best = mean;
                        bestCosine = meanCosine;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0) {
                break;
            }
            // Row and column a now hold the sums over the union.
            for (int x = 0; x < n; x++) {
                affinity[bestA][x] += affinity[bestB][x];
                affinity[x][bestA] = affinity[bestA][x];
                cosine[bestA][x] += cosine[bestB][x];
                cosine[x][bestA] = cosine[bestA][x];
                vetoes[bestA][x] += vetoes[bestB][x];
                vetoes[x][bestA] = vetoes[bestA][x];
            }
            clusters.get(bestA).addAll(clusters.get(bestB));
            clusters.get(bestB).clear();
            size[bestA] += size[bestB];
            size[bestB] = 0;
        }
        List<List<Integer>> result = new ArrayList<>();
        for (List<Integer> c : clusters) {
            if (!c.isEmpty()) {
                c.sort(null);
                result.add(c);
            }
        }
        return result;
    }
}
