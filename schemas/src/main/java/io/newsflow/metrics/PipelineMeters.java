package io.newsflow.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.newsflow.schemas.DeadLetter;

/**
 * The meters every stage shares, named in one place so ingest, enrich and sink count alike (docs/operations.md,
 * "Metrics", lists them). They go to Micrometer's global registry, which the launcher scrapes.
 */
public final class PipelineMeters {

    private PipelineMeters() {
    }

    /** {@code newsflow_articles_in_total{stage}}: articles a stage took in (read from a file or feed, consumed). */
    public static void articlesIn(String stage, long count) {
        articlesIn(Metrics.globalRegistry, stage, count);
    }

    public static void articlesIn(MeterRegistry registry, String stage, long count) {
        count(registry, "newsflow.articles.in", "Articles a stage took in", stage, count);
    }

    /** {@code newsflow_articles_out_total{stage}}: articles a stage passed on (acknowledged by Kafka, placed in an event). */
    public static void articlesOut(String stage, long count) {
        articlesOut(Metrics.globalRegistry, stage, count);
    }

    public static void articlesOut(MeterRegistry registry, String stage, long count) {
        count(registry, "newsflow.articles.out", "Articles a stage passed on", stage, count);
    }

    /** {@code newsflow_dead_letters_total{stage,reason}}: one more dead letter, its reason the letter's error class. */
    public static void deadLetter(DeadLetter letter) {
        deadLetter(Metrics.globalRegistry, letter.getStage(), letter.getErrorClass());
    }

    public static void deadLetter(MeterRegistry registry, String stage, String reason) {
        Counter.builder("newsflow.dead.letters").description("Records a stage could not process, sent to dead-letters")
                .tag("stage", stage == null ? "unknown" : stage).tag("reason", reason == null ? "unknown" : reason)
                .register(registry).increment();
    }

    private static void count(MeterRegistry registry, String name, String description, String stage, long count) {
        if (count > 0) {
            Counter.builder(name).description(description).tag("stage", stage).register(registry).increment(count);
        }
    }
}
