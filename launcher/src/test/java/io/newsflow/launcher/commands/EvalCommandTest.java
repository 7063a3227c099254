package io.newsflow.launcher.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.launcher.Newsflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `newsflow eval` on the seeds: the machine-readable last line other tools read, whole corpus and a sample. */
class EvalCommandTest {

    private static final String SEEDS = "../testdata/seeds";

    @Test
    void theSeedsScorePerfectlyAndEndWithTheMachineReadableLine() {
        String last = lastLine("eval", "--corpus", SEEDS, "--order", "shuffle", "--seed", "3");
        assertThat(last).isEqualTo("eval articles=5 events=3 gold_events=3 pairwise_f1=1.000 bcubed_f1=1.000"
                + " country_f1=1.000 official_f1=1.000 official_country_acc=1.000 official_role_acc=1.000 official_full_f1=1.000");
    }

    @Test
    void aSampleEvaluatesOnFewerArticlesWithTheSameLine() {
        String last = lastLine("eval", "--corpus", SEEDS, "--sample", "0.5", "--sample-seed", "1");
        assertThat(last).matches("eval articles=[0-4] events=\\d+ gold_events=\\d+ pairwise_f1=\\d\\.\\d{3}"
                + " bcubed_f1=\\d\\.\\d{3} country_f1=\\d\\.\\d{3} official_f1=\\d\\.\\d{3}"
                + " official_country_acc=\\d\\.\\d{3} official_role_acc=\\d\\.\\d{3} official_full_f1=\\d\\.\\d{3}");
    }

    private static String lastLine(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Newsflow.execute(args);
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.get(lines.size() - 1);
    }
}
