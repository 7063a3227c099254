package io.newsflow.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicSplitTest {

    private static final List<String> FILES = List.of("1_1ecb.txt", "1_2ecbplus.txt", "2_5ecb.txt", "12_3ecb.txt",
            "13_10ecbplus.txt", "22_1ecb.txt");

    @Test
    void oddTopicsTuneEvenTopicsTestAndTogetherTheyAreEveryFileOnce() {
        List<String> tune = FILES.stream().filter(TopicSplit.tune::keeps).toList();
        List<String> test = FILES.stream().filter(TopicSplit.test::keeps).toList();

        assertThat(tune).containsExactly("1_1ecb.txt", "1_2ecbplus.txt", "13_10ecbplus.txt");
        assertThat(test).containsExactly("2_5ecb.txt", "12_3ecb.txt", "22_1ecb.txt");
        assertThat(FILES.stream().filter(TopicSplit.all::keeps)).containsExactlyElementsOf(FILES);
    }

    @Test
    void aSplitNeedsTheTopicNumberInTheFileName() {
        assertThat(TopicSplit.all.keeps("report.txt")).isTrue();
        assertThatThrownBy(() -> TopicSplit.tune.keeps("report.txt")).hasMessageContaining("report.txt");
    }
}
