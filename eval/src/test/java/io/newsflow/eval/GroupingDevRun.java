package io.newsflow.eval;

import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.RawArticle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Development runner, not a test (it reads ../shared, which tests must not need):
 * {@code java ... GroupingDevRun <corpus dir> [link smallSample coldStart [details]]} prints the scores in name order and three shuffles.
 */
public final class GroupingDevRun {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        GroupingSettings settings = GroupingSettings.defaults(Duration.ofDays(7));
        if (args.length > 3) {
            settings = settings.withLinkThresholds(Double.parseDouble(args[1]), Double.parseDouble(args[2]),
                    Double.parseDouble(args[3]));
        }
        Map<String, String> gold = gold(dir);
        List<RawArticle> articles = CorpusFiles.inNameOrder(dir);
        run("name", articles, gold, settings, args.length > 4);
        for (long seed = 1; seed <= 3; seed++) {
            List<RawArticle> shuffled = new ArrayList<>(articles);
            Collections.shuffle(shuffled, new Random(seed));
            run("shuffle-" + seed, shuffled, gold, settings, false);
        }
    }

    private static void run(String order, List<RawArticle> articles, Map<String, String> gold, GroupingSettings settings,
                            boolean details) {
        long start = System.nanoTime();
        Map<String, String> predicted = GroupingEvaluation.run(articles, settings);
        long ms = (System.nanoTime() - start) / 1_000_000;
        ClusteringScores s = ClusteringScores.of(predicted, gold);
        System.out.printf("%-10s n=%d events=%d gold=%d pairwise P=%.3f R=%.3f F1=%.3f  bcubed P=%.3f R=%.3f F1=%.3f  (%d ms)%n",
                order, s.items(), s.predictedClusters(), s.goldClusters(), s.pairwisePrecision(), s.pairwiseRecall(),
                s.pairwiseF1(), s.bcubedPrecision(), s.bcubedRecall(), s.bcubedF1(), ms);
        if (details) {
            Map<String, List<String>> byEvent = new java.util.TreeMap<>();
            predicted.forEach((a, e) -> byEvent.computeIfAbsent(e, k -> new ArrayList<>()).add(a + "[" + gold.get(a) + "]"));
            byEvent.values().forEach(v -> {
                Map<String, Integer> composition = new java.util.TreeMap<>();
                v.forEach(a -> composition.merge(a.substring(a.indexOf('[') + 1, a.length() - 1), 1, Integer::sum));
                System.out.println("  " + composition);
            });
        }
    }

    static Map<String, String> gold(Path dir) throws Exception {
        JsonNode labels = new ObjectMapper().readTree(dir.resolve("labels.json").toFile());
        Map<String, String> gold = new HashMap<>();
        for (JsonNode event : labels.get("events")) {
            for (JsonNode file : event.get("articles")) {
                String name = file.asText();
                gold.put(name.substring(0, name.lastIndexOf('.')), event.get("id").asText());
            }
        }
        return gold;
    }
}
