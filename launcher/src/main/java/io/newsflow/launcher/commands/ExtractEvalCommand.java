package io.newsflow.launcher.commands;

import io.newsflow.eval.ExtractionEvaluation;
import io.newsflow.launcher.broker.AllInOneParts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "extract-eval", description = "Extract the main text of every page in DIR/html/<id>.html.gz and score it "
        + "against DIR/ground-truth.json with the article-extraction benchmark's shingle metric. The last line is machine-readable.")
public final class ExtractEvalCommand implements Callable<Integer> {

    enum Format { text, json }

    @Option(names = "--pages", required = true, description = "Folder with html/<id>.html.gz and ground-truth.json.")
    Path pages;

    @Option(names = "--format", defaultValue = "text", description = "Also write the extractions: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", description = "File for --format json: {\"<id>\": {\"articleBody\": \"...\"}}.")
    Path out;

    @Option(names = "--verbose", description = "Print precision and recall of every page.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        AllInOneParts.EVALUATION.require();
        if (format == Format.json && out == null) {
            System.err.println("--format json needs --out FILE");
            return 2;
        }
        ExtractionEvaluation.run(pages, format == Format.json ? out : null, verbose, System.out, System.err);
        return 0;
    }
}
