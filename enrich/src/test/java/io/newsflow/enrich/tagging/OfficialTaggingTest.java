package io.newsflow.enrich.tagging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Officials from titles, appositions, counterparts and lists; normal keys and roles; people who are not officials. */
class OfficialTaggingTest {

    private final ArticleTagger tagger = ArticleTagger.standard();

    private Map<String, OfficialMention> officials(String body) {
        return ArticleTagger.byKey(tagger.tag("", body).officials());
    }

    @Test
    void titleBeforeTheNameGivesRoleAndCountry() {
        OfficialMention wang = officials("BEIJING - Chinese Foreign Minister Wang Yi spoke on Tuesday.").get("wang yi");
        assertThat(wang).isEqualTo(new OfficialMention("Wang Yi", "wang yi", "Foreign Minister", "Foreign Minister", "CN", 1));
    }

    @Test
    void appositionAfterTheNameGivesRoleAndCountryInTheTextsWords() {
        OfficialMention kim = officials("Kim Hong-kyun, South Korea's vice minister of foreign affairs, met reporters.").get("kim hong kyun");
        assertThat(kim.role()).isEqualTo("Vice Foreign Minister");
        assertThat(kim.roleAsWritten()).isEqualTo("vice minister of foreign affairs");
        assertThat(kim.country()).isEqualTo("KR");
    }

    @Test
    void titleSetOffByCommasBeforeTheName() {
        Map<String, OfficialMention> o = officials("In a statement, the commerce secretary, Gary Locke, and the interior secretary, "
                + "Ken Salazar, agreed. Qeshm's governor, Heidar Alishvandi, told the state television.");
        assertThat(o.get("gary locke").role()).isEqualTo("Commerce Secretary");
        assertThat(o.get("ken salazar").role()).isEqualTo("Interior Secretary");
        assertThat(o.get("heidar alishvandi").role()).isEqualTo("Governor");
    }

    @Test
    void oneKeyForEverySpellingAndShortMentionsCount() {
        assertThat(PersonNames.key("Kim Hong-kyun")).isEqualTo("kim hong kyun");
        assertThat(PersonNames.key("Kim Hong Kyun")).isEqualTo("kim hong kyun");
        assertThat(PersonNames.key("KIM Hong-kyun")).isEqualTo("kim hong kyun");
        assertThat(PersonNames.key("George W. Bush")).isEqualTo("george w bush");
        Map<String, OfficialMention> o = officials("ROK Vice Foreign Minister Kim Hong-kyun arrived. Kim Hong Kyun said talks went well. "
                + "KIM Hong-kyun left. Kim said more talks would follow.");
        assertThat(o).containsOnlyKeys("kim hong kyun");
        assertThat(o.get("kim hong kyun").name()).isEqualTo("Kim Hong-kyun");
        assertThat(o.get("kim hong kyun").mentions()).isEqualTo(4);
    }

    @Test
    void counterpartTakesTheOfficeOfThePersonBefore() {
        OfficialMention cho = officials("Chinese Foreign Minister Wang Yi and his South Korean counterpart Cho Hyun spoke by phone. "
                + "Cho said ties matter.").get("cho hyun");
        assertThat(cho.role()).isEqualTo("Foreign Minister");
        assertThat(cho.roleAsWritten()).isEqualTo("counterpart");
        assertThat(cho.country()).isEqualTo("KR");
        assertThat(cho.mentions()).isEqualTo(2);
    }

    @Test
    void membersOfAListWithoutACountryServeTheCountryOfThePersonBefore() {
        Map<String, OfficialMention> o = officials("The talks were co-chaired by Chinese Vice Foreign Minister Sun Weidong, Deputy Director "
                + "of the Office for International Military Cooperation of the Central Military Commission Zhang Baoqun and "
                + "South Korea's Vice Minister of Foreign Affairs Kim Hong-kyun, Director General of International Policy Bureau of "
                + "the Ministry of National Defense Lee Seung-buhm.");
        assertThat(o).containsOnlyKeys("sun weidong", "zhang baoqun", "kim hong kyun", "lee seung buhm");
        assertThat(o.get("zhang baoqun").country()).isEqualTo("CN");
        assertThat(o.get("lee seung buhm").country()).isEqualTo("KR");
        assertThat(o.get("lee seung buhm").role()).isEqualTo("Director General of International Policy Bureau of the Defense Ministry");
    }

