package io.newsflow.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.ingest.drops.ArticleFileException;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What {@code newsflow eval} does: a labelled corpus through ingest's parsing and the enrich topology (driven
 * offline), in one or several arrival orders, scored against its gold events, and its tagging against hand labels.
 * Prints the report; its last line is the machine-readable contract ({@code eval articles=... bcubed_f1=...}),
 * to which keys are only ever appended.
 */
public final class CorpusEvaluation {

    private final Path corpus;
    private final boolean shuffle;
    private final long seed;
    private final int orders;
    private final TopicSplit split;
    private final double sample;
    private final long sampleSeed;
    private final int copies;
    private final boolean showEvents;
    private final List<Path> tagLabels;

    /**
     * @param shuffle   one shuffled order (with {@code seed}) rather than name order; ignored when {@code orders > 0}
     * @param orders    name order and this many shuffles (seeds 1..N), summarised; 0 for one run
     * @param split     the topic half evaluated: {@code all}, {@code tune} or {@code test} ({@link TopicSplit})
     * @param sample    share of the labelled articles evaluated, drawn with {@code sampleSeed}
     * @param copies    wire copies added per article ({@link WireCopies})
     * @param tagLabels label files with hand-labelled tags; empty: the corpus's own labels.json when it has them
     */
    public CorpusEvaluation(Path corpus, boolean shuffle, long seed, int orders, String split, double sample,
                            long sampleSeed, int copies, boolean showEvents, List<Path> tagLabels) {
        this.corpus = corpus;
        this.shuffle = shuffle;
        this.seed = seed;
        this.orders = orders;
        this.split = TopicSplit.valueOf(split);
        this.sample = sample;
        this.sampleSeed = sampleSeed;
        this.copies = copies;
        this.showEvents = showEvents;
        this.tagLabels = List.copyOf(tagLabels);
    }

    /** Runs the evaluation: report lines to {@code out} (the last one machine-readable), progress to {@code progress}. */
    public void run(PrintStream out, PrintStream progress) throws IOException {
        LabelledCorpus labelled = LabelledCorpus.read(corpus);
        List<Path> files = selectedFiles(labelled);
        progress.printf(Locale.ROOT, "eval: reading %d article files of %s%n", files.size(), corpus);
        EvalArticles articles = EvalArticles.parse(files, labelled.goldEventOfFile(), progress).withWireCopies(copies);
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
                : List.of(shuffle ? ArrivalOrder.shuffle(seed) : ArrivalOrder.byName());
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
    private String printTagging(LabelledCorpus labelled, PrintStream out) throws IOException {
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
    private TaggingEvaluation.Result evaluateTags(LabelledCorpus labelled) throws IOException {
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
