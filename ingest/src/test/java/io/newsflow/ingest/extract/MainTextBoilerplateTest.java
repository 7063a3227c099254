package io.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The boilerplate rules layered over Readability's scoring, each on a small hand-made page. */
class MainTextBoilerplateTest {

    private static final String PROSE_1 = "<p>The council voted on Tuesday to extend the tram line to the northern districts, "
            + "after a debate that lasted, by most accounts, well into the night.</p>";
    private static final String PROSE_2 = "<p>Residents had asked for the extension for years, and the mayor said the first "
            + "trams would run on the new track before the end of next year.</p>";
    private static final String PROSE_3 = "<p>Opponents argued that the money, some forty million euros, would have been "
            + "better spent on buses, which reach more neighbourhoods at a lower cost.</p>";

    private final MainTextExtractor extractor = new MainTextExtractor();

    @Test
    void bylineAboveAndTagsAndTeaserLinksBelowTheArticleAreTrimmed() {
        String html = "<html><body><div class='story'><p>By Jane Doe</p><p>12 March 2024, 10:15</p>"
                + PROSE_1 + PROSE_2 + PROSE_3
                + "<p>Topics: <a href='/t/1'>Transport</a> <a href='/t/2'>City council</a></p>"
                + "<p><a href='/x'>Another story about the budget that readers liked</a></p></div></body></html>";
        String text = extractor.extract(html, "https://example.org/a");
        assertThat(text).startsWith("The council voted").endsWith("at a lower cost.")
                .doesNotContain("Jane Doe", "Topics", "Another story");
    }

    @Test
    void captionsCreditsAndHoverCardsAreNotText() {
        String html = "<html><body><div class='story'>" + PROSE_1
                + "<div class='image-caption'>The new tram depot, seen from the river, on a cold morning in March.</div>"
                + "<span class='photo-credit'>Photo: Agency</span>"
                + "<p>The plan was backed by <a href='/p/1'>Anna Berg</a><span class='rollover-people-block'>"
                + "<a href='/p/1'>Anna Berg</a> <a href='/a/9'>Berg opens the new library</a></span>, the deputy mayor, "
                + "who has argued for the tram since her first campaign years ago.</p>" + PROSE_2 + PROSE_3
                + "</div></body></html>";
        String text = extractor.extract(html, "https://example.org/a");
        assertThat(text).contains("backed by Anna Berg, the deputy mayor")
                .doesNotContain("tram depot", "Photo: Agency", "library");
    }

    @Test
    void adLabelsAndCapitalisedTeaserLinksInsideTheArticleAreDropped() {
        String html = "<html><body><div class='story'>" + PROSE_1 + "<p>Advertisement</p>"
                + "<p><strong><a href='/b'>MAYOR ANNOUNCES NEW BUS LINES FOR THE SUBURBS</a></strong></p>"
                + PROSE_2 + "<p>Continue reading below</p>" + PROSE_3 + "</div></body></html>";
        String text = extractor.extract(html, "https://example.org/a");
        assertThat(text).contains("well into the night.", "before the end of next year.", "at a lower cost.")
                .doesNotContain("Advertisement", "MAYOR ANNOUNCES", "Continue reading");
    }

    @Test
    void anArticleCutIntoChunksBetweenAdsIsJoined() {
        String chunk = "<div class='article-chunk body'>%s%s</div>";
        String html = "<html><body><main><div class='row'>" + chunk.formatted(PROSE_1, PROSE_2)
                + "<div class='rail'><a href='/ad'>Buy now</a></div></div>"
                + "<div class='row'>" + chunk.formatted(PROSE_3,
                        "<p>A final vote on the budget for the works is expected next month, the council's spokesman "
                                + "said, once the engineers have delivered their report on the route.</p>")
                + "<div class='rail'><a href='/ad'>Buy now</a></div></div></main></body></html>";
        String text = extractor.extract(html, "https://example.org/a");
        assertThat(text).contains("well into the night.", "at a lower cost.", "report on the route.")
                .doesNotContain("Buy now");
    }

    @Test
    void callsToActionClosingTheArticleAreTrimmed() {
        String html = "<html><body><div class='story'>" + PROSE_1 + PROSE_2 + PROSE_3
                + "<p>Like this story? Share it with a friend!</p>"
                + "<p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p></div></body></html>";
        String text = extractor.extract(html, "https://example.org/a");
        assertThat(text).endsWith("at a lower cost.").doesNotContain("Share it", "Subscribe");
    }

    @Test
    void aPostContainerWhoseClassesNameItsTagsAndAuthorIsKept() {
        String html = "<html><body><div class='post-12 post type-post tag-transport author-jane hentry'>"
                + PROSE_1 + PROSE_2 + PROSE_3 + "</div><div class='sidebar'><a href='/x'>Popular</a></div></body></html>";
        String text = extractor.extract(html, "https://example.org/a");
        assertThat(text).contains("well into the night.", "before the end of next year.", "at a lower cost.");
    }
}