    @Test
    void theCuratedListCanonicalisesAndFillsInWhatTheTextLeavesOut() {
        Map<String, OfficialMention> o = officials("President Bush signed the bill. Foreign Minister Wang Yi attended.");
        assertThat(o.get("george w bush")).isEqualTo(new OfficialMention("George W. Bush", "george w bush", "President", "President", "US", 1));
        assertThat(o.get("wang yi").country()).as("from the curated list").isEqualTo("CN");
    }

    @Test
    void theCuratedListsTermsOfOfficeAreReadAgainstThePublicationDay() {
        String text = "Barack Obama said the rule would go. George W. Bush left it behind.";
        assertThat(ArticleTagger.byKey(tagger.tag("", text, LocalDate.of(2009, 3, 3)).officials()))
                .containsOnlyKeys("barack obama")
                .extractingByKey("barack obama").extracting(OfficialMention::role).isEqualTo("President");
        assertThat(ArticleTagger.byKey(tagger.tag("", text, LocalDate.of(2008, 12, 1)).officials()))
                .containsOnlyKeys("george w bush");
        assertThat(ArticleTagger.byKey(tagger.tag("", text).officials())).containsOnlyKeys("barack obama", "george w bush");
        OfficialMention formerly = ArticleTagger.byKey(tagger.tag("", "Former Foreign Minister Yang Jiechi spoke.",
                LocalDate.of(2015, 1, 1)).officials()).get("yang jiechi");
        assertThat(formerly.role()).as("from the text, not the list").isEqualTo("Former Foreign Minister");
    }

    @Test
    void trailingOfCountryGivesTheCountry() {
        assertThat(officials("Director General of the Bureau Lee Seung-buhm of South Korea attended.").get("lee seung buhm").country())
                .isEqualTo("KR");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024-06-20 Editor : Li Yan ECNS App Download",
            "Da Zhigang, director of the Institute of Northeast Asian Studies at the Heilongjiang Provincial Academy, said so.",
            "BY SEO JI-EUN [seo.jieun1@joongang.co.kr]",
            "said analyst John Park of the Harvard Kennedy School.",
            "Professor Lee Jung-hoon said the talks mattered.",
            "Darin Schroeder, Vice President for Conservation Advocacy at the environmental organization, American Bird Conservancy, agreed.",
            "said Andrew Wetzler, director of the Natural Resources Defense Council's program.",
            "reporter Kim Min-ji wrote for the Korea Times.",
            "China-ROK Relations: Ministers Pledge Deeper Ties",
            "Film director Steven Spielberg and club captain John Terry attended.",
    })
    void peopleWhoAreNotOfficialsAreNotTagged(String text) {
        assertThat(tagger.tag("", text).officials()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "Vice Minister of Foreign Affairs|Vice Foreign Minister",
            "Vice-Foreign Minister|Vice Foreign Minister",
            "vice minister of foreign affairs|Vice Foreign Minister",
            "Executive Vice Minister of Foreign Affairs|Executive Vice Foreign Minister",
            "Minister of National Defense|Defense Minister",
            "Foreign Ministry spokesman|Foreign Ministry Spokesperson",
            "President-elect|President-elect",
    })
    void rolesAreNormalised(String written, String normal) {
        assertThat(RoleNormaliser.standard().normalise(written)).isEqualTo(normal);
    }

    @Test
    void sameOfficeIgnoresRankQualifiersButNotTheOffice() {
        RoleNormaliser r = RoleNormaliser.standard();
        assertThat(r.sameOffice("First Vice Foreign Minister", "Vice Minister of Foreign Affairs")).isTrue();
        assertThat(r.sameOffice("Director General for International Policy at the Defense Ministry",
                "Director General for International Policy, Ministry of National Defense")).isTrue();
        assertThat(r.sameOffice("Foreign Minister", "Vice Foreign Minister")).isFalse();
        assertThat(r.sameOffice("Foreign Minister", "Defense Minister")).isFalse();
    }
}
