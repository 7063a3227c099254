package io.newsflow.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What one bench run measured: the table for people, the JSON file, and the machine-readable last line. */
final class BenchFigures {

    int articles;
    int preloadArticles;
    int openEvents;
    int events;
    int placed;
    /** Measured articles with ids of their own (an updated version has its original's id). */
    int distinctArticles;
    int partitions;
    int instances;
    double passthroughPerS;
    double enrichPerS;
    double ingestPerS;
    double sinkPostgresPerS;
    double sinkFilesPerS;
    long sinkRecords;
    long sinkMemberRecords;
    double e2eRate;
    int e2eArticles;
    int e2eMissing;
    double e2eP50Ms;
    double e2eP95Ms;
    double e2eP99Ms;
    /**
     * Median latency of the first and of the last third of the counted articles: equal when the pipeline keeps
     * up with the offered load, growing when the load is above what it sustains (a queue builds).
     */
    int e2eWarmUpSeconds;
    int e2eWarmUpArticles;
    double e2eWarmUpP50Ms;
    double e2eWarmUpP99Ms;
    double e2eP50FirstThirdMs;
    double e2eP50LastThirdMs;
    /** p50 and p99 (ms) of the end-to-end latency's parts: ingest, enrich, sink (see BenchRun#splitByStage). */
    double[][] e2eStageMs = new double[3][2];
    long peakHeapMb;
    long peakRssMb;
    /** Highest resident memory sampled in each phase of the run, in the order the phases ran. */
    Map<String, Long> peakRssMbByPhase = Map.of();
    long rocksDbMb;
    double ingestCpuMsPerArticle;
    double passthroughCpuMsPerArticle;
    double enrichCpuMsPerArticle;
    double sinkPostgresCpuMsPerRecord;
    double sinkFilesCpuMsPerRecord;
    double preloadPerS;
    double seconds;
    String groupingFingerprint = "";

    double enrichRatio() {
        return passthroughPerS == 0 ? 0 : enrichPerS / passthroughPerS;
    }

    /** The last line: keys are only ever added at its end, never renamed or removed. */
    String lastLine() {
        return String.format(Locale.ROOT, "bench articles=%d passthrough_per_s=%.0f enrich_per_s=%.0f enrich_ratio=%.2f"
                        + " ingest_per_s=%.0f sink_per_s=%.0f e2e_p50_ms=%.0f e2e_p99_ms=%.0f peak_rss_mb=%d"
                        + " e2e_p95_ms=%.0f sink_files_per_s=%.0f peak_heap_mb=%d rocksdb_mb=%d open_events=%d"
                        + " placed=%d distinct_articles=%d events=%d e2e_articles=%d e2e_missing=%d instances=%d partitions=%d"
                        + " e2e_p50_first_third_ms=%.0f e2e_p50_last_third_ms=%.0f e2e_ingest_p50_ms=%.0f"
                        + " e2e_ingest_p99_ms=%.0f e2e_enrich_p50_ms=%.0f e2e_enrich_p99_ms=%.0f e2e_sink_p50_ms=%.0f"
                        + " e2e_sink_p99_ms=%.0f e2e_warmup_s=%d e2e_warmup_p50_ms=%.0f e2e_warmup_p99_ms=%.0f",
                articles, passthroughPerS, enrichPerS, enrichRatio(), ingestPerS, sinkPostgresPerS, e2eP50Ms, e2eP99Ms,
                peakRssMb, e2eP95Ms, sinkFilesPerS, peakHeapMb, rocksDbMb, openEvents, placed, distinctArticles, events, e2eArticles,
                e2eMissing, instances, partitions, e2eP50FirstThirdMs, e2eP50LastThirdMs, e2eStageMs[0][0],
                e2eStageMs[0][1], e2eStageMs[1][0], e2eStageMs[1][1], e2eStageMs[2][0], e2eStageMs[2][1], e2eWarmUpSeconds,
                e2eWarmUpP50Ms, e2eWarmUpP99Ms);
    }

