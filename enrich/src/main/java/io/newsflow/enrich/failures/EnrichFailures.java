package io.newsflow.enrich.failures;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.metrics.PipelineMeters;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What enrich does with an input it cannot process, the same at every step: one ERROR log line
 * with the step, the article, where it came from and why; one count on
 * {@code newsflow_enrich_failures_total{stage, reason}} (reason: the exception's simple class
 * name, so the label stays bounded); and a {@link DeadLetter} carrying the input, for the
 * dead-letters topic. So a failure is never an article passed on untagged or a placement dropped
 * unnoticed.
 */
public final class EnrichFailures {

    /** Header of an enrich dead letter naming the step that failed (the record's stage is "enrich"). */
    public static final String STEP_HEADER = "newsflow-enrich-step";
    static final String METRIC = "newsflow.enrich.failures";

    private static final Logger LOG = LoggerFactory.getLogger(EnrichFailures.class);

    /** The step of enrich that failed: the metric's stage label and the dead letter's header. */
    public enum Step {
        /** A raw-articles record that does not decode. */
        DECODING("decoding"),
        /** Tagging an article with countries and officials (and reading it for grouping). */
        TAGGING("tagging"),
        /** Placing an article into an event, or closing idle events. */
        GROUPING("grouping");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The stage named in dead letters and {@code newsflow_dead_letters_total}. */
    public static final String STAGE = "enrich";

    private final MeterRegistry registry;

    public EnrichFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Logs and counts the failure of an article at a step, and describes it as a dead letter.
     * origin: topic/partition/offset of the input.
     */
    public DeadLetter articleFailed(Step step, RawArticle article, String origin, Throwable failure) {
        String articleId = article == null ? null : article.getArticleId();
        count(step, failure);
        PipelineMeters.deadLetter(registry, STAGE, failure.getClass().getName());
        LOG.error("enrich failure step={} article={} origin={} reason={} message=\"{}\"; sent to dead letters",
                step.label(), articleId, origin, failure.getClass().getName(), failure.getMessage());
        LOG.debug("enrich failure of article {} at {}", articleId, step.label(), failure);
        return DeadLetter.newBuilder()
                .setStage(STAGE)
                .setErrorClass(failure.getClass().getName())
                .setMessage(capitalised(step.label()) + " failed for article " + articleId + ": " + failure.getMessage())
                .setOriginalBytes(encode(article))
                .setOrigin(origin)
                .setOccurredAt(Instant.now())
                .build();
    }

    /** Logs and counts a failure that concerns no one article (closing idle events). */
    public void taskFailed(Step step, String what, Throwable failure) {
        count(step, failure);
        LOG.error("enrich failure step={} task=\"{}\" reason={} message=\"{}\"; the stores are as before it, "
                        + "it is tried again later", step.label(), what, failure.getClass().getName(), failure.getMessage(),
                failure);
    }

    /** The registry enrich's meters go to. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Counts a failure (a record that does not decode is logged where it is caught). */
    public void count(Step step, Throwable failure) {
        Counter.builder(METRIC)
                .tag("stage", step.label())
                .tag("reason", failure.getClass().getSimpleName())
                .description("Inputs enrich could not process, sent to dead letters, by step and exception class")
                .register(registry)
                .increment();
    }

    /** Marks a dead letter's headers with the step that failed. */
    public static Headers markStep(Headers headers, Step step) {
        headers.remove(STEP_HEADER);
        headers.add(STEP_HEADER, step.label().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static ByteBuffer encode(RawArticle article) {
        if (article == null) {
            return null;
        }
        try {
            return RawArticle.getEncoder().encode(article);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
