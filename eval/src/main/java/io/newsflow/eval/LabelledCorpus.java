package io.newsflow.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder of article files with {@code labels.json}: {@code {"events": [{"id", "articles": [file, ...]}]}}
 * and optionally per-article tags under {@code "articles"} (see ../shared/README.md).
 */
public record LabelledCorpus(Path dir, List<Path> articleFiles, Map<String, String> goldEventOfFile, JsonNode labels) {

    private static final Set<String> ARTICLE_SUFFIXES = Set.of(".txt", ".html", ".htm", ".json", ".jsonl", ".xml", ".gz");

    public static LabelledCorpus read(Path dir) throws IOException {
        Path labelsFile = dir.resolve("labels.json");
        if (!Files.isRegularFile(labelsFile)) {
            throw new IOException(dir + " has no labels.json");
        }
        JsonNode labels = new ObjectMapper().readTree(labelsFile.toFile());
        Map<String, String> gold = new LinkedHashMap<>();
        for (JsonNode event : labels.path("events")) {
            for (JsonNode article : event.path("articles")) {
                gold.put(article.asText(), event.path("id").asText());
            }
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("labels.json"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> ARTICLE_SUFFIXES.stream().anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .forEach(files::add);
        }
        return new LabelledCorpus(dir, files, gold, labels);
    }
}
