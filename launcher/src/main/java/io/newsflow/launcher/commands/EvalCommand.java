package io.newsflow.launcher.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.grouping.ClusteringScores;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.enrich.tagging.TaggingEvaluation;
import io.newsflow.ingest.drops.ArticleFileException;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.launcher.config.ConfigurationException;
import io.newsflow.launcher.broker.AllInOneParts;
import io.newsflow.launcher.eval.ArrivalOrder;
import io.newsflow.launcher.eval.EvalArticles;
import io.newsflow.launcher.eval.GroupingOutcome;
import io.newsflow.launcher.eval.GroupingRun;
import io.newsflow.launcher.eval.LabelledCorpus;
import io.newsflow.launcher.eval.OrderSummary;
import io.newsflow.launcher.eval.OutcomeLines;
import io.newsflow.launcher.eval.TopicSplit;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    @Option(names = "--orders", defaultValue = "0", description = "Run name order and N shuffles (seeds 1..N) and "
            + "summarise how the scores move with arrival order (min, median, max, spread); --order and --seed are "
            + "then ignored (default ${DEFAULT-VALUE}: one run).")
    int orders;

    @Option(names = "--split", defaultValue = "all", description = "Topic half to evaluate: ${COMPLETION-CANDIDATES}: "
            + "tune (odd topic numbers, the number before the file name's underscore), test (even topics) or all "
            + "(default ${DEFAULT-VALUE}). Settings are tuned on the tune half only.")
    TopicSplit split;

    @Option(names = "--sample", defaultValue = "1", description = "Share of the labelled articles to evaluate on, "
            + "drawn at random (default ${DEFAULT-VALUE}: all): a sparser stream with smaller events, to see whether "
            + "the figures hold beyond the corpus as it is.")
    double sample;

    @Option(names = "--sample-seed", defaultValue = "7", description = "Seed of the --sample draw (default ${DEFAULT-VALUE}).")
    long sampleSeed;

    @Option(names = "--copies", defaultValue = "0", description = "Wire copies added per labelled article "
            + "(another URL; a credit line, or \"UPDATE 1-\" and the last paragraph cut), each right after its original "
            + "in name order, scored like any article with its original's gold event (default ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--show-events", description = "Print each predicted event with its files and their gold events.")
    boolean showEvents;

    @Option(names = "--tag-labels", description = "A labels.json whose \"articles\" hold hand-labelled countries and "
            + "officials (article files beside it). Default: the corpus's own labels.json when it has them.")
    List<Path> tagLabels = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        AllInOneParts.TOPOLOGY_TEST_DRIVER.require();
        PrintStream out = System.out;
        // Progress goes to stderr: stdout's last line is the machine-readable contract.
        PrintStream progress = System.err;
        LabelledCorpus labelled = readCorpus();
        List<Path> files = selectedFiles(labelled);
        progress.printf(Locale.ROOT, "eval: reading %d article files of %s%n", files.size(), corpus);
        EvalArticles articles = EvalArticles.parse(files, labelled.goldEventOfFile(), System.err).withWireCopies(copies);
        List<GroupingOutcome> outcomes = groupInEveryOrder(articles, out, progress);
        // With --orders the detailed lines and the last line's existing keys are those of name order.
        GroupingOutcome first = outcomes.get(0);
        if (showEvents) {
            OutcomeLines.printEvents(first, out);
        }
        printGrouping(first, articles, out);
        String tagKeys = printTagging(labelled, out);
        String orderKeys = "";
        if (orders > 0) {
            OrderSummary summary = OrderSummary.of(outcomes);
            out.println(summary.describe());
            orderKeys = " " + summary.keys();
        }
        ClusteringScores scores = first.scores();
        out.printf(Locale.ROOT, "eval articles=%d events=%d gold_events=%d pairwise_f1=%.3f bcubed_f1=%.3f%s%s%n",
                first.articles(), first.events(), first.goldEvents(), scores.pairwiseF1(), scores.bcubedF1(),
                tagKeys, orderKeys);
        return 0;
    }

    private LabelledCorpus readCorpus() {
        if (!Files.isDirectory(corpus)) {
            throw new ConfigurationException("--corpus " + corpus + " is not a folder");
        }
        try {
            return LabelledCorpus.read(corpus);
        } catch (IOException e) {
            throw new ConfigurationException("--corpus " + e.getMessage(), e);
        }
    }

    /** The labelled files of the split evaluated, and of those the sampled share. */
    private List<Path> selectedFiles(LabelledCorpus labelled) {
        List<Path> files = new ArrayList<>(labelled.articleFiles());
        files.removeIf(file -> !split.keeps(file.getFileName().toString()));
        if (sample < 1) {
            Random draw = new Random(sampleSeed);
            files.removeIf(file -> draw.nextDouble() >= sample);
        }
        return files;
    }

    /** The production topology (tagging and grouping) driven offline, with in-memory stores, in each order evaluated. */
    private List<GroupingOutcome> groupInEveryOrder(EvalArticles articles, PrintStream out, PrintStream progress) {
        GroupingRun grouping = new GroupingRun(articles, GroupingSettings.defaults(GroupingSettings.DEFAULT_IDLE_TIMEOUT));
        List<ArrivalOrder> runOrders = orders > 0 ? ArrivalOrder.nameAndShuffles(orders)
                : List.of(order == Order.shuffle ? ArrivalOrder.shuffle(seed) : ArrivalOrder.byName());
        List<GroupingOutcome> outcomes = new ArrayList<>();
        for (ArrivalOrder arrival : runOrders) {
            progress.printf(Locale.ROOT, "eval: grouping in %s (run %d of %d)%n", arrival.label(), outcomes.size() + 1,
                    runOrders.size());
            GroupingOutcome outcome = grouping.run(arrival);
            outcomes.add(outcome);
            if (orders > 0) {
                out.println(OutcomeLines.orderLine(outcome));
            }
        }
        return outcomes;
    }

    private void printGrouping(GroupingOutcome first, EvalArticles articles, PrintStream out) {
        out.printf(Locale.ROOT, "corpus %s, order %s%s%s%s%n", corpus, first.order().label(),
                split == TopicSplit.all ? "" : ", split " + split + " (topics " + (split == TopicSplit.tune ? "odd" : "even") + ")",
                sample < 1 ? String.format(Locale.ROOT, ", sample %.2f (seed %d)", sample, sampleSeed) : "",
                copies > 0 ? ", " + copies + " wire copies per article" : "");
        out.printf(Locale.ROOT, "articles %d (unreadable %d), events %d, gold events %d%n",
                first.articles(), articles.unreadable(), first.events(), first.goldEvents());
        if (copies > 0) {
            out.printf(Locale.ROOT, "marked as copies %d (wire copies added %d)%n", first.markedCopies(), articles.wireCopies());
        }
        ClusteringScores scores = first.scores();
        out.printf(Locale.ROOT, "pairwise precision=%.3f recall=%.3f f1=%.3f%n",
                scores.pairwisePrecision(), scores.pairwiseRecall(), scores.pairwiseF1());
        out.printf(Locale.ROOT, "bcubed   precision=%.3f recall=%.3f f1=%.3f%n",
                scores.bcubedPrecision(), scores.bcubedRecall(), scores.bcubedF1());
    }

    /** Prints the tagging scores when the corpus has tag labels; returns the keys they add to the last line ("" without). */
    private String printTagging(LabelledCorpus labelled, PrintStream out) throws Exception {
        TaggingEvaluation.Result tags = evaluateTags(labelled);
        if (tags == null) {
            return "";
        }
        out.printf(Locale.ROOT, "countries articles=%d precision=%.3f recall=%.3f f1=%.3f%n", tags.articles(),
                tags.countries().precision(), tags.countries().recall(), tags.countries().f1());
        out.printf(Locale.ROOT, "officials articles=%d precision=%.3f recall=%.3f f1=%.3f%n", tags.articles(),
                tags.officials().precision(), tags.officials().recall(), tags.officials().f1());
        TaggingEvaluation.Attributes attributes = tags.officialAttributes();
        out.printf(Locale.ROOT, "official country accuracy=%.3f (%d of %d matched officials)%n",
                attributes.countryAccuracy(), attributes.countryRight(), attributes.matched());
        out.printf(Locale.ROOT, "official role accuracy=%.3f (%d of %d matched officials with a labelled role)%n",
                attributes.roleAccuracy(), attributes.roleRight(), attributes.roleLabelled());
        out.printf(Locale.ROOT, "officials in full (name, country, role) precision=%.3f recall=%.3f f1=%.3f%n",
                tags.officialsFull().precision(), tags.officialsFull().recall(), tags.officialsFull().f1());
        // keys are only ever appended to the last line: tools read the earlier ones by name
        return String.format(Locale.ROOT, " country_f1=%.3f official_f1=%.3f official_country_acc=%.3f"
                        + " official_role_acc=%.3f official_full_f1=%.3f",
                tags.countries().f1(), tags.officials().f1(), attributes.countryAccuracy(), attributes.roleAccuracy(),
                tags.officialsFull().f1());
    }

    /**
     * Tags every hand-labelled article as the pipeline does (ingest's parsing, then the tagger with
     * the publication day) and scores countries and officials, summed over all label files.
     */
    private TaggingEvaluation.Result evaluateTags(LabelledCorpus labelled) throws Exception {
        List<Path> sources = new ArrayList<>(tagLabels);
        if (sources.isEmpty() && labelled.labels().path("articles").size() > 0) {
            sources.add(labelled.dir().resolve("labels.json"));
        }
        if (sources.isEmpty()) {
            return null;
        }
        ArticleTagger tagger = ArticleTagger.standard();
        TaggingEvaluation evaluation = new TaggingEvaluation(tagger);
        TaggingEvaluation.Result total = null;
        for (Path labelsFile : sources) {
            Path dir = labelsFile.toAbsolutePath().getParent();
            JsonNode articles = new ObjectMapper().readTree(labelsFile.toFile()).path("articles");
            TaggingEvaluation.Result result = evaluation.evaluate(articles, (file, label) -> {
                try {
                    RawArticle article = ArticleFiles.parse(dir.resolve(file)).get(0);
                    LocalDate day = article.getPublishedAt() == null ? null
                            : LocalDate.ofInstant(article.getPublishedAt(), ZoneOffset.UTC);
                    return tagger.tag(article.getTitle(), article.getBody(), day);
                } catch (ArticleFileException e) {
                    throw new IOException(file + ": " + e.getMessage(), e);
                }
            });
            total = total == null ? result : total.plus(result);
        }
        return total;
    }
}
