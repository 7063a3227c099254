package io.newsflow.launcher.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.extract.MainTextExtractor;
import io.newsflow.ingest.text.TextDecoder;
import io.newsflow.launcher.eval.ExtractionScores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
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
        if (format == Format.json && out == null) {
            System.err.println("--format json needs --out FILE");
            return 2;
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode truth = mapper.readTree(pages.resolve("ground-truth.json").toFile());
        MainTextExtractor extractor = new MainTextExtractor();
        ExtractionScores scores = new ExtractionScores();
        Map<String, String> extracted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            String url = entry.getValue().path("url").asText(null);
            Path file = pages.resolve("html").resolve(id + ".html.gz");
            String text;
            if (!Files.isRegularFile(file)) {
                System.err.println("page " + id + ": no file " + file + ", scored as empty");
                text = "";
            } else {
                text = extractor.extract(readHtml(file), url);
            }
            extracted.put(id, text);
            String expected = entry.getValue().path("articleBody").asText("");
            scores.add(expected, text);
            if (verbose) {
                ExtractionScores one = new ExtractionScores();
                one.add(expected, text);
                System.out.printf(Locale.ROOT, "page %s precision=%.3f recall=%.3f%n", id, one.precision(), one.recall());
            }
        }
        if (format == Format.json) {
            ObjectNode root = mapper.createObjectNode();
            extracted.forEach((id, text) -> root.putObject(id).put("articleBody", text));
            mapper.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
        }
        System.out.printf(Locale.ROOT, "extract pages=%d f1=%.3f precision=%.3f recall=%.3f%n",
                scores.pages(), scores.f1(), scores.precision(), scores.recall());
        return 0;
    }

    /** Decodes the page as ingest does: BOM, declared charset, UTF-8 if valid, else a single-byte fallback. */
    private static String readHtml(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return TextDecoder.decode(in.readAllBytes(), true).text();
        }
    }
}
