package io.newsflow.topics;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SeenItem;
import io.newsflow.schemas.SourceHealth;
import io.newsflow.wire.AvroSerde;
import io.newsflow.wire.RegistryFormat;
import io.newsflow.wire.SchemaRegistryClient;
import io.newsflow.wire.SingleObjectFormat;
import io.newsflow.wire.WireFormat;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics of the pipeline, named {@code <prefix><name>} and framed as configured: with a
 * schema registry URL, the Confluent framing; without one, Avro single-object encoding.
 * Keys are plain UTF-8 strings.
 */
public final class Topics {

    public static final String RAW_ARTICLES = "raw-articles";
    public static final String EVENTS = "events";
    public static final String DEAD_LETTERS = "dead-letters";
    public static final String SOURCE_HEALTH = "source-health";
    public static final String SEEN_ITEMS = "seen-items";
    /**
     * Largest record on the events topic and enrich's internal topics: a snapshot carries every member article
     * with its evidence (a few hundred bytes each), so Kafka's default of 1 MB would stop an event at a few
     * thousand reports; 8 MiB holds tens of thousands.
     */
    public static final int MAX_EVENT_RECORD_BYTES = 8 * 1024 * 1024;

    static {
        // Avro only instantiates generated classes from trusted packages.
        AvroTrust.trustNewsflowPackages();
    }

    private final Topic<String, RawArticle> rawArticles;
    private final Topic<String, NewsEvent> events;
    private final Topic<String, DeadLetter> deadLetters;
    private final Topic<String, SourceHealth> sourceHealth;
    private final Topic<String, SeenItem> seenItems;

    public Topics(String prefix, String schemaRegistryUrl) {
        this(schemaRegistryUrl == null || schemaRegistryUrl.isBlank()
                ? null : new SchemaRegistryClient(schemaRegistryUrl), prefix);
    }

    /** Topics whose values use the Confluent framing through {@code registry}, or single-object encoding when null. */
    public static Topics withRegistry(String prefix, SchemaRegistryClient registry) {
        return new Topics(registry, prefix);
    }

    private Topics(SchemaRegistryClient registry, String prefix) {
        this.rawArticles = topic(prefix + RAW_ARTICLES, RawArticle.getClassSchema(), registry, false);
        this.events = topic(prefix + EVENTS, NewsEvent.getClassSchema(), registry, true);
        this.deadLetters = topic(prefix + DEAD_LETTERS, DeadLetter.getClassSchema(), registry, false);
        this.sourceHealth = topic(prefix + SOURCE_HEALTH, SourceHealth.getClassSchema(), registry, true);
        this.seenItems = topic(prefix + SEEN_ITEMS, SeenItem.getClassSchema(), registry, true);
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
        return List.of(rawArticles, events, deadLetters, sourceHealth, seenItems);
    }

    private static <V> Topic<String, V> topic(String name, Schema schema, SchemaRegistryClient registry, boolean compacted) {
        WireFormat<V> format = registry == null
                ? new SingleObjectFormat<>(schema)
                : new RegistryFormat<>(registry, name + "-value", schema);
        Serde<V> valueSerde = new AvroSerde<>(format);
        return new Topic<>(name, Serdes.String(), valueSerde, compacted);
    }
}
