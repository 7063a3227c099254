package io.newsflow.eval;

import io.newsflow.ingest.drops.ArticleFileException;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.schemas.RawArticle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labelled articles `eval` groups, parsed once with ingest's parsing, in file name order:
 * each labelled file's articles and its gold event. Files are read once and reused by every order.
 * Wire copies, when added, are entries of their own named {@code <file>~wire<k>}, with the gold
 * event of their original.
 */
public record EvalArticles(Map<String, List<RawArticle>> articlesOfFile, Map<String, String> goldEventOfFile,
                           int unreadable, Set<String> wireCopyNames) {

    /** How many wire copies were added. */
    public int wireCopies() {
        return wireCopyNames.size();
    }

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
        return new EvalArticles(Collections.unmodifiableMap(articles), Collections.unmodifiableMap(gold), unreadable,
                Set.of());
    }

    /** These articles, each file's first followed by {@code perArticle} wire copies of it (see {@link WireCopies}). */
    public EvalArticles withWireCopies(int perArticle) {
        if (perArticle <= 0) {
            return this;
        }
        List<WireCopies.Entry> originals = new ArrayList<>();
        articlesOfFile.forEach((file, articles) -> originals.add(WireCopies.Entry.original(file, articles.get(0))));
        Map<String, List<RawArticle>> articles = new LinkedHashMap<>();
        Map<String, String> gold = new LinkedHashMap<>();
        Set<String> copies = new HashSet<>();
        for (WireCopies.Entry entry : WireCopies.following(originals, perArticle)) {
            boolean original = entry.name().equals(entry.labelledFile());
            articles.put(entry.name(), original ? articlesOfFile.get(entry.name()) : List.of(entry.article()));
            gold.put(entry.name(), goldEventOfFile.get(entry.labelledFile()));
            if (!original) {
                copies.add(entry.name());
            }
        }
        return new EvalArticles(Collections.unmodifiableMap(articles), Collections.unmodifiableMap(gold), unreadable,
                Collections.unmodifiableSet(copies));
    }

    public List<String> fileNames() {
        return List.copyOf(articlesOfFile.keySet());
    }
}
