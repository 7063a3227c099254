package io.newsflow.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.launcher.Newsflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small bench run on the real parts (embedded broker, embedded PostgreSQL, the drop folder):
 * the last line keeps its contract and every article gets through. Speed is not asserted here;
 * it is what the bench reports.
 */
class BenchCommandTest {

    private static final Pattern LAST_LINE = Pattern.compile("bench articles=(\\d+) passthrough_per_s=(\\d+) "
            + "enrich_per_s=(\\d+) enrich_ratio=(\\d+\\.\\d\\d) ingest_per_s=(\\d+) sink_per_s=(\\d+) e2e_p50_ms=(\\d+) "
            + "e2e_p99_ms=(\\d+) peak_rss_mb=(\\d+)( .*)?");

    @TempDir
    Path work;

    @Test
    void aSmallRunReachesEveryEventAndEndsWithTheContractLine() throws Exception {
        Path json = work.resolve("bench.json");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Newsflow.execute("bench", "--articles", "200", "--warmup", "40", "--open-events", "100",
                    "--rate", "50", "--e2e-seconds", "2", "--e2e-warmup-seconds", "1", "--work-dir", work.resolve("run").toString(),
                    "--out", json.toString());
        } finally {
            System.setOut(stdout);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = out.lines().toList();
        String last = lines.get(lines.size() - 1);
        System.out.println(out);
        assertEquals(0, exit, "exit code; output:\n" + out);
        Matcher m = LAST_LINE.matcher(last);
        assertTrue(m.matches(), "last line: " + last);
        assertEquals("200", m.group(1));

        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        assertEquals(200, figures.get("articles").asInt());
        int distinct = figures.get("distinct_articles").asInt();
        assertTrue(distinct > 100 && distinct <= 200, "updated versions share their original's id: " + distinct);
        assertEquals(distinct, figures.get("placed").asInt(), "every measured article is in an event");
        assertTrue(figures.get("e2e_articles").asInt() > 50, "end-to-end articles measured");
        assertEquals(0, figures.get("e2e_missing").asInt(), "every end-to-end article reached PostgreSQL");
        assertTrue(figures.get("sink_records").asLong() >= figures.get("events").asLong(),
                "every event has at least one record");
        for (String key : List.of("passthrough_per_s", "enrich_per_s", "ingest_per_s", "sink_per_s", "sink_files_per_s",
                "peak_rss_mb", "peak_heap_mb")) {
            assertTrue(figures.get(key).asDouble() > 0, key + " measured");
        }
        assertTrue(figures.get("e2e_p50_ms").asDouble() <= figures.get("e2e_p99_ms").asDouble());
        // the first second's articles are timed apart from the measured ones
        assertEquals(1, figures.get("e2e_warmup_s").asInt());
        assertTrue(figures.get("e2e_warmup_articles").asInt() > 20, "warm-up articles timed");
        assertTrue(figures.get("e2e_warmup_p50_ms").asDouble() > 0
                && figures.get("e2e_warmup_p50_ms").asDouble() <= figures.get("e2e_warmup_p99_ms").asDouble());
        // the split by stage found the articles on both topics: enrich takes at least one commit
        assertTrue(figures.get("e2e_enrich_p50_ms").asDouble() > 0, "enrich's part of the latency measured");
        for (String stage : List.of("ingest", "enrich", "sink")) {
            double p50 = figures.get("e2e_" + stage + "_p50_ms").asDouble();
            double p99 = figures.get("e2e_" + stage + "_p99_ms").asDouble();
            assertTrue(p50 >= 0 && p50 <= p99 && p99 <= figures.get("e2e_p99_ms").asDouble() + 100,
                    stage + ": " + p50 + " / " + p99);
        }
        List<String> phases = new ArrayList<>();
        figures.get("peak_rss_mb_by_phase").fields().forEachRemaining(phase -> {
            phases.add(phase.getKey());
            assertTrue(phase.getValue().asLong() > 0 && phase.getValue().asLong() <= figures.get("peak_rss_mb").asLong(),
                    "a phase's peak is within the run's: " + phase);
        });
        assertEquals(List.of("preload", "ingest", "ceiling", "enrich", "sink", "e2e"),
                phases.stream().filter(phase -> !phase.equals("start")).toList(), "every phase sampled, in order");
    }
}
