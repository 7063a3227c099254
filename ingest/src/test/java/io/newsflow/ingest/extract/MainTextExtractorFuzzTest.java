package io.newsflow.ingest.extract;

import io.newsflow.fuzz.FuzzInput;
import io.newsflow.fuzz.FuzzInputs;
import io.newsflow.fuzz.Outcomes;
import io.newsflow.fuzz.Seeds;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes {@link MainTextExtractor} with the benchmark pages under {@code src/test/resources/extraction},
 * edited: cut, spliced, re-encoded, with tags, boilerplate boxes, JSON-LD (valid, broken, huge numbers),
 * meta tags, odd URLs and nesting inserted. It documents no exception: every page gives a result.
 */
class MainTextExtractorFuzzTest {

    static final List<byte[]> HTML_FRAGMENTS = Seeds.fragments(
            "<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "<ul><li>", "<a href=\"/x\">", "</a>", "<br>", "<b><i><u>",
            "<p>A paragraph of prose, with commas, that reads like an article, and goes on for a while.</p>",
            "<div class=\"comment sidebar related\"><p>Not the article, a comment.</p></div>",
            "<div id=\"article-body\" class=\"story-content\">", "<article>", "</article>", "<main>",
            "<script>var x = '</p><p>';</script>", "<style>p{}</style>", "<noscript><p>x</p></noscript>", "<template><p>t</p></template>",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"articleBody\":\"Body text, long enough.\","
                    + "\"datePublished\":\"2024-13-45T99:99:99Z\",\"author\":[{\"name\":\"A\"},\"B\",null,7],\"publisher\":{\"name\":[1]}}</script>",
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":[\"Article\",1]},[],null,{\"@type\":{\"x\":1}}]}</script>",
            "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"articleBody\":1e999999999,\"headline\":123456789012345678901234567890}</script>",
            "<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>",
            "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":{\"author\":{\"author\":{\"name\":{}}}}}</script>",
            "<meta property=\"og:title\" content>", "<meta property=\"article:published_time\" content=\"99999999999999999999\">",
            "<meta name=\"author\" content=\"\">", "<meta property=\"og:site_name\">", "<meta property=\"og:locale\" content=\"__\">",
            "<link rel=\"canonical\" href=\"http://[::1\">", "<link rel=\"canonical\" href=\"javascript:void(0)\">",
            "<html lang=\"x_Y_zzzzzzzzzzzzzzzzz\">", "<time datetime=\"not a time\">", "<h1>", "</h1>", "<title>", "</title>",
            "<base href=\"%%%\">", "<frameset>", "<svg><p>in svg</p></svg>", "<math><mi>x", "<select><option>",
            "<!DOCTYPE html>", "<!-->", "<![CDATA[x]]>", "&nbsp;&amp;&#0;&#xD800;&#1114112;&notanentity", "\u0000", "\u00A0\u2007\u202F",
            "\uFEFF", "\u2028", "Advertisement", "Continue reading below");

    private final MainTextExtractor extractor = new MainTextExtractor();

    @Property
    void everyPageGivesAResult(@ForAll("pages") FuzzInput input, @ForAll("baseUrls") String baseUrl) {
        Statistics.label("extractor").collect(Outcomes.expect(input + " base " + baseUrl,
                () -> extractor.page(input.text(), baseUrl)));
    }

    @Provide
    Arbitrary<FuzzInput> pages() {
        return FuzzInputs.mutated(Seeds.files(Path.of("src/test/resources/extraction"), ".html.gz"), HTML_FRAGMENTS);
    }

    @Provide
    Arbitrary<String> baseUrls() {
        return Arbitraries.of("https://www.example.org/news/2024/06/20/story.html", "not a url", "http://[::1", "")
                .injectNull(0.5);
    }
}
