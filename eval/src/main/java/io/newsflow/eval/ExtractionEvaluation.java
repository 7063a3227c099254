package io.newsflow.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.extract.MainTextExtractor;
import io.newsflow.ingest.text.TextDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * What {@code newsflow extract-eval} does: ingest's main-text extraction on every page of {@code html/<id>.html.gz}
 * scored against {@code ground-truth.json} with the article-extraction benchmark's shingle metric. The last line
 * printed is the machine-readable contract ({@code extract pages=... f1=...}).
 */
public final class ExtractionEvaluation {

    private ExtractionEvaluation() {
    }

    /**
     * @param jsonOut  where to write the extractions as {@code {"<id>": {"articleBody": "..."}}}, or null
     * @param verbose  print precision and recall of every page
     */
    public static void run(Path pages, Path jsonOut, boolean verbose, PrintStream out, PrintStream progress)
            throws IOException {
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
                progress.println("page " + id + ": no file " + file + ", scored as empty");
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
                out.printf(Locale.ROOT, "page %s precision=%.3f recall=%.3f%n", id, one.precision(), one.recall());
            }
        }
        if (jsonOut != null) {
            ObjectNode root = mapper.createObjectNode();
            extracted.forEach((id, text) -> root.putObject(id).put("articleBody", text));
            mapper.writerWithDefaultPrettyPrinter().writeValue(jsonOut.toFile(), root);
        }
        out.printf(Locale.ROOT, "extract pages=%d f1=%.3f precision=%.3f recall=%.3f%n",
                scores.pages(), scores.f1(), scores.precision(), scores.recall());
    }

    /** Decodes the page as ingest does: BOM, declared charset, UTF-8 if valid, else a single-byte fallback. */
    private static String readHtml(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return TextDecoder.decode(in.readAllBytes(), true).text();
        }
    }
}
