package io.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceKind;
import io.newsflow.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Articles over a record's size keep their text, cut at a paragraph end, never mid-character. */
class OversizeArticlesTest {

    private final OversizeArticles fitter = OversizeArticles.forProducer(Map.of("max.request.size", "100000"),
            new Topics("", null).rawArticles());

    @Test
    void aSmallArticleGoesWhole() {
        RawArticle article = article("Short", "A short body.", "<p>A short body.</p>");
        OversizeArticles.Fitted fitted = fitter.fit(article);
        assertThat(fitted.article()).isSameAs(article);
        assertThat(fitted.change()).isNull();
    }

    @Test
    void dropsTheHtmlFirstThenCutsTheBodyAtAParagraphEnd() {
        String body = "Un paragraphe accentué, déjà lu — encore une fois. ".repeat(40).strip() + "\n\n";
        RawArticle htmlOnly = article("Page", "A short body.", "<p>" + "x".repeat(200_000) + "</p>");
        assertThat(fitter.fit(htmlOnly).article().getRawHtml()).isNull();
        assertThat(fitter.fit(htmlOnly).article().getBody()).isEqualTo("A short body.");
        assertThat(fitter.fit(htmlOnly).article().getMetadata()).containsEntry("truncated", "raw HTML dropped");

        OversizeArticles.Fitted fitted = fitter.fit(article("Long", body.repeat(100).strip(), "<p>long</p>"));
        assertThat(fitted.value().length).isLessThanOrEqualTo(100_000 - OversizeArticles.FRAMING_MARGIN);
        assertThat(fitted.article().getBody()).endsWith("encore une fois.").doesNotContain("\uFFFD");
        assertThat(fitted.article().getMetadata().get("truncated")).startsWith("raw HTML dropped; body cut from ");
    }

    @Test
    void cutsWithinTheByteBudgetWithoutSplittingACharacter() {
        String text = "€".repeat(1000);
        String cut = OversizeArticles.cut(text, 1000);
        assertThat(cut).isEqualTo("€".repeat(333));
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
    }

    @Test
    void anArticleThatCannotFitSaysWhy() {
        OversizeArticles.Fitted fitted = fitter.fit(article("t".repeat(200_000), "body", null));
        assertThat(fitted.article()).isNull();
        assertThat(fitted.change()).contains("without its HTML and body");
    }

    private static RawArticle article(String title, String body, String html) {
        return RawArticle.newBuilder().setArticleId("txt-1").setSourceKind(SourceKind.FILE).setSourceId("a.txt")
                .setTitle(title).setBody(body).setRawHtml(html).setFetchedAt(Instant.EPOCH).setContentHash("h")
                .setMetadata(Map.of()).build();
    }
}
