package io.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed articles against their gold labels ({@code testdata/seeds/labels.json}): every labelled
 * boilerplate line is gone from the body, every other paragraph is kept whole, and title, source
 * and publication date are read as labelled.
 */
class SeedArticlesTest {

    private static final Path SEEDS = Path.of("../testdata/seeds");

    /**
     * Lines the labels do not list but that are page chrome too: the cleaner removes them and this
     * test checks that it does. Everything else in a seed must survive.
     */
    private static final Map<String, List<String>> ALSO_CHROME = Map.of(
            // licence footer below the copyright line, and the site's Chinese registration numbers
            "000_16d210ef47e2a33a.txt", List.of("Reproduction in whole or in part without permission is prohibited.",
                    "[网上传播视听节目许可证(0106168)] [京ICP证040655号]", "[京公网安备 11010202009201号] [京ICP备05004340号-1]"),
            // the byline is metadata (checked below); the rest is the comment box
            "003_cf9a69334054b8ad.txt", List.of("BY SEO JI-EUN [seo.jieun1@joongang.co.kr]",
                    "help-image Social comment?", "s", "lock icon"));

    private final PlainTextParser parser = PlainTextParser.withBundledOutlets();

    static Stream<Arguments> seeds() throws IOException {
        JsonNode labels = new ObjectMapper().readTree(SEEDS.resolve("labels.json").toFile()).get("articles");
        List<Arguments> arguments = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = labels.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            arguments.add(Arguments.of(entry.getKey(), entry.getValue()));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void boilerplateIsCutAndEveryOtherParagraphKept(String file, JsonNode label) throws IOException {
        String text = Files.readString(SEEDS.resolve(file), StandardCharsets.UTF_8);
        PlainTextArticle article = parser.parse(text);
        String body = squash(article.body());

        List<String> boilerplate = new ArrayList<>();
        label.get("boilerplate_lines").forEach(line -> boilerplate.add(squash(line.asText())));
        List<String> alsoChrome = ALSO_CHROME.getOrDefault(file, List.of()).stream().map(SeedArticlesTest::squash).toList();
        for (String line : boilerplate) {
            assertThat(body).as("labelled boilerplate in the body of %s", file).doesNotContain(line);
        }
        List<String> paragraphs = List.of(article.body().split("\n\n")).stream().map(SeedArticlesTest::squash).toList();
        for (String line : alsoChrome) {
            assertThat(paragraphs).as("chrome in the body of %s", file).doesNotContain(line);
        }
        String title = squash(label.get("title").asText());
        for (String rawLine : text.split("\\R")) {
            String line = squash(rawLine);
            boolean isBoilerplate = boilerplate.stream().anyMatch(line::contains) || alsoChrome.contains(line);
            if (line.isEmpty() || isBoilerplate || line.equals(title)) {
                continue;
            }
            assertThat(body).as("paragraph kept whole in %s", file).contains(line);
        }
        assertThat(body).as("title not repeated in the body").doesNotStartWith(title);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void metadataIsReadAsLabelled(String file, JsonNode label) throws IOException {
        PlainTextArticle article = parser.parse(Files.readString(SEEDS.resolve(file), StandardCharsets.UTF_8));

        assertThat(article.title()).isEqualTo(label.get("title").asText());
        assertThat(article.source()).isEqualTo(label.get("source").isNull() ? null : label.get("source").asText());
        assertThat(article.publishedAt()).isEqualTo(published(label.get("published")));
    }

    private static Instant published(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.length() == 10
                ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }

    /** White space as a browser shows it: non-breaking spaces are spaces, runs are one. */
    private static String squash(String text) {
        return text.replaceAll("[\\s\\u00A0\\u202F\\u2007]+", " ").strip();
    }
}
