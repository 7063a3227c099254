package io.newsflow.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.newsflow.enrich.failures.EnrichFailures;
import io.newsflow.enrich.grouping.text.ArticleReading;
import io.newsflow.enrich.grouping.EventGroupingProcessor;
import io.newsflow.enrich.grouping.GroupingOutput;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.enrich.grouping.text.MinHash;
import io.newsflow.enrich.grouping.state.TaggedArticle;
import io.newsflow.enrich.grouping.text.TextFeatures;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * raw-articles -> tag and read -> group -> events (and dead-letters).
 *
 * <p>How it scales: tagging, and reading the text for grouping ({@link ArticleReading}), are per
 * article and run in parallel on as many tasks as raw-articles has partitions. Grouping must see
 * every article, since any article may report any open event,
 * so all tagged articles are re-keyed to one grouping key and go through the one-partition internal
 * topic {@value #GROUPING_TOPIC}: one task owns all grouping state. Its cost per article is bounded
 * (a fixed number of index look-ups and candidate events, see {@link GroupingSettings}), not
 * proportional to the number of open events. To scale further, partition the grouping key by a
 * coarse attribute that events never cross (language, or region of the source), one grouping task
 * per value.
 */
public final class EnrichTopology {

    /** Name of the internal topic that funnels tagged articles to the grouping task. */
    public static final String GROUPING_TOPIC = "grouping-input";
    /** The one key all tagged articles take to the grouping topic. */
    public static final String GROUPING_KEY = "all";

    private static final Logger LOG = LoggerFactory.getLogger(EnrichTopology.class);

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, EnrichConfig config) {
        return build(topics, config, Metrics.globalRegistry);
    }

    /** The service's topology, counting failures in the given registry. */
    public static Topology build(Topics topics, EnrichConfig config, MeterRegistry metrics) {
        return build(topics, GroupingSettings.defaults(config.eventIdleTimeout()),
                GroupingStores.builders(GroupingStores.Kind.PERSISTENT), taggerOf(ArticleTagger.standard()), metrics,
                UnaryOperator.identity());
    }

    /** The topology with explicit grouping settings and store kind (offline evaluation uses heap stores). */
    public static Topology build(Topics topics, GroupingSettings settings, GroupingStores.Kind stores) {
        return build(topics, settings, stores, UnaryOperator.identity());
    }

    /**
     * The topology with the grouping processor passed through {@code wrapGrouping}: a benchmark
     * wraps it to time the grouping processor apart from tagging and serialisation.
     */
    public static Topology build(Topics topics, GroupingSettings settings, GroupingStores.Kind stores,
                                 UnaryOperator<Processor<String, TaggedArticle, String, GroupingOutput>> wrapGrouping) {
        return build(topics, settings, GroupingStores.builders(stores), taggerOf(ArticleTagger.standard()),
                Metrics.globalRegistry, wrapGrouping);
    }

    /**
     * The topology from its parts: the grouping stores (a test wraps them to fail on purpose), the
     * tagger, and the registry that counts failures ({@link EnrichFailures}).
     */
    static Topology build(Topics topics, GroupingSettings settings,
                          List<StoreBuilder<KeyValueStore<String, byte[]>>> stores, TaggingStep.Tagger tagger,
                          MeterRegistry metrics,
                          UnaryOperator<Processor<String, TaggedArticle, String, GroupingOutput>> wrapGrouping) {
        StreamsBuilder builder = new StreamsBuilder();
        stores.forEach(builder::addStateStore);
        // the MinHash grouping bands signatures with (GroupingStores#minHash): copies are found by comparing them
        TextFeatures features = new TextFeatures(MinHash.standard());
        EnrichFailures failures = new EnrichFailures(metrics);

        Map<String, KStream<String, TaggingStep.Outcome>> tagging = builder
                .stream(topics.rawArticles().name(), Consumed.with(topics.rawArticles().keySerde(),
                                topics.rawArticles().valueSerde())
                        .withTimestampExtractor(new ArticleEventTime())
                        .withName("raw-articles"))
                .filter((key, article) -> article != null, Named.as("skip-tombstones"))
                .processValues(() -> new TaggingStep(tagger, features, failures), Named.as("tag-article"))
                .split(Named.as("tagging-"))
                .branch((key, outcome) -> outcome.failed(), Branched.as("failed"))
                .defaultBranch(Branched.as("done"));
        tagging.get("tagging-failed")
                .mapValues(TaggingStep.Outcome::deadLetter, Named.as("tagging-dead-letter"))
                .to(topics.deadLetters().name(), Produced.with(topics.deadLetters().keySerde(),
                        topics.deadLetters().valueSerde()).withName("tagging-dead-letters"));
        KStream<String, GroupingOutput> grouped = tagging.get("tagging-done")
                .mapValues(TaggingStep.Outcome::tagged, Named.as("tagged-article"))
                .selectKey((key, article) -> GROUPING_KEY, Named.as("key-for-grouping"))
                .repartition(Repartitioned.<String, TaggedArticle>as(GROUPING_TOPIC)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(TaggedArticle.serde())
                        .withNumberOfPartitions(1))
                .process(() -> wrapGrouping.apply(new EventGroupingProcessor(settings, metrics)), Named.as("group-into-events"),
                        GroupingStores.names());

        grouped.split(Named.as("grouping-output-"))
                .branch((key, out) -> out.topic() == GroupingOutput.Topic.DEAD_LETTERS, Branched.withConsumer(letters -> letters
                        .mapValues(out -> (DeadLetter) out.value(), Named.as("as-dead-letter"))
                        .to(topics.deadLetters().name(), Produced.with(topics.deadLetters().keySerde(),
                                topics.deadLetters().valueSerde()).withName("dead-letters")), "dead-letters"))
                .branch((key, out) -> out.topic() == GroupingOutput.Topic.EVENT_ARTICLES, Branched.withConsumer(members -> members
                        .mapValues(out -> (EventMember) out.value(), Named.as("as-event-member"))
                        .to(topics.eventArticles().name(), Produced.with(topics.eventArticles().keySerde(),
                                topics.eventArticles().valueSerde()).withName("event-articles")), "event-articles"))
                .defaultBranch(Branched.withConsumer(events -> events
                        .mapValues(out -> (NewsEvent) out.value(), Named.as("as-event"))
                        .to(topics.events().name(), Produced.with(topics.events().keySerde(),
                                topics.events().valueSerde()).withName("events")), "events"));
        return builder.build();
    }

    /**
     * Tags the article and reads it for grouping (see {@link ArticleReading}): per article, so in
     * parallel; what the tagging step sends to grouping (a benchmark feeds grouping the same).
     */
    public static TaggedArticle tagAndRead(ArticleTagger tagger, TextFeatures features, RawArticle article) {
        return tagAndRead(taggerOf(tagger), features, article);
    }

    /** How the service tags an article with the tagger. */
    static TaggingStep.Tagger taggerOf(ArticleTagger tagger) {
        return article -> tagger.tag(article.getTitle(), article.getBody());
    }

    /** As above; a tagging failure is thrown (the tagging step sends the article to the dead letters). */
    static TaggedArticle tagAndRead(TaggingStep.Tagger tagger, TextFeatures features, RawArticle article) {
        ArticleTags tags = tagger.tag(article);
        try {
            return new TaggedArticle(article, tags, ArticleReading.of(article, tags, features));
        } catch (RuntimeException e) {
            // grouping reads it again, and sends it to the dead letters if that fails too
            LOG.warn("Reading failed for article {}; grouping will read it: {}", article.getArticleId(), e.toString());
            return new TaggedArticle(article, tags);
        }
    }
}
