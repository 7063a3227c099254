package io.newsflow.launcher.commands;

import io.newsflow.eval.CorpusEvaluation;
import io.newsflow.launcher.broker.AllInOneParts;
import io.newsflow.launcher.config.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", description = "Run a labelled corpus through ingest parsing and the enrich topology and score "
        + "the events against DIR/labels.json. The last line is machine-readable.")
public final class EvalCommand implements Callable<Integer> {

    enum Order { name, shuffle }

    /** The topic halves of io.newsflow.eval.TopicSplit, by name: no type of the eval module in the options. */
    enum Split { all, tune, test }

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
    Split split;

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
        AllInOneParts.EVALUATION.require();
        if (!Files.isDirectory(corpus)) {
            throw new ConfigurationException("--corpus " + corpus + " is not a folder");
        }
        if (!Files.isRegularFile(corpus.resolve("labels.json"))) {
            throw new ConfigurationException("--corpus " + corpus + " has no labels.json");
        }
        try {
            // Progress goes to stderr: stdout's last line is the machine-readable contract.
            new CorpusEvaluation(corpus, order == Order.shuffle, seed, orders, split.name(), sample, sampleSeed, copies,
                    showEvents, tagLabels).run(System.out, System.err);
        } catch (IOException e) {
            // a labels file that cannot be read or parsed: the user's to fix, one line
            throw new ConfigurationException("eval: " + e.getMessage(), e);
        }
        return 0;
    }
}
