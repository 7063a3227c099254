package io.newsflow.enrich.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Test articles from raw plain-text files, chrome and all: the first non-empty line is the title, the rest the
 * body, the id the file name without extension. Not a second reader of dropped files (that is ingest's
 * ArticleFiles): enrich's tests need the raw text, so that its own page-chrome stripping and the frozen
 * feature digests are tested on what ingest may pass through unchanged.
 */
public final class RawTextArticles {

    public static final Path SEEDS = Path.of("../testdata/seeds");
    private static final Instant FETCHED = Instant.parse("2026-01-05T10:00:00Z");

    private RawTextArticles() {
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

    /**
     * The seeds as ingest hands them on (see labels.json): labelled page chrome lines removed from
     * the body, the labelled publication time and outlet set, fetched long after publication, as a
     * file drop of old articles is. Undated articles carry only the fetch time.
     */
    public static List<RawArticle> seedsAsIngested() {
        try {
            JsonNode labels = new ObjectMapper().readTree(SEEDS.resolve("labels.json").toFile()).get("articles");
            List<RawArticle> articles = new ArrayList<>();
            for (RawArticle plain : inNameOrder(SEEDS)) {
                JsonNode label = labels.get(plain.getArticleId() + ".txt");
                Set<String> chrome = new HashSet<>();
                label.path("boilerplate_lines").forEach(line -> chrome.add(line.asText().strip()));
                String body = plain.getBody().lines().filter(line -> !chrome.contains(line.strip()))
                        .collect(Collectors.joining("\n"));
                RawArticle.Builder article = RawArticle.newBuilder(plain).setBody(body)
                        .setContentHash(sha256(plain.getTitle() + "\n" + body));
                String published = label.path("published").asText(null);
                if (published != null) {
                    article.setPublishedAt(published.length() == 10 ? LocalDate.parse(published).atStartOfDay(ZoneOffset.UTC).toInstant()
                            : LocalDateTime.parse(published).toInstant(ZoneOffset.UTC));
                }
                String outlet = label.path("source").asText(null);
                if (outlet != null) {
                    article.setMetadata(Map.of("outlet", outlet));
                }
                articles.add(article.build());
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
