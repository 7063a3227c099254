package io.newsflow.benchmarks;

import io.newsflow.enrich.grouping.text.ArticleProfile;
import io.newsflow.enrich.grouping.text.MinHash;
import io.newsflow.enrich.grouping.text.TextFeatures;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.text.PageChrome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU cost of {@link TextFeatures#profile} per article, over a folder of plain-text articles
 * (first line the title), with the arguments grouping gives it: the cleaned body, the body as
 * received and the article's tags (computed once, outside the timing); once without a publication
 * day (files, as {@code newsflow eval} reads them: the dateline is searched) and once with one
 * (feeds: the text is searched for weekdays instead).
 * Not JMH: one call is short and the corpus is the workload, so it profiles every article per
 * round and reports the median round.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.newsflow.benchmarks.TextFeaturesCost
 * [folder, default testdata/ecbplus-tags] [measured rounds, default 50]}
 */
public final class TextFeaturesCost {

    private record Input(String title, String body, String received, ArticleTags tags) {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "testdata/ecbplus-tags");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<Input> inputs = read(folder);
        TextFeatures features = new TextFeatures(MinHash.standard());
        measure("no publication day", features, inputs, null, rounds);
        measure("publication day given", features, inputs, LocalDate.of(2008, 12, 16), rounds);
    }

    private static void measure(String label, TextFeatures features, List<Input> inputs, LocalDate published, int rounds) {
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            sink += round(features, inputs, published);
        }
        double[] micros = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            sink += round(features, inputs, published);
            micros[i] = (System.nanoTime() - start) / 1000.0 / inputs.size();
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "%s: %d articles, %d rounds: median %.1f µs/article (min %.1f, max %.1f) [%d]%n",
                label, inputs.size(), rounds, micros[rounds / 2], micros[0], micros[rounds - 1], sink % 10);
    }

    private static long round(TextFeatures features, List<Input> inputs, LocalDate published) {
        long sink = 0;
        for (Input in : inputs) {
            ArticleProfile p = features.profile(in.title, in.body, in.received, published, in.tags);
            sink += p.termWeights().size() + p.shingleHash().length;
        }
        return sink;
    }

    private static List<Input> read(Path folder) throws IOException {
        ArticleTagger tagger = ArticleTagger.standard();
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split("\\R", 2);
                String title = parts[0].strip();
                String body = parts.length > 1 ? parts[1].strip() : "";
                inputs.add(new Input(title, PageChrome.strip(body), body, tagger.tag(title, body)));
            }
        }
        return inputs;
    }
}
