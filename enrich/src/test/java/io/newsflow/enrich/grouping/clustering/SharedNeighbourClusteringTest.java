package io.newsflow.enrich.grouping.clustering;

import io.newsflow.enrich.grouping.vectors.TermSlots;
import io.newsflow.enrich.grouping.vectors.TermVector;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.grouping.clustering.EventSimilarity.Holder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedNeighbourClusteringTest {

    private static final SharedNeighbourClustering.Settings SETTINGS = new SharedNeighbourClustering.Settings(10, 0.5, 0.05, 0.4, 0);
    private static final Holder SUN = new Holder("sun weidong", "Vice Foreign Minister", "CN");
    private static final Holder MA = new Holder("ma zhaoxu", "Vice Foreign Minister", "CN");
    // the counterpart both vice ministers met: with one, two vice foreign ministers mean two meetings (#18)
    private static final Holder KIM = new Holder("kim hong-kyun", "First Vice Foreign Minister", "KR");

    /** Unit vector over the given terms, equal weights. */
    private static Map<String, Double> vector(String... terms) {
        Map<String, Double> v = new HashMap<>();
        for (String t : terms) {
            v.put(t, 1 / Math.sqrt(terms.length));
        }
        return v;
    }

    private static SharedNeighbourClustering.Item item(Long day, List<Holder> holders, String... terms) {
        return new SharedNeighbourClustering.Item(TermVector.of(vector(terms)), day, holders);
    }

    /**
     * Two sibling stories (two title fights of one boxer): every report shares the topic's words, so
     * a report of one fight is about as close to a report of the other (cosine 0.4) as many reports of
     * one event are to each other; but each report's nearest neighbours are the reports of its own fight.
     */
    @Test
    void siblingStoriesSplitByTheirNeighboursThoughTheirWordsOverlap() {
        List<SharedNeighbourClustering.Item> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(item(null, List.of(), "klitschko", "heavyweight", "title", "knockout",
                    "rahman", "mannheim", "own" + i, "word" + i, "other" + i, "more" + i));
            items.add(item(null, List.of(), "klitschko", "heavyweight", "title", "knockout",
                    "thompson", "bern", "own" + i + "b", "word" + i + "b", "other" + i + "b", "more" + i + "b"));
        }
        assertThat(new TermSlots.Spread(items.get(0).vector()).dot(items.get(1).vector())).isEqualTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new TermSlots.Spread(items.get(0).vector()).dot(items.get(2).vector())).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-9));

        List<List<Integer>> clusters = SharedNeighbourClustering.cluster(items, SETTINGS, pairs -> 0.1);

        assertThat(clusters).containsExactly(List.of(0, 2, 4, 6, 8, 10), List.of(1, 3, 5, 7, 9, 11));
    }

    @Test
    void differentHoldersOfOneOfficeMeetingOneCounterpartNeverShareACluster() {
        List<SharedNeighbourClustering.Item> items = List.of(
                item(null, List.of(SUN, KIM), "seoul", "strategic", "dialogue", "vice", "minister"),
                item(null, List.of(SUN, KIM), "seoul", "strategic", "dialogue", "vice", "minister", "talks"),
                item(null, List.of(MA, KIM), "seoul", "strategic", "dialogue", "vice", "minister", "talks"));

        assertThat(SharedNeighbourClustering.cluster(items, SETTINGS, pairs -> 0.1))
                .containsExactly(List.of(0, 1), List.of(2));
    }

    /** In a young stream every article is every other's neighbour: the cosine guard keeps them apart. */
    @Test
    void theCosineGuardKeepsLooselyRelatedArticlesApart() {
        List<SharedNeighbourClustering.Item> items = List.of(
                item(null, List.of(), "china", "korea", "a1", "a2", "a3"),
                item(null, List.of(), "china", "korea", "b1", "b2", "b3"),
                item(null, List.of(), "china", "korea", "c1", "c2", "c3"));

        assertThat(SharedNeighbourClustering.cluster(items, SETTINGS, pairs -> 0.5)).hasSize(3);
        assertThat(SharedNeighbourClustering.cluster(items, SETTINGS, pairs -> 0.3)).containsExactly(List.of(0, 1, 2));
    }

    @Test
    void aDayVetoWhenSetKeepsReportsDatedFarApartApart() {
        List<SharedNeighbourClustering.Item> items = List.of(
                item(19_000L, List.of(), "summit", "seoul", "talks", "x"),
                item(19_030L, List.of(), "summit", "seoul", "talks", "y"));
        SharedNeighbourClustering.Settings veto = new SharedNeighbourClustering.Settings(10, 0.5, 0.05, 0.4, 10);

        assertThat(SharedNeighbourClustering.cluster(items, veto, pairs -> 0.1)).hasSize(2);
        assertThat(SharedNeighbourClustering.cluster(items, SETTINGS, pairs -> 0.1)).hasSize(1);
    }
}