    void printTable(PrintStream out) {
        String row = "%-44s %14s  %s%n";
        out.printf(Locale.ROOT, "%nnewsflow bench: %,d measured articles, %,d preloaded (%,d events open), %d raw-articles "
                        + "partitions, %d enrich instance(s), %.0f s%n%n", articles, preloadArticles, openEvents, partitions,
                instances, seconds);
        out.printf(row, "WHAT", "FIGURE", "CPU (whole process, per article or record)");
        out.printf(Locale.ROOT, row, "ceiling: pass-through Streams app, EOS", perS(passthroughPerS), cpu(passthroughCpuMsPerArticle));
        out.printf(Locale.ROOT, row, "ingest: drop folder to acknowledged records", perS(ingestPerS), cpu(ingestCpuMsPerArticle));
        out.printf(Locale.ROOT, row, "enrich: clean, tag, group (full topology)", perS(enrichPerS), cpu(enrichCpuMsPerArticle));
        out.printf(Locale.ROOT, row, "enrich / ceiling", String.format(Locale.ROOT, "%.2f", enrichRatio()), "");
        out.printf(Locale.ROOT, row, "sink: records into PostgreSQL (both topics)", perS(sinkPostgresPerS), cpu(sinkPostgresCpuMsPerRecord));
        out.printf(Locale.ROOT, row, "sink: records into JSON Lines (both topics)", perS(sinkFilesPerS), cpu(sinkFilesCpuMsPerRecord));
        out.printf(Locale.ROOT, row, String.format(Locale.ROOT, "end to end at %.0f articles/s, p50 / p95 / p99", e2eRate),
                String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms", e2eP50Ms, e2eP95Ms, e2eP99Ms),
                String.format(Locale.ROOT, "%,d articles, %d missing", e2eArticles, e2eMissing));
        out.printf(Locale.ROOT, row, String.format(Locale.ROOT, "end to end, warm-up (first %d s), p50 / p99", e2eWarmUpSeconds),
                String.format(Locale.ROOT, "%.0f / %.0f ms", e2eWarmUpP50Ms, e2eWarmUpP99Ms),
                String.format(Locale.ROOT, "%,d articles, not counted above", e2eWarmUpArticles));
        out.printf(Locale.ROOT, row, "end to end, p50 of the first / last third",
                String.format(Locale.ROOT, "%.0f / %.0f ms", e2eP50FirstThirdMs, e2eP50LastThirdMs),
                latencyTrend());
        out.printf(Locale.ROOT, row, "end to end by stage, p50 / p99", "", String.format(Locale.ROOT,
                "ingest %.0f / %.0f, enrich %.0f / %.0f, sink %.0f / %.0f ms", e2eStageMs[0][0], e2eStageMs[0][1],
                e2eStageMs[1][0], e2eStageMs[1][1], e2eStageMs[2][0], e2eStageMs[2][1]));
        out.printf(Locale.ROOT, row, "peak heap (sampled)", peakHeapMb + " MB", "");
        out.printf(Locale.ROOT, row, "peak RSS (VmHWM, broker in process)", peakRssMb + " MB", "PostgreSQL is a process of its own");
        out.printf(Locale.ROOT, row, "peak RSS by phase (sampled)", "", peakRssMbByPhase.entrySet().stream()
                .map(phase -> phase.getKey() + " " + phase.getValue()).collect(Collectors.joining(", ")) + " MB");
        out.printf(Locale.ROOT, row, "RocksDB state", rocksDbMb + " MB", "");
        out.printf(Locale.ROOT, row, "preload through enrich", perS(preloadPerS), String.format(Locale.ROOT,
                "%,d articles", preloadArticles));
        out.printf(Locale.ROOT, row, "measured articles placed in events", placed + " / " + distinctArticles,
                String.format(Locale.ROOT, "%,d events hold them", events));
        out.println();
    }

    /** A queue that grows over the run means the offered load is above what the pipeline sustains. */
    String latencyTrend() {
        if (e2eP50LastThirdMs > 1.25 * e2eP50FirstThirdMs + 100) {
            return "growing: the offered load is above what the pipeline sustains";
        }
        return e2eP50LastThirdMs < 0.8 * e2eP50FirstThirdMs ? "falling: a start-up backlog draining" : "steady";
    }

    private static String perS(double rate) {
        return String.format(Locale.ROOT, "%,.0f /s", rate);
    }

    private static String cpu(double ms) {
        return String.format(Locale.ROOT, "%.3f ms", ms);
    }

    void writeJson(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("articles", articles);
        json.put("preload_articles", preloadArticles);
        json.put("open_events", openEvents);
        json.put("partitions", partitions);
        json.put("instances", instances);
        json.put("passthrough_per_s", passthroughPerS);
        json.put("enrich_per_s", enrichPerS);
        json.put("enrich_ratio", enrichRatio());
        json.put("ingest_per_s", ingestPerS);
        json.put("sink_per_s", sinkPostgresPerS);
        json.put("sink_files_per_s", sinkFilesPerS);
        json.put("sink_records", sinkRecords);
        json.put("sink_member_records", sinkMemberRecords);
        json.put("e2e_rate", e2eRate);
        json.put("e2e_articles", e2eArticles);
        json.put("e2e_missing", e2eMissing);
        json.put("e2e_p50_ms", e2eP50Ms);
        json.put("e2e_p95_ms", e2eP95Ms);
        json.put("e2e_p99_ms", e2eP99Ms);
        json.put("e2e_warmup_s", e2eWarmUpSeconds);
        json.put("e2e_warmup_articles", e2eWarmUpArticles);
        json.put("e2e_warmup_p50_ms", e2eWarmUpP50Ms);
        json.put("e2e_warmup_p99_ms", e2eWarmUpP99Ms);
        json.put("e2e_p50_first_third_ms", e2eP50FirstThirdMs);
        json.put("e2e_p50_last_third_ms", e2eP50LastThirdMs);
        String[] stages = {"ingest", "enrich", "sink"};
        for (int i = 0; i < stages.length; i++) {
            json.put("e2e_" + stages[i] + "_p50_ms", e2eStageMs[i][0]);
            json.put("e2e_" + stages[i] + "_p99_ms", e2eStageMs[i][1]);
        }
        json.put("peak_heap_mb", peakHeapMb);
        json.put("peak_rss_mb", peakRssMb);
        json.put("peak_rss_mb_by_phase", peakRssMbByPhase);
        json.put("rocksdb_mb", rocksDbMb);
        json.put("cpu_ms_per_article", Map.of("ingest", ingestCpuMsPerArticle, "passthrough", passthroughCpuMsPerArticle,
                "enrich", enrichCpuMsPerArticle, "sink_postgres_per_record", sinkPostgresCpuMsPerRecord,
                "sink_files_per_record", sinkFilesCpuMsPerRecord));
        json.put("preload_per_s", preloadPerS);
        json.put("placed", placed);
        json.put("distinct_articles", distinctArticles);
        json.put("events", events);
        json.put("grouping_fingerprint", groupingFingerprint);
        json.put("seconds", seconds);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}
