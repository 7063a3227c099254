package io.newsflow.launcher.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.launcher.Newsflow;
import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.pipeline.Stages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong feeds file stops ingest before anything starts (exit 2, one line per problem); `feeds check` says the same. */
class FeedsCheckTest {

    private static final String TYPO = """
            polling:
              jitter: -1
            defaults:
              intervall: 30m
            feeds:
              - url: https://example.org/rss
            """;

    @Test
    void ingestRefusesToStartWithOneLinePerProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, TYPO);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Stages.checkFeedsFile(Settings.from(Map.of("NEWSFLOW_FEEDS_FILE", file.toString())),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "NEWSFLOW_FEEDS_FILE " + file + " line 1: polling: jitter '-1' must be a number from 0 to 1",
                "NEWSFLOW_FEEDS_FILE " + file + " line 3: defaults: unknown key 'intervall' (did you mean 'interval'?)",
                "not started: 2 problem(s) in the feeds file (`newsflow feeds check FILE` checks it)");
        assertThat(Stages.checkFeedsFile(Settings.from(Map.of()), System.err)).isZero();
    }

    @Test
    void feedsCheckValidatesWithoutStarting(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, TYPO);
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "feeds:\n  - url: https://example.org/rss\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int badCode;
        int goodCode;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            badCode = Newsflow.execute("feeds", "check", bad.toString());
            goodCode = Newsflow.execute("feeds", "check", good.toString());
        } finally {
            System.setOut(original);
        }
        assertThat(badCode).isEqualTo(2);
        assertThat(goodCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                bad + " line 1: polling: jitter '-1' must be a number from 0 to 1",
                bad + " line 3: defaults: unknown key 'intervall' (did you mean 'interval'?)",
                "check problems=2",
                "check problems=0");
    }
}
