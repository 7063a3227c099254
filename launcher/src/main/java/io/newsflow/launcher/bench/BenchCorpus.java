package io.newsflow.launcher.bench;

import io.newsflow.ingest.drops.ArticleFileException;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.ingest.text.ArticleIdentity;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files the benchmark drops, written to a staging folder beside the drop folder (same file
 * system, so moving one in is a rename), each with the id ingest will give its article.
 */
final class BenchCorpus {

    /** A file ready to drop, and the id of the article it holds. */
    record DropFile(Path staged, String articleId) {
    }

    private BenchCorpus() {
    }

    static List<DropFile> stage(List<GeneratedArticle> articles, Path staging) throws IOException {
        Files.createDirectories(staging);
        List<DropFile> files = new ArrayList<>(articles.size());
        for (GeneratedArticle article : articles) {
            Path file = staging.resolve(article.fileName());
            Files.writeString(file, article.toJson(), StandardCharsets.UTF_8);
            String canonical = ArticleIdentity.canonicalUrl(article.url());
            files.add(new DropFile(file, ArticleIdentity.articleId(canonical, "")));
        }
        return files;
    }

    /**
     * The article files of a folder (labels and sidecars left out), copied to the staging folder in
     * name order, each read once as ingest reads it to know its article's id.
     */
    static List<DropFile> stageFolder(Path corpus, Path staging) throws IOException {
        Files.createDirectories(staging);
        List<Path> sources;
        try (Stream<Path> listed = Files.list(corpus)) {
            sources = listed.filter(Files::isRegularFile).filter(BenchCorpus::isArticleFile).sorted().toList();
        }
        List<DropFile> files = new ArrayList<>();
        for (Path source : sources) {
            List<RawArticle> articles;
            try {
                articles = ArticleFiles.parse(source);
            } catch (ArticleFileException e) {
                continue; // a file ingest would refuse has no latency to measure
            }
            if (articles.size() != 1) {
                continue; // one article per file: the latency of a file is that of its article
            }
            Path staged = staging.resolve(source.getFileName().toString());
            Files.copy(source, staged);
            Path sidecar = source.resolveSibling(source.getFileName() + ".meta.json");
            if (Files.exists(sidecar)) {
                Files.copy(sidecar, staging.resolve(sidecar.getFileName().toString()));
            }
            files.add(new DropFile(staged, articles.get(0).getArticleId()));
        }
        return files;
    }

    private static boolean isArticleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.endsWith(".meta.json") && !name.startsWith("labels")
                && !name.endsWith(".md") && !name.startsWith("license") && !name.startsWith("readme");
    }
}
