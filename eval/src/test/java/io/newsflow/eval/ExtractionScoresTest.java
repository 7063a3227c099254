package io.newsflow.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractionScoresTest {

    @Test
    void wordsAreRunsOfWordCharactersAndShinglesCountRepeats() {
        assertThat(ExtractionScores.shingles("A b, c-d. a b c d"))
                .containsEntry("A b c d", 1).containsEntry("a b c d", 1).containsEntry("b c d a", 1)
                .hasSize(5);
        assertThat(ExtractionScores.shingles("x y z x y z x y z")).containsEntry("x y z x", 2);
        assertThat(ExtractionScores.shingles("só três")).isEqualTo(Map.of("só três", 1));
        assertThat(ExtractionScores.shingles(" ... ")).isEmpty();
    }

    @Test
    void identicalTextsScoreOne() {
        ExtractionScores scores = new ExtractionScores();
        scores.add("one two three four five six", "one two three four five six");
        assertThat(scores.precision()).isEqualTo(1.0);
        assertThat(scores.recall()).isEqualTo(1.0);
        assertThat(scores.f1()).isEqualTo(1.0);
    }

    @Test
    void extraAndMissingShinglesAreNormalisedPerPage() {
        // truth: 3 shingles (1 2 3 4, 2 3 4 5, 3 4 5 6); prediction: 1 2 3 4, 2 3 4 5, 3 4 5 X, 4 5 X Y
        double[] page = ExtractionScores.match("1 2 3 4 5 6", "1 2 3 4 5 X Y");
        assertThat(page[0]).isCloseTo(2 / 5.0, within(1e-9));
        assertThat(page[1]).isCloseTo(2 / 5.0, within(1e-9));
        assertThat(page[2]).isCloseTo(1 / 5.0, within(1e-9));

        ExtractionScores scores = new ExtractionScores();
        scores.add("1 2 3 4 5 6", "1 2 3 4 5 X Y");
        assertThat(scores.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(scores.recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(scores.f1()).isCloseTo(2 * 0.5 * (2 / 3.0) / (0.5 + 2 / 3.0), within(1e-9));
    }

    @Test
    void pagesWithNothingOnTheRelevantSideAreLeftOutOfThatMean() {
        ExtractionScores scores = new ExtractionScores();
        scores.add("a b c d e", "a b c d e");  // p=1 r=1
        scores.add("f g h i j", "");            // nothing predicted: recall 0, no precision
        scores.add("", "");                     // nothing anywhere: left out of both
        assertThat(scores.pages()).isEqualTo(3);
        assertThat(scores.precision()).isEqualTo(1.0);
        assertThat(scores.recall()).isCloseTo(0.5, within(1e-9));
    }
}
