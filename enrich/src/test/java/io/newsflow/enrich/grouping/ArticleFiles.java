package io.newsflow.enrich.grouping;

import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test articles from plain-text files the way a drop folder receives them: the first non-empty
 * line is the title, the rest the body. The article id is the file name without extension.
 */
public final class ArticleFiles {

    public static final Path SEEDS = Path.of("../testdata/seeds");
    private static final Instant FETCHED = Instant.parse("2026-01-05T10:00:00Z");

    private ArticleFiles() {
    }

    public static List<RawArticle> inNameOrder(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<RawArticle> articles = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                articles.add(read(file));
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RawArticle read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        String[] parts = text.split("\\R", 2);
        String name = file.getFileName().toString();
        return article(name.substring(0, name.lastIndexOf('.')), name, parts[0].strip(),
                parts.length > 1 ? parts[1].strip() : "");
    }

    public static RawArticle article(String id, String source, String title, String body) {
        return RawArticle.newBuilder()
                .setArticleId(id)
                .setSourceKind(SourceKind.FILE)
                .setSourceId(source)
                .setTitle(title)
                .setBody(body)
                .setFetchedAt(FETCHED)
                .setContentHash(sha256(title + "\n" + body))
                .setMetadata(Map.of())
                .build();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
