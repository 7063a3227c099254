package io.newsflow.ingest.drops;

import io.newsflow.fuzz.FuzzInput;
import io.newsflow.fuzz.FuzzInputs;
import io.newsflow.fuzz.Outcomes;
import io.newsflow.fuzz.Seed;
import io.newsflow.fuzz.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the drop folder's reader, {@link ArticleFiles#read}, on files written to disk as a dropper
 * would: the seed articles ({@code testdata/seeds}), JSON and JSON Lines articles, a page and feeds,
 * edited (chrome lines, dates, huge numbers, nesting, broken JSON, invalid UTF-8, UTF-16, BOMs) and
 * dropped under their own name or another one ({@code .json} holding text, {@code .gz}, no extension).
 * Every file gives its {@link DropContents} or an {@link ArticleFileException}.
 */
class ArticleFilesFuzzTest {

    private static final String JSON_ARTICLE = """
            {"title": "Harbour reopens after storm", "body": "The harbour of Saint-Malo reopened on Monday, the port authority said.\\n\\nFishermen returned to sea at dawn.",
             "url": "https://www.example.org/news/harbour", "published": "2024-06-20T08:00:00Z", "language": "en",
             "source": "Example Gazette", "byline": "Staff", "metadata": {"section": "local", "words": 42, "paywall": false}}
            """;
    private static final String JSON_HTML_ARTICLE = """
            {"headline": "Officials meet", "html": "<html><body><article><p>China and ROK officials exchanged views in Seoul on Tuesday, the ministry said.</p></article></body></html>", "link": "https://example.org/a", "date": "20 June 2024"}
            """;
    private static final List<byte[]> FRAGMENTS = Seeds.fragments(
            // Plain text: the lines PlainTextParser reads as chrome, bylines, datelines and sources.
            "By Staff Reporter\n", "Published: 31/02/2024 25:61\n", "Updated 2024-06-20T08:00:00+99:99\n", "Source: Reuters\n",
            "Home | News | Sport | Weather\n", "Editor: \n", "Advertisement\n", "(Reuters) - ", "http://[::1\n",
            "https://www.example.org/news/2024/06/20/story?id=99999999999999999999\n", "\n\n\n", "\t \u00A0\n", "99999999999999999999",
            // JSON: huge and odd numbers, nesting, wrong types, escapes, a second line for JSON Lines.
            "{\"title\":", "\"body\":", "\"html\":\"<p>x</p>\",", "\"published\":\"31/02/2024\",", "\"published\":1e999999999,",
            "123456789012345678901234567890", "-0", "1e-999999", "null", "true", "[", "]", "{", "}", ",", ":", "\"\\ud800\"", "\"\\u0000\"",
            "{\"metadata\":{\"a\":{\"b\":[1]}}}", "\"url\":\"http://[::1\",", "\n{\"title\":\"t\",\"body\":\"b\"}\n", "\n[]\n", "\n\"x\"\n",
            // Markup: pages and feeds.
            "<html>", "<p>", "</p>", "<div>", "<article>", "<script>", "<![CDATA[", "]]>", "&amp;", "&#0;", "<item>", "</item>",
            "<!DOCTYPE rss [<!ENTITY x \"x\">]>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "\u0000", "\uFEFF", "\u2028");

    private static Path dir;
    private static final Instant FETCHED = Instant.parse("2024-06-20T08:00:00Z");

    @BeforeContainer
    static void makeDropDir() throws IOException {
        dir = Files.createTempDirectory("article-files-fuzz");
    }

    @AfterContainer
    static void removeDropDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Property
    void everyDroppedFileGivesArticlesOrAnArticleFileException(@ForAll("files") FuzzInput input,
                                                             @ForAll("droppedAs") String droppedAs) throws IOException {
        String seedName = input.seed().name();
        String name = switch (droppedAs) {
            case "own name" -> "dropped" + seedName.substring(seedName.lastIndexOf('.'));
            case "own name, gzipped" -> "dropped" + seedName.substring(seedName.lastIndexOf('.')) + ".gz";
            default -> "dropped" + droppedAs;
        };
        Path file = dir.resolve(name);
        Files.write(file, name.endsWith(".gz") && !droppedAs.equals(".gz") ? gzip(input.bytes()) : input.bytes());
        Statistics.label("drop-files").collect(Outcomes.expect(input + " dropped as " + name,
                () -> ArticleFiles.read(file, name, ArticleFiles.DEFAULT_MAX_BYTES, FETCHED), ArticleFileException.class));
    }

    @Provide
    Arbitrary<FuzzInput> files() {
        List<Seed> seeds = new ArrayList<>(Seeds.files(Path.of("../testdata/seeds"), ".txt"));
        seeds.add(new Seed("article.json", JSON_ARTICLE.getBytes(StandardCharsets.UTF_8)));
        seeds.add(new Seed("page-article.json", JSON_HTML_ARTICLE.getBytes(StandardCharsets.UTF_8)));
        seeds.add(new Seed("articles.jsonl", (JSON_ARTICLE.replace("\n", " ") + "\n" + JSON_HTML_ARTICLE.replace("\n", " ") + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        seeds.add(Seeds.files(Path.of("src/test/resources/extraction"), ".html.gz").get(0));
        seeds.addAll(Seeds.files(Path.of("src/test/resources/feeds"), "content_encoded.xml", "heise.atom"));
        return FuzzInputs.mutated(seeds.stream().map(s -> new Seed(s.name().replace(".html.gz", ".html"), s.bytes())).toList(),
                FRAGMENTS);
    }

    @Provide
    Arbitrary<String> droppedAs() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just("own name")),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("own name, gzipped")),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(".txt", ".json", ".jsonl", ".html", ".xml", "", ".gz", ".pdf")));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
