package io.newsflow.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchFiguresTest {

    private static BenchFigures thirds(double first, double last) {
        BenchFigures figures = new BenchFigures();
        figures.e2eP50FirstThirdMs = first;
        figures.e2eP50LastThirdMs = last;
        return figures;
    }

    @Test
    void theLatencyTrendTellsAGrowingQueueFromAStartUpBacklog() {
        assertTrue(thirds(5_645, 19_496).latencyTrend().startsWith("growing"));
        assertTrue(thirds(1_808, 872).latencyTrend().startsWith("falling"));
        assertEquals("steady", thirds(900, 950).latencyTrend());
    }

    @Test
    void theLastLineKeepsItsKeysAndAddsTheThirdsThenTheStagesThenTheWarmUpAtItsEnd() {
        BenchFigures figures = thirds(1_808, 872);
        figures.e2eStageMs = new double[][] {{61, 127}, {437, 577}, {83, 172}};
        figures.e2eWarmUpSeconds = 10;
        figures.e2eWarmUpP50Ms = 2_439;
        figures.e2eWarmUpP99Ms = 3_534;
        String line = figures.lastLine();
        assertTrue(line.startsWith("bench articles=0 passthrough_per_s=0 enrich_per_s=0 enrich_ratio=0.00 ingest_per_s=0"
                + " sink_per_s=0 e2e_p50_ms=0 e2e_p99_ms=0 peak_rss_mb=0 "), line);
        assertTrue(line.endsWith(" e2e_p50_first_third_ms=1808 e2e_p50_last_third_ms=872 e2e_ingest_p50_ms=61"
                + " e2e_ingest_p99_ms=127 e2e_enrich_p50_ms=437 e2e_enrich_p99_ms=577 e2e_sink_p50_ms=83"
                + " e2e_sink_p99_ms=172 e2e_warmup_s=10 e2e_warmup_p50_ms=2439 e2e_warmup_p99_ms=3534"), line);
    }
}
