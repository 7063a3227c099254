package io.newsflow.launcher.eval;

import io.newsflow.ingest.drops.ArticleFileException;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.schemas.RawArticle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled articles `eval` groups, parsed once with ingest's parsing, in file name order:
 * each labelled file's articles and its gold event. Files are read once and reused by every order.
 */
public record EvalArticles(Map<String, List<RawArticle>> articlesOfFile, Map<String, String> goldEventOfFile,
                           int unreadable) {

    /**
     * @param files files in name order, already narrowed to the split and sample evaluated
     * @param log   where skipped and unreadable files are reported
     */
    public static EvalArticles parse(List<Path> files, Map<String, String> goldEventOfFile, PrintStream log) {
        Map<String, List<RawArticle>> articles = new LinkedHashMap<>();
        Map<String, String> gold = new LinkedHashMap<>();
        int unreadable = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!goldEventOfFile.containsKey(name)) {
                log.println("skipped " + name + ": not in labels.json");
                continue;
            }
            try {
                articles.put(name, ArticleFiles.parse(file));
                gold.put(name, goldEventOfFile.get(name));
            } catch (ArticleFileException e) {
                unreadable++;
                log.println("unreadable " + name + ": " + e.getMessage());
            }
        }
        return new EvalArticles(Collections.unmodifiableMap(articles), Collections.unmodifiableMap(gold), unreadable);
    }

    public List<String> fileNames() {
        return List.copyOf(articlesOfFile.keySet());
    }
}
