package io.newsflow.enrich.grouping.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.grouping.clustering.EventSimilarity.Holder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The vetoes on officials: two holders of one single-holder office of one country, each named by one side only;
 * and two encounters of the same two countries' officials with no one in common.
 */
class OfficeConflictTest {

    private static final Holder CHO_TAE_YUL = new Holder("cho tae-yul", "Foreign Minister", "KR");
    private static final Holder CHO_HYUN = new Holder("cho hyun", "Minister of Foreign Affairs", "KR");
    private static final Holder WANG_YI = new Holder("wang yi", "Foreign Minister", "CN");
    private static final Holder SUN = new Holder("sun weidong", "Vice Foreign Minister", "CN");
    private static final Holder MA = new Holder("ma zhaoxu", "Executive Vice Minister of Foreign Affairs", "CN");
    private static final Holder KIM = new Holder("kim hong-kyun", "First Vice Foreign Minister", "KR");

    @Test
    void differentHoldersOfOneSingleHolderOfficeConflict() {
        assertThat(EventSimilarity.officeConflict(List.of(CHO_TAE_YUL, WANG_YI), List.of(CHO_HYUN, WANG_YI))).isTrue();
    }

    @Test
    void oneHolderInTwoTransliterationsDoesNotConflict() {
        Holder kurbanguly = new Holder("kurbanguly berdymukhamedov", "President", "TM");
        Holder gurbanguly = new Holder("gurbanguly berdimuhamedov", "President", "TM");
        assertThat(EventSimilarity.officeConflict(List.of(kurbanguly), List.of(gurbanguly))).isFalse();
        Holder liQiang = new Holder("li qiang", "Premier", "CN");
        Holder liKeqiang = new Holder("li keqiang", "Premier", "CN");
        assertThat(EventSimilarity.officeConflict(List.of(liQiang), List.of(liKeqiang))).as("two premiers").isTrue();
    }

    @Test
    void theSameHolderDoesNotConflict() {
        assertThat(EventSimilarity.officeConflict(List.of(CHO_TAE_YUL, WANG_YI), List.of(CHO_TAE_YUL))).isFalse();
    }

    @Test
    void aSideNamingBothHoldersDoesNotConflict() {
        assertThat(EventSimilarity.officeConflict(List.of(CHO_HYUN, CHO_TAE_YUL), List.of(CHO_TAE_YUL))).isFalse();
    }

    @Test
    void theSameOfficeOfAnotherCountryDoesNotConflict() {
        assertThat(EventSimilarity.officeConflict(List.of(WANG_YI), List.of(CHO_HYUN))).isFalse();
    }

    @Test
    void holdersWithoutAKnownOfficeDoNotConflict() {
        assertThat(EventSimilarity.officeConflict(List.of(new Holder("cho hyun", null, "KR")), List.of(CHO_TAE_YUL))).isFalse();
    }

    @Test
    void twoViceForeignMinistersOfOneCountryDoNotConflict() {
        // China has several vice foreign ministers at once: one meeting may have one, another the other, or both
        assertThat(EventSimilarity.officeConflict(List.of(MA), List.of(SUN))).isFalse();
    }

    @Test
    void twoViceForeignMinistersMeetingOneForeignCounterpartConflict() {
        // Kim met Sun in one report and Ma in the other: two delegations, two meetings
        assertThat(EventSimilarity.officeConflict(List.of(MA, KIM), List.of(SUN, KIM))).isTrue();
    }

    @Test
    void twoSenatorsQuotedWithOneOfficialOfTheirOwnCountryDoNotConflict() {
        Holder secretary = new Holder("janet lane", "Interior Secretary", "US");
        Holder senatorA = new Holder("ann cole", "Senator", "US");
        Holder senatorB = new Holder("bob tate", "Senator", "US");
        assertThat(EventSimilarity.officeConflict(List.of(senatorA, secretary), List.of(senatorB, secretary))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Vice Foreign Minister; Vice Minister of Foreign Affairs",
            "Deputy Foreign Minister; Deputy Minister of Foreign Affairs",
            "Foreign Ministry Spokesperson; Foreign Ministry spokesman",
            "Senator; Senator",
            "Governor; Governor",
            "Ambassador; Ambassador",
            "General; General"})
    void holdersOfOfficesWithManyHoldersAtOnceDoNotConflict(String roleA, String roleB) {
        Holder a = new Holder("first holder", roleA, "US");
        Holder b = new Holder("second holder", roleB, "US");
        assertThat(EventSimilarity.officeConflict(List.of(a), List.of(b))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "President; President",
            "Prime Minister; Prime Minister",
            "Secretary of State; Secretary of State",
            "Defense Minister; Minister of National Defense",
            "Attorney General; Attorney General"})
    void holdersOfOfficesWithOneHolderAtATimeConflict(String roleA, String roleB) {
        Holder a = new Holder("first holder", roleA, "US");
        Holder b = new Holder("second holder", roleB, "US");
        assertThat(EventSimilarity.officeConflict(List.of(a), List.of(b))).isTrue();
    }

