package io.newsflow.launcher.commands;

import io.newsflow.ingest.drops.ArticleFileException;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.launcher.eval.ClusteringScores;
import io.newsflow.launcher.eval.LabelledCorpus;
import io.newsflow.launcher.eval.OfflineEnrich;
import io.newsflow.schemas.RawArticle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", description = "Run a labelled corpus through ingest parsing and the enrich topology and score "
        + "the events against DIR/labels.json. The last line is machine-readable.")
public final class EvalCommand implements Callable<Integer> {

    enum Order { name, shuffle }

    @Option(names = "--corpus", required = true, description = "Folder of article files with labels.json.")
    Path corpus;

    @Option(names = "--order", defaultValue = "name", description = "Arrival order: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Order order;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the shuffled order (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        LabelledCorpus labelled = LabelledCorpus.read(corpus);
        List<Path> files = new ArrayList<>(labelled.articleFiles());
        if (order == Order.shuffle) {
            Collections.shuffle(files, new Random(seed));
        }

        List<RawArticle> articles = new ArrayList<>();
        Map<String, String> articleIdOfFile = new LinkedHashMap<>();
        int unreadable = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!labelled.goldEventOfFile().containsKey(name)) {
                System.err.println("skipped " + name + ": not in labels.json");
                continue;
            }
            try {
                List<RawArticle> parsed = ArticleFiles.parse(file);
                articles.addAll(parsed);
                articleIdOfFile.put(name, parsed.get(0).getArticleId());
            } catch (ArticleFileException e) {
                unreadable++;
                System.err.println("unreadable " + name + ": " + e.getMessage());
            }
        }

        Map<String, String> predicted = new LinkedHashMap<>();
        Map<String, String> gold = new LinkedHashMap<>();
        try (OfflineEnrich enrich = new OfflineEnrich()) {
            enrich.process(articles);
            Map<String, String> eventOfArticle = enrich.eventOfArticle();
            articleIdOfFile.forEach((file, articleId) -> {
                // An article no event lists is its own singleton: nothing is dropped from the score.
                predicted.put(file, eventOfArticle.getOrDefault(articleId, "unassigned:" + file));
                gold.put(file, labelled.goldEventOfFile().get(file));
            });
        }

        ClusteringScores scores = ClusteringScores.of(predicted, gold);
        int events = new HashSet<>(predicted.values()).size();
        int goldEvents = new HashSet<>(gold.values()).size();
        out.printf(Locale.ROOT, "corpus %s, order %s%s%n", corpus, order, order == Order.shuffle ? " (seed " + seed + ")" : "");
        out.printf(Locale.ROOT, "articles %d (unreadable %d), events %d, gold events %d%n",
                predicted.size(), unreadable, events, goldEvents);
        out.printf(Locale.ROOT, "pairwise precision=%.3f recall=%.3f f1=%.3f%n",
                scores.pairwisePrecision(), scores.pairwiseRecall(), scores.pairwiseF1());
        out.printf(Locale.ROOT, "bcubed   precision=%.3f recall=%.3f f1=%.3f%n",
                scores.bcubedPrecision(), scores.bcubedRecall(), scores.bcubedF1());
        out.printf(Locale.ROOT, "eval articles=%d events=%d gold_events=%d pairwise_f1=%.3f bcubed_f1=%.3f%n",
                predicted.size(), events, goldEvents, scores.pairwiseF1(), scores.bcubedF1());
        return 0;
    }
}
