package io.newsflow.ingest.feeds.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParagraphTextExtractorTest {

    private final ArticleTextExtractor extractor = new ParagraphTextExtractor();

    @Test
    void withoutAnArticleElementTheDensestParagraphBlockIsTaken() {
        String html = """
                <html><body>
                <div class="menu"><p>Home</p><p>World</p></div>
                <div class="story">
                  <p>The council approved the budget on Tuesday after a long debate.</p>
                  <p>Opposition members said the plan cuts too deep into local services.</p>
                </div>
                <div class="related"><p>Read more: other news</p></div>
                <footer><p>Copyright 2025</p></footer>
                </body></html>""";
        assertThat(extractor.extract(html, "https://example.org/story")).isEqualTo(
                "The council approved the budget on Tuesday after a long debate.\n\n"
                        + "Opposition members said the plan cuts too deep into local services.");
    }

    @Test
    void aPageWithoutTextGivesNothing() {
        assertThat(extractor.extract("<html><body><img src=x></body></html>", null)).isEmpty();
        assertThat(extractor.extract("", null)).isEmpty();
    }
}
