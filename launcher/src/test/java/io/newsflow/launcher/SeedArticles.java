package io.newsflow.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.schemas.NewsEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The five seed articles of testdata/seeds and their gold events. */
final class SeedArticles {

    static final Path DIR = Path.of("..", "testdata", "seeds");

    private SeedArticles() {
    }

    /** Gold events as sets of file names, e.g. {000, 001, 002}, {003}, {004}. */
    static Set<Set<String>> goldEvents() throws Exception {
        JsonNode labels = new ObjectMapper().readTree(DIR.resolve("labels.json").toFile());
        Set<Set<String>> events = new HashSet<>();
        for (JsonNode event : labels.path("events")) {
            Set<String> files = new HashSet<>();
            event.path("articles").forEach(a -> files.add(a.asText()));
            events.add(files);
        }
        return events;
    }

    /** Article id (as ingest computes it) to file name. */
    static Map<String, String> fileOfArticleId() throws Exception {
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : fileNames()) {
            result.put(ArticleFiles.parse(DIR.resolve(name)).get(0).getArticleId(), name);
        }
        return result;
    }

    static Set<String> fileNames() throws Exception {
        JsonNode labels = new ObjectMapper().readTree(DIR.resolve("labels.json").toFile());
        Set<String> names = new java.util.TreeSet<>();
        labels.path("articles").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Drops every seed into the folder the way a careful writer does: a temporary name, then a rename. */
    static void dropInto(Path dropDir) throws Exception {
        Files.createDirectories(dropDir);
        for (String name : fileNames()) {
            Path partial = dropDir.resolve(name + ".part");
            Files.copy(DIR.resolve(name), partial);
            Files.move(partial, dropDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Events as sets of the seed files of their articles, to compare with {@link #goldEvents()}. */
    static Set<Set<String>> asFiles(List<NewsEvent> events, Map<String, String> fileOfArticle) {
        Set<Set<String>> grouped = new HashSet<>();
        for (NewsEvent event : events) {
            Set<String> files = new HashSet<>();
            event.getArticles().forEach(a -> files.add(fileOfArticle.get(a.getArticleId())));
            grouped.add(files);
        }
        return grouped;
    }

    static Map<String, Set<String>> byEvent(Map<String, String> eventOfFile) {
        Map<String, Set<String>> events = new TreeMap<>();
        eventOfFile.forEach((file, event) -> events.computeIfAbsent(event, e -> new java.util.TreeSet<>()).add(file));
        return events;
    }
}
