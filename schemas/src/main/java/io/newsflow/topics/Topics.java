package io.newsflow.topics;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SeenItem;
import io.newsflow.schemas.SourceHealth;
import io.newsflow.wire.AvroSerde;
import io.newsflow.wire.RegistryFormat;
import io.newsflow.wire.SchemaRegistryClient;
import io.newsflow.wire.SingleObjectFormat;
import io.newsflow.wire.WireFormat;
import io.newsflow.wire.WriterSchemaStore;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics of the pipeline, named {@code <prefix><name>} and framed as configured: by default, with a
 * schema registry URL the Confluent framing and without one Avro single-object encoding; single-object
 * encoding can also be chosen with a registry, which then serves its readers the writer schemas of other
 * versions. Keys are plain UTF-8 strings.
 */
public final class Topics {

    public static final String RAW_ARTICLES = "raw-articles";
    public static final String EVENTS = "events";
    public static final String EVENT_ARTICLES = "event-articles";
    public static final String DEAD_LETTERS = "dead-letters";
    public static final String SOURCE_HEALTH = "source-health";
    public static final String SEEN_ITEMS = "seen-items";
    /**
     * Largest record on the events topic: Kafka's default. A snapshot is bounded whatever the story's size
     * (NewsEvent: at most 50 articles, 50 countries, 50 officials, 100 absorbed ids, each text cut to a
     * bounded length), well under this.
     */
    public static final int MAX_EVENT_RECORD_BYTES = 1024 * 1024;
    /**
     * Largest record on enrich's internal topics (changelogs, repartition): the grouping state of an open
     * event keeps every member with its evidence (a few hundred bytes each), so 8 MiB holds tens of thousands.
     */
    public static final int MAX_STATE_RECORD_BYTES = 8 * 1024 * 1024;

    static {
        // Avro only instantiates generated classes from trusted packages.
        AvroTrust.trustNewsflowPackages();
    }

    private final Topic<String, RawArticle> rawArticles;
    private final Topic<String, NewsEvent> events;
    private final Topic<String, EventMember> eventArticles;
    private final Topic<String, DeadLetter> deadLetters;
    private final Topic<String, SourceHealth> sourceHealth;
    private final Topic<String, SeenItem> seenItems;

    /** How record values are framed on the topics (docs/consumers.md, "Wire format"). */
    public enum Framing {
        /** Avro single-object encoding: a schema fingerprint, then the body. */
        SINGLE_OBJECT,
        /** The Confluent framing: magic byte, the registry's schema id, then the body. Needs a registry. */
        CONFLUENT
    }

    public Topics(String prefix, String schemaRegistryUrl) {
        this(schemaRegistryUrl == null || schemaRegistryUrl.isBlank()
                ? null : new SchemaRegistryClient(schemaRegistryUrl), prefix);
    }

    /** Topics whose values use the Confluent framing through {@code registry}, or single-object encoding when null. */
    public static Topics withRegistry(String prefix, SchemaRegistryClient registry) {
        return new Topics(registry, prefix);
    }

    /**
     * Topics framed as {@code framing}; {@code registry} (may be null for single-object encoding) is where
     * the Confluent framing registers and looks up schemas, or where single-object readers look up the
     * writer schemas of versions they do not bundle.
     */
    public static Topics of(String prefix, SchemaRegistryClient registry, Framing framing) {
        return new Topics(registry, prefix, framing);
    }

    private Topics(SchemaRegistryClient registry, String prefix) {
        this(registry, prefix, registry == null ? Framing.SINGLE_OBJECT : Framing.CONFLUENT);
    }

    private Topics(SchemaRegistryClient registry, String prefix, Framing framing) {
        if (framing == Framing.CONFLUENT && registry == null) {
            throw new IllegalArgumentException("the Confluent framing needs a schema registry");
        }
        this.rawArticles = topic(prefix + RAW_ARTICLES, RawArticle.getClassSchema(), registry, framing, false);
        this.events = topic(prefix + EVENTS, NewsEvent.getClassSchema(), registry, framing, true);
        this.eventArticles = topic(prefix + EVENT_ARTICLES, EventMember.getClassSchema(), registry, framing, true);
        this.deadLetters = topic(prefix + DEAD_LETTERS, DeadLetter.getClassSchema(), registry, framing, false);
        this.sourceHealth = topic(prefix + SOURCE_HEALTH, SourceHealth.getClassSchema(), registry, framing, true);
        this.seenItems = topic(prefix + SEEN_ITEMS, SeenItem.getClassSchema(), registry, framing, true);
    }

    /** The embedded default: no prefix, no registry. */
    public static Topics embedded() {
        return new Topics("", null);
    }

    public Topic<String, RawArticle> rawArticles() {
        return rawArticles;
    }

    public Topic<String, NewsEvent> events() {
        return events;
    }

    /** Every article's event (key = articleId): the full membership that bounded snapshots list only in part. */
    public Topic<String, EventMember> eventArticles() {
        return eventArticles;
    }

    public Topic<String, DeadLetter> deadLetters() {
        return deadLetters;
    }

    public Topic<String, SourceHealth> sourceHealth() {
        return sourceHealth;
    }

    public Topic<String, SeenItem> seenItems() {
        return seenItems;
    }

    public List<Topic<String, ?>> all() {
        return List.of(rawArticles, events, eventArticles, deadLetters, sourceHealth, seenItems);
    }

    private static <V> Topic<String, V> topic(String name, Schema schema, SchemaRegistryClient registry, Framing framing,
                                              boolean compacted) {
        String subject = name + "-value";
        WireFormat<V> format = framing == Framing.CONFLUENT
                ? new RegistryFormat<>(registry, subject, schema)
                : new SingleObjectFormat<>(schema, new WriterSchemaStore(schema, registry, subject));
        Serde<V> valueSerde = new AvroSerde<>(format);
        return new Topic<>(name, Serdes.String(), valueSerde, compacted);
    }
}
