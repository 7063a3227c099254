package io.newsflow.enrich.grouping.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.CountryMention;
import io.newsflow.enrich.tagging.OfficialMention;
import java.util.List;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    private final TextFeatures features = new TextFeatures(MinHash.standard());

    @Test
    void namesAreCapitalisedRunsInsideSentencesAndWeighMore() {
        ArticleProfile p = features.profile("Talks held", "The talks in Seoul were chaired by Kim Hong-kyun and the talks went well.",
                null, null);
        assertThat(p.names()).contains("seoul", "kim", "kim hong kyun");
        assertThat(p.names()).doesNotContain("the", "talk");
        assertThat(p.termWeights().get("seoul")).isGreaterThan(p.termWeights().get("chaired"));
        assertThat(p.termWeights()).containsKey("talk");
        assertThat(p.termWeights()).doesNotContainKey("the");
    }

    @Test
    void wireTagsOfAHeadlineAreNoTerms() {
        // two updates of different stories must not share a heavy headline word
        ArticleProfile p = features.profile("UPDATE 1-Province elects new council", "Voters went to the polls.", null, null);
        assertThat(p.termWeights()).containsKeys("province", "council").doesNotContainKey("update");
    }

    @Test
    void taggedOfficialsAndCountriesAreKept() {
        ArticleTags tags = new ArticleTags(List.of(new CountryMention("KR", "South Korea", 3, true)),
                List.of(new OfficialMention("Kim Hong-kyun", "kim hong kyun", "Vice Foreign Minister", null, "KR", 2)));
        ArticleProfile p = features.profile("t", "Some body text about the meeting in the capital city.", null, tags);
        assertThat(p.countries()).containsExactly("KR");
        assertThat(p.officials()).containsExactly("kim hong kyun");
    }

    @Test
    void nearIdenticalTextsHaveSimilarSignatures() {
        String text = "Rescue teams searched the slopes of the volcano on Sunday after the eruption forced thousands "
                + "of villagers to flee their homes and grounded flights across the region for a second day";
        MinHash minHash = MinHash.standard();
        int[] a = minHash.signature(Arrays.asList(text.split(" ")));
        int[] b = minHash.signature(Arrays.asList((text + " officials said").split(" ")));
        int[] c = minHash.signature(Arrays.asList("The parliament passed the budget after a long debate about deficit cuts and spending".split(" ")));
        assertThat(MinHash.similarity(a, b)).isGreaterThan(0.8);
        assertThat(MinHash.similarity(a, c)).isLessThan(0.2);
        assertThat(minHash.bandHashes(a)).hasSize(16).containsAnyOf(minHash.bandHashes(b));
    }
}
