package io.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile pages: work must grow with the size of the page, not with its size times its depth. A walk up to
 * the root per text node or per element took minutes on these pages (47 s for 12,500 nested blockquotes,
 * growing with the square); now about a second of CPU. The bound is generous so that a cold JVM on a busy
 * machine cannot fail it, and a quadratic extractor cannot pass it.
 */
class DeepPagesTest {

    static final int TAGS = 100_000;
    static final Duration BOUND = Duration.ofSeconds(15);

    /** 100,000 nested tags (2 MB) of the kinds each scoring step looks at: blocks, paragraphs, captions, links. */
    static String nestedPage() {
        String[] opening = {"<div>", "<blockquote>", "<div class=\"caption\">", "<section class=\"story\">"};
        String[] closing = {"</div>", "</blockquote>", "</div>", "</section>"};
        StringBuilder html = new StringBuilder("<html><head><title>Deep</title></head><body>"
                + "<p>The harbour reopened on Monday after three days of closure, the port authority said.</p>");
        for (int i = 0; i < TAGS; i++) {
            html.append(opening[i % 4]).append(i % 4 == 0 ? "w, <a href=/l>l</a>" : "w ");
        }
        for (int i = TAGS - 1; i >= 0; i--) {
            html.append(closing[i % 4]);
        }
        return html.append("</body></html>").toString();
    }

    @Test
    void aHundredThousandNestedTagsTakeSecondsNotMinutes() {
        String html = nestedPage();

        ExtractedPage page = assertTimeoutPreemptively(BOUND,
                () -> new MainTextExtractor().page(html, "https://deep.example/"));

        assertThat(page.title()).isEqualTo("Deep");
        assertThat(page.text()).contains("The harbour reopened on Monday");
    }

    @Test
    void aHundredThousandSiblingsToRemoveTakeSecondsNotMinutes() {
        StringBuilder html = new StringBuilder("<html><body><article>"
                + "<p>The harbour reopened on Monday after three days of closure, the port authority said.</p>");
        for (int i = 0; i < TAGS; i++) {
            html.append("<span class=\"comment\">c</span><span hidden>h</span><script>s</script>");
        }
        String page = html.append("</article></body></html>").toString();

        String text = assertTimeoutPreemptively(BOUND, () -> new MainTextExtractor().extract(page, null));

        assertThat(text).isEqualTo("The harbour reopened on Monday after three days of closure, the port authority said.");
    }
}
