package io.newsflow.enrich;

import io.newsflow.enrich.commits.LiveCommits;
import io.newsflow.enrich.failures.EnrichFailures;
import io.newsflow.metrics.PipelineMeters;
import io.newsflow.enrich.grouping.state.TaggedArticle;
import io.newsflow.enrich.grouping.text.TextFeatures;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Tags each article and reads it for grouping, per article (so on every raw-articles task in
 * parallel). An article the tagger fails on is not passed on untagged: it becomes a dead letter
 * with the reason ({@link EnrichFailures}), and the stream goes on with the next.
 */
final class TaggingStep implements FixedKeyProcessor<String, RawArticle, TaggingStep.Outcome> {

    /** What tags an article: the tagger of the service, or in a test one that fails on purpose. */
    @FunctionalInterface
    interface Tagger {
        ArticleTags tag(RawArticle article);
    }

    /** The tagged article, or the dead letter of an article that could not be tagged. */
    record Outcome(TaggedArticle tagged, DeadLetter deadLetter) {

        boolean failed() {
            return deadLetter != null;
        }
    }

    private final Tagger tagger;
    private final TextFeatures features;
    private final EnrichFailures failures;
    private FixedKeyProcessorContext<String, Outcome> context;
    private LiveCommits liveCommits;

    TaggingStep(Tagger tagger, TextFeatures features, EnrichFailures failures) {
        this.tagger = tagger;
        this.features = features;
        this.failures = failures;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Outcome> context) {
        this.context = context;
        this.liveCommits = LiveCommits.of(context);
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
        RawArticle article = record.value();
        PipelineMeters.articlesIn(failures.registry(), EnrichFailures.STAGE, 1);
        Outcome outcome;
        try {
            outcome = new Outcome(EnrichTopology.tagAndRead(tagger, features, article), null);
        } catch (RuntimeException | StackOverflowError e) {
            // a stack overflow (deep regex backtracking on a pathological text) is this article's, not the thread's
            DeadLetter letter = failures.articleFailed(EnrichFailures.Step.TAGGING, article, origin(), e);
            context.forward(record.withValue(new Outcome(null, letter)).withHeaders(
                    EnrichFailures.markStep(new RecordHeaders(record.headers().toArray()), EnrichFailures.Step.TAGGING)));
            liveCommits.commitIfDue(context, record.timestamp());
            return;
        }
        context.forward(record.withValue(outcome));
        liveCommits.commitIfDue(context, record.timestamp());
    }

    private String origin() {
        return context.recordMetadata()
                .map(m -> m.topic() + "/" + m.partition() + "/" + m.offset())
                .orElse("unknown");
    }
}
