package io.newsflow.enrich.grouping.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Near-copy measures of MinHash signatures: Jaccard for whole copies, containment for cut ones. */
class MinHashTest {

    private final MinHash minHash = MinHash.standard();

    @Test
    void aTextCutToAThirdIsContainedThoughItsJaccardIsLow() {
        List<String> whole = words(600, 1);
        List<String> cut = whole.subList(0, 200);
        int[] a = minHash.signature(whole);
        int[] b = minHash.signature(cut);
        assertThat(MinHash.similarity(a, b)).isLessThan(0.5);
        assertThat(MinHash.containment(b, a)).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void aRoundUpHoldingATextAndAnotherStoryIsNotContainedInIt() {
        List<String> story = words(300, 7);
        List<String> roundUp = new ArrayList<>(story);
        roundUp.addAll(words(300, 8));
        int[] a = minHash.signature(story);
        int[] b = minHash.signature(roundUp);
        assertThat(MinHash.containment(b, a)).isLessThan(0.8);
        assertThat(MinHash.containment(a, b)).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void textsWithoutCommonWordingAreNoCopies() {
        int[] a = minHash.signature(words(300, 2));
        int[] b = minHash.signature(words(300, 3));
        assertThat(MinHash.containment(a, b)).isZero();
    }

    @Test
    void aCreditLineAddedLeavesAWholeCopy() {
        List<String> original = words(150, 4);
        List<String> credited = new ArrayList<>(original);
        credited.addAll(Arrays.asList("reporting", "by", "a", "reporter", "editing", "by", "an", "editor"));
        int[] a = minHash.signature(original);
        int[] b = minHash.signature(credited);
        assertThat(MinHash.containment(b, a)).isGreaterThanOrEqualTo(MinHash.similarity(a, b)).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void theShingleCountIsEstimatedFromTheSignature() {
        assertThat(MinHash.shingleCount(minHash.signature(words(1003, 5)))).isCloseTo(1000, within(400.0));
        assertThat(MinHash.shingleCount(minHash.signature(words(103, 6)))).isCloseTo(100, within(40.0));
    }

    @Test
    void aShortTextCutIsWhollyContainedWhateverItsLength() {
        // A signature's shingle counts are a third off for texts this short; the slots alone are not.
        for (long seed = 20; seed < 60; seed++) {
            List<String> brief = words(30, seed);
            int[] whole = minHash.signature(brief);
            int[] cut = minHash.signature(brief.subList(0, 12));
            assertThat(MinHash.containment(cut, whole)).as("seed %d", seed).isEqualTo(1.0);
        }
    }

    @Test
    void aCreditLineIsFewAddedShinglesThoughALargeShareOfABrief() {
        List<String> brief = words(16, 9);
        List<String> credited = new ArrayList<>(brief);
        credited.addAll(Arrays.asList("reporting", "by", "wire", "desk", "editing", "by", "night", "desk"));
        int[] a = minHash.signature(brief);
        int[] b = minHash.signature(credited);
        assertThat(MinHash.containment(b, a)).isLessThan(0.8);
        assertThat(MinHash.containment(a, b)).isEqualTo(1.0);
        assertThat(MinHash.addedShingles(b, a)).isBetween(3.0, 15.0);
        assertThat(MinHash.addedShingles(a, b)).isZero();
    }

    @Test
    void aRoundUpAddsAWholeStory() {
        List<String> story = words(300, 7);
        List<String> roundUp = new ArrayList<>(story);
        roundUp.addAll(words(300, 8));
        assertThat(MinHash.addedShingles(minHash.signature(roundUp), minHash.signature(story))).isGreaterThan(150);
    }

    /** Distinct made-up words: every shingle of the text is its own. */
    private static List<String> words(int n, long seed) {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add("w" + Long.toHexString(random.nextLong()));
        }
        return words;
    }
}
