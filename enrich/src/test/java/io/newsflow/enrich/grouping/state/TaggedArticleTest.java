package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.RawTextArticles;
import io.newsflow.enrich.grouping.EventGrouper;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.text.ArticleProfile;
import io.newsflow.enrich.grouping.text.ArticleReading;
import io.newsflow.enrich.grouping.text.MinHash;
import io.newsflow.enrich.grouping.text.TextFeatures;
import io.newsflow.enrich.grouping.text.TextFeaturesEquivalenceTest;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.CountryMention;
import io.newsflow.enrich.tagging.OfficialMention;
import io.newsflow.schemas.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** What the tagging step hands to grouping: the reading arrives as it was made, or not at all. */
class TaggedArticleTest {

    private final Serde<TaggedArticle> serde = TaggedArticle.serde();
    private final TextFeatures features = new TextFeatures(MinHash.standard());

    /** Terms, names and tag sets in the order they were made, weights to the bit: grouping iterates them. */
    @Test
    void aReadingArrivesAsItWasMade() throws Exception {
        ArticleTagger tagger = ArticleTagger.standard();
        int compared = 0;
        for (RawArticle article : RawTextArticles.inNameOrder(RawTextArticles.SEEDS)) {
            RawArticle dated = RawArticle.newBuilder(article).setPublishedAt(Instant.parse("2024-05-14T08:00:00Z")).build();
            for (RawArticle a : List.of(article, dated)) {
                ArticleTags tags = tagger.tag(a.getTitle(), a.getBody());
                ArticleReading reading = ArticleReading.of(a, tags, features);
                TaggedArticle back = roundTrip(new TaggedArticle(a, tags, reading));

                assertThat(back.article()).isEqualTo(a);
                assertThat(back.tags()).isEqualTo(tags);
                assertThat(TextFeaturesEquivalenceTest.rendering(back.reading().profile()))
                        .isEqualTo(TextFeaturesEquivalenceTest.rendering(reading.profile()));
                assertThat(back.reading().lead()).isEqualTo(reading.lead());
                assertThat(back.reading().profile().termWeights()).isEqualTo(reading.profile().termWeights());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(10);
    }

    /**
     * Strings that are not ASCII (accents, a NUL, a character beyond the BMP, an unpaired surrogate
     * from broken input) come back as they went: ASCII is copied, the rest decoded as modified UTF-8.
     */
    @Test
    void stringsBeyondAsciiArriveAsTheyWereWritten() {
        RawArticle article = RawTextArticles.article("x", "x.txt", "Côte d'Ivoire", "Body text.");
        ArticleTags tags = new ArticleTags(List.of(new CountryMention("CI", "Côte d'Ivoire", 2, true)),
                List.of(new OfficialMention("Recep Tayyip Erdoğan", "erdoğan", "president",
                        "Cumhurbaşkanı", "TR", 1)));
        ArticleProfile made = ArticleReading.of(article, tags, features).profile();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String term : List.of("côte", "erdoğan", "nul\u0000l", "emoji\uD83D\uDE00", "broken\uD800", "ascii")) {
            weights.put(term, 0.1 + weights.size());
        }
        ArticleReading reading = new ArticleReading(new ArticleProfile(weights, new LinkedHashSet<>(List.of("Erdoğan")),
                made.countries(), made.officials(), made.dates(), made.shingleHash()), "Lead — with a dash");

        TaggedArticle back = roundTrip(new TaggedArticle(article, tags, reading));
        assertThat(back.tags()).isEqualTo(tags);
        assertThat(back.reading().profile().termWeights()).containsExactlyEntriesOf(weights);
        assertThat(back.reading().profile().names()).containsExactly("Erdoğan");
        assertThat(back.reading().lead()).isEqualTo("Lead — with a dash");
    }

    /** A string past the framing's limit (64 KB of UTF-8) sends the article on without its reading: grouping reads it. */
    @Test
    void aReadingTooLargeToFrameIsLeftToGrouping() {
        RawArticle article = RawTextArticles.article("x", "x.txt", "Title", "Body text.");
        ArticleTags tags = new ArticleTags(List.of(), List.of());
        ArticleProfile made = ArticleReading.of(article, tags, features).profile();
        Map<String, Double> weights = new LinkedHashMap<>(made.termWeights());
        weights.put("x".repeat(70_000), 1.0);
        ArticleReading tooLarge = new ArticleReading(new ArticleProfile(weights, made.names(), made.countries(),
                made.officials(), made.dates(), made.shingleHash()), "Body text.");

        TaggedArticle back = roundTrip(new TaggedArticle(article, tags, tooLarge));
        assertThat(back.reading()).isNull();
        assertThat(back.article()).isEqualTo(article);

        // so is a reading past the size the grouping topic's records are kept within
        Map<String, Double> many = new LinkedHashMap<>();
        for (int i = 0; many.size() * 40 <= TaggedArticle.MAX_READING_BYTES; i++) {
            many.put("term-" + i + "-" + "x".repeat(20), 1.0);
        }
        ArticleReading huge = new ArticleReading(new ArticleProfile(many, made.names(), made.countries(),
                made.officials(), made.dates(), made.shingleHash()), "Body text.");
        assertThat(roundTrip(new TaggedArticle(article, tags, huge)).reading()).isNull();
    }

    /**
     * Tokens and name runs too long to be words or names (a blob, a page of capitals) are no terms,
     * so whatever an article holds, its reading can be framed and its event stored.
     */
    @Test
    void overlongTokensAndNameRunsAreNoTerms() {
        String blob = "QmFzZTY0".repeat(10_000);
        String capitals = "Alpha Beta ".repeat(10_000);
        RawArticle article = RawTextArticles.article("x", "x.txt", "Title",
                "Reports said the file " + blob + " arrived. Then " + capitals + "came. Officials in Seoul said so.");
        ArticleTags tags = new ArticleTags(List.of(), List.of());
        ArticleReading reading = ArticleReading.of(article, tags, features);
        assertThat(reading.profile().termWeights().keySet()).allMatch(t -> t.length() <= TextFeatures.MAX_TERM_CHARS)
                .contains("arrived", "alpha", "beta", "seoul");
        assertThat(reading.profile().names()).allMatch(t -> t.length() <= TextFeatures.MAX_TERM_CHARS).contains("seoul");

        TaggedArticle back = roundTrip(new TaggedArticle(article, tags, reading));
        assertThat(back.reading()).isNotNull();
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            EventGrouper grouper = new EventGrouper(GroupingSettings.defaults(Duration.ofDays(7)), GroupingStoresDriver.stores(driver));
            assertThat(grouper.place(back.article(), back.tags(), back.reading(), 1_000L).changed()).hasSize(1);
        }
    }

    private TaggedArticle roundTrip(TaggedArticle tagged) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", tagged));
    }
}
