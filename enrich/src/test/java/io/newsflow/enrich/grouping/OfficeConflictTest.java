package io.newsflow.enrich.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.grouping.EventSimilarity.Holder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The office veto: two holders of one office of one country, each named by one side only. */
class OfficeConflictTest {

    private static final Holder SUN = new Holder("sun weidong", "Vice Foreign Minister", "CN");
    private static final Holder MA = new Holder("ma zhaoxu", "Executive Vice Minister of Foreign Affairs", "CN");
    private static final Holder KIM = new Holder("kim hong-kyun", "First Vice Foreign Minister", "KR");

    @Test
    void differentHoldersOfOneOfficeConflict() {
        assertThat(EventSimilarity.officeConflict(List.of(MA, KIM), List.of(SUN, KIM))).isTrue();
    }

    @Test
    void theSameHolderDoesNotConflict() {
        assertThat(EventSimilarity.officeConflict(List.of(SUN, KIM), List.of(SUN))).isFalse();
    }

    @Test
    void aSideNamingBothHoldersDoesNotConflict() {
        assertThat(EventSimilarity.officeConflict(List.of(MA, SUN), List.of(SUN))).isFalse();
    }

    @Test
    void theSameOfficeOfAnotherCountryDoesNotConflict() {
        assertThat(EventSimilarity.officeConflict(List.of(SUN), List.of(KIM))).isFalse();
    }

    @Test
    void holdersWithoutAKnownOfficeDoNotConflict() {
        assertThat(EventSimilarity.officeConflict(List.of(new Holder("ma zhaoxu", null, "CN")), List.of(SUN))).isFalse();
    }
}