    private static final Holder CHO_HYUN_FM = new Holder("cho hyun", "Foreign Minister", "KR");

    @Test
    void differentOfficialsOfTheSameTwoCountriesAreDifferentEncounters() {
        // the seeds: Kim Hong-kyun meeting Ma Zhaoxu, and Wang Yi calling Cho Hyun
        assertThat(EventSimilarity.officialsConflict(List.of(KIM, MA), List.of(WANG_YI, CHO_HYUN_FM))).isTrue();
        assertThat(EventSimilarity.officeConflict(List.of(KIM, MA), List.of(WANG_YI, CHO_HYUN_FM)))
                .as("no office is held by two people here").isFalse();
    }

    @Test
    void oneOfficialInCommonIsOneEncounter() {
        Holder xi = new Holder("xi jinping", "President", "CN");
        assertThat(EventSimilarity.officialsConflict(List.of(CHO_HYUN_FM, WANG_YI), List.of(CHO_HYUN_FM, xi))).isFalse();
    }

    @Test
    void officialsOfOneCountryInCommonAreNoEncounter() {
        Holder governor = new Holder("ann cole", "Governor", "US");
        Holder mayor = new Holder("bob tate", "Mayor", "US");
        Holder minister = new Holder("lee min", "Foreign Minister", "KR");
        assertThat(EventSimilarity.officialsConflict(List.of(governor), List.of(mayor))).as("one country").isFalse();
        assertThat(EventSimilarity.officialsConflict(List.of(governor, minister), List.of(mayor)))
                .as("the second country named by one side only").isFalse();
    }

    @Test
    void spokespersonsAreNoPrincipalsOfAnEncounter() {
        // a report quoting the two ministries' spokespersons about the ministers' meeting reports that meeting
        Holder cnSpokesperson = new Holder("mao ning", "Foreign Ministry Spokesperson", "CN");
        Holder krSpokesman = new Holder("lim soo-suk", "Foreign Ministry spokesman", "KR");
        assertThat(EventSimilarity.officialsConflict(List.of(WANG_YI, CHO_HYUN_FM), List.of(cnSpokesperson, krSpokesman)))
                .isFalse();
    }

    @Test
    void aSideNamingNoOfficialConflictsWithNothing() {
        assertThat(EventSimilarity.officialsConflict(List.of(), List.of(WANG_YI, CHO_HYUN_FM))).isFalse();
    }

    private static final Holder LK_MINISTER = new Holder("lena habardro", "Defence Minister", "LK");
    private static final Holder UZ_ENVOY = new Holder("leila riqua", "Special Envoy", "UZ");
    private static final Holder LK_SENATOR = new Holder("sofia monmidro", "Senator", "LK");
    private static final Holder EE_MINISTER = new Holder("rafael renmi", "Deputy Minister", "EE");

    @Test
    void oneCountryMeetingTwoDifferentPartnersIsTwoEncounters() {
        assertThat(EventSimilarity.officialsConflict(List.of(LK_MINISTER, UZ_ENVOY), List.of(LK_SENATOR, EE_MINISTER)))
                .isTrue();
    }

    @Test
    void aHostMeetingTwoDifferentVisitorsIsTwoEncounters() {
        Holder president = new Holder("recep tayyip erdogan", "President", "TR");
        Holder noMinister = new Holder("amara temon", "Defence Minister", "NO");
        Holder slGovernor = new Holder("lena anulos", "Governor", "SL");
        assertThat(EventSimilarity.officialsConflict(List.of(president, noMinister), List.of(president, slGovernor)))
                .isTrue();
        assertThat(EventSimilarity.officialsConflict(List.of(LK_MINISTER, UZ_ENVOY), List.of(LK_MINISTER, EE_MINISTER)))
                .as("the host's minister on both sides").isTrue();
    }

    @Test
    void someoneOfNoKnownCountryOnBothSidesMayBeTheVisitor() {
        Holder unplaced = new Holder("viktor osmon", "Ambassador", null);
        assertThat(EventSimilarity.officialsConflict(List.of(LK_MINISTER, UZ_ENVOY, unplaced),
                List.of(LK_SENATOR, EE_MINISTER, unplaced))).isFalse();
    }

    @Test
    void aSideWithPartiesOfThreeCountriesIsNoBilateralEncounter() {
        // a summit's event naming the parties of three countries takes a report naming two of them, or a third
        Holder ir = new Holder("ali navid", "Foreign Minister", "IR");
        assertThat(EventSimilarity.officialsConflict(List.of(LK_MINISTER, UZ_ENVOY, ir), List.of(LK_SENATOR, EE_MINISTER)))
                .isFalse();
    }

    @Test
    void aSpokespersonIsNoPartner() {
        Holder eeSpokesperson = new Holder("mari tamm", "Foreign Ministry Spokesperson", "EE");
        assertThat(EventSimilarity.officialsConflict(List.of(LK_MINISTER, UZ_ENVOY), List.of(LK_SENATOR, eeSpokesperson)))
                .as("one country's principal only on the second side").isFalse();
    }
}
