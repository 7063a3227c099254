package io.newsflow.ingest.drops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The optional {@code <name>.meta.json} next to a dropped file ({@code story.txt.meta.json}, or
 * {@code story.meta.json}): what the dropper knows for sure (url, source, published, language,
 * title, byline) overrides what Newsflow guessed from the text. Sidecars are never articles themselves.
 */
record Sidecar(JsonNode fields) {

    static final String SUFFIX = ".meta.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean isSidecar(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    /** The sidecar files that may belong to an article file, most specific first. */
    static Path[] candidates(Path articleFile) {
        String name = articleFile.getFileName().toString();
        String stem = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        int dot = stem.lastIndexOf('.');
        Path exact = articleFile.resolveSibling(name + SUFFIX);
        return dot > 0 ? new Path[] {exact, articleFile.resolveSibling(stem.substring(0, dot) + SUFFIX)} : new Path[] {exact};
    }

    static Optional<Path> find(Path articleFile) {
        for (Path candidate : candidates(articleFile)) {
            // A link counts as a sidecar so that reading it refuses the drop, rather than leaving it behind.
            if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Sidecar read(Path file) throws ArticleFileException {
        ArticleFiles.refuseLink(file, "sidecar");
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            JsonNode node = JSON.readTree(in);
            if (node == null || !node.isObject()) {
                throw new ArticleFileException("The sidecar " + file.getFileName() + " is not a JSON object.");
            }
            return new Sidecar(node);
        } catch (IOException e) {
            throw new ArticleFileException("The sidecar " + file.getFileName() + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    Optional<String> text(String field) {
        JsonNode value = fields.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()
                ? Optional.empty() : Optional.of(value.asText().strip());
    }
}
