package io.newsflow.enrich.tagging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Countries from names, aliases, demonyms and metonyms, and the ambiguous words handled on purpose. */
class CountryTaggingTest {

    private final ArticleTagger tagger = ArticleTagger.standard();

    private Set<String> codes(String body) {
        return ArticleTagger.codes(tagger.tag("", body).countries());
    }

    private Map<String, Integer> counts(String title, String body) {
        Map<String, Integer> m = new TreeMap<>();
        tagger.tag(title, body).countries().forEach(c -> m.put(c.code(), c.mentions()));
        return m;
    }

    @Test
    void everyOfficiallyAssignedCodeHasANameAndIsFoundByIt() {
        Map<String, String> names = tagger.countryNames();
        assertThat(names).hasSize(249).containsEntry("KR", "South Korea").containsEntry("TR", "Türkiye")
                .containsEntry("CD", "DR Congo").doesNotContainKey("XK");
        for (var e : names.entrySet()) {
            // on purpose (tests below): "Congo" alone is DR Congo, "Georgia" alone needs a sign of the country
            String name = switch (e.getKey()) {
                case "CG" -> "the Republic of the Congo";
                case "GE" -> "Tbilisi, Georgia";
                default -> e.getValue();
            };
            assertThat(codes("Officials met in " + name + " on Monday.")).as(name).containsExactly(e.getKey());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "talks with the Republic of Korea|KR",
            "the ROK side said|KR",
            "the DPRK and Russia|KP,RU",
            "the PRC government|CN",
            "the US and the UK|US,GB",
            "U.S. officials and U.K. ministers|US,GB",
            "the USA and the UAE|US,AE",
            "Chinese and South Korean officials|CN,KR",
            "North Korea's actions|KP",
            "the first China-ROK dialogue|CN,KR",
            "the Korea-China strategic dialogue|KR,CN",
            "Seoul said on Monday that Beijing and Pyongyang|KR,CN,KP",
            "the Kremlin and the White House disagreed|RU,US",
            "the Blue House said|KR",
            "Washington and Moscow|US,RU",
            "Turkey and Türkiye are one country|TR",
            "Turkish and Nigerian troops|TR,NG",
            "Niger and Nigeria share a border|NE,NG",
            "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea|GN,GW,GQ,PG",
            "the Democratic Republic of the Congo and DRC troops|CD",
            "Brazzaville: the Republic of the Congo said|CG",
            "Congo-Brazzaville and Congo-Kinshasa|CG,CD",
            "the Ivory Coast and Côte d'Ivoire|CI",
            "Indian and Somali pirates off Yemen|IN,SO,YE",
    })
    void findsNamesAliasesDemonymsAndSeats(String text, String expected) {
        assertThat(codes(text)).containsExactlyInAnyOrderElementsOf(Set.of(expected.split(",")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Korea alone means the South: Korea and Japan|KR,JP",
            "tension on the Korean Peninsula|",
            "ships in the South China Sea|",
            "celebrating Chinese New Year|",
            "NATO and APEC leaders met|",
            "the North Atlantic Treaty Organization|",
            "Atlanta, Georgia police said|",
            "Georgia's governor signed a bill|",
            "Georgia and Russia fought over South Ossetia|GE,RU",
            "Tbilisi says Georgia will not yield|GE",
            "Michael Jordan scored|",
            "Jordan and Israel signed a treaty|JO,IL",
            "Chad Johnson caught the ball|",
            "troops from Chad entered|TD",
            "a roast turkey for dinner|",
            "the Washington Post reported|",
            "Seattle, Washington police said|",
            "the Indian Ocean and the Persian Gulf|",
            "the U.S. Fish and Wildlife Service|US",
            "Latin American and African-American voters|",
            "a guinea pig in the lab|",
            "Paris Hilton in New Mexico and New Jersey|",
            "BY SEO JI-EUN, with the Kirea desk|",
            "he sang a Victoria song in Kingston upon Thames|",
    })
    void ambiguousWordsAreResolvedOnPurpose(String text, String expected) {
        Set<String> want = expected == null ? Set.of() : Set.of(expected.split(","));
        assertThat(codes(text)).containsExactlyInAnyOrderElementsOf(want);
    }

    @Test
    void theNorthAndTheSouthAreTheKoreasOnlyInAStoryAboutThem() {
        assertThat(codes("Seoul urged the North to talk; Pyongyang refused.")).containsExactlyInAnyOrder("KR", "KP");
        assertThat(codes("Pyongyang fired a missile and the South protested.")).containsExactlyInAnyOrder("KP", "KR");
        assertThat(codes("In the US Civil War the North won.")).containsExactly("US");
        assertThat(codes("Pyongyang and the North Atlantic Treaty Organization")).containsExactly("KP");
    }

    @Test
    void congoAloneIsTheDemocraticRepublicUnlessBrazzavilleIsInTheStory() {
        assertThat(codes("Fighting in eastern Congo displaced thousands.")).containsExactly("CD");
        assertThat(codes("In Brazzaville, Congo's president spoke.")).containsExactly("CG");
    }

    @Test
    void countsMentionsAndKnowsWhetherTheTitleOrLeadNamesTheCountry() {
        ArticleTags tags = tagger.tag("China and ROK officials meet",
                "Home | News\n\nDiplomats from China and the Republic of Korea met in Seoul on Tuesday to talk about trade and security.\n\n"
                        + "Later, Russia was mentioned by the Chinese side. China's envoy left.");
        Map<String, CountryMention> byCode = new TreeMap<>();
        tags.countries().forEach(c -> byCode.put(c.code(), c));
        assertThat(byCode.get("CN").mentions()).isEqualTo(4);
        assertThat(byCode.get("KR").mentions()).isEqualTo(3);
        assertThat(byCode.get("CN").inTitleOrLead()).isTrue();
        assertThat(byCode.get("KR").inTitleOrLead()).isTrue();
        assertThat(byCode.get("RU").inTitleOrLead()).isFalse();
        assertThat(byCode.get("RU").name()).isEqualTo("Russia");
        assertThat(tags.countries().get(0).code()).as("most mentioned first").isEqualTo("CN");
    }

    @Test
    void possessivesAndCurlyApostrophesDoNotHideTheCountry() {
        assertThat(counts("", "China’s and South Korea’s leaders; the ROK's envoy")).containsEntry("CN", 1).containsEntry("KR", 2);
    }
}
