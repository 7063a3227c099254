package io.newsflow.enrich.grouping;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams wiring of {@link EventGrouper}: reads tagged articles, writes event snapshots
 * (key = event id; a null value is the tombstone of an event absorbed by a merge) and dead
 * letters for articles it cannot place. A stream-time punctuator closes idle events.
 */
public final class EventGroupingProcessor implements Processor<String, TaggedArticle, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(EventGroupingProcessor.class);
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Duration CLOSE_CHECK_INTERVAL = Duration.ofMinutes(10);
    private static final int CLOSE_BATCH = 10_000;

    private final GroupingSettings settings;
    private ProcessorContext<String, SpecificRecord> context;
    private EventGrouper grouper;

    public EventGroupingProcessor(GroupingSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        GroupingStores stores = new GroupingStores(store(GroupingStores.EVENTS), store(GroupingStores.DOCUMENT_FREQUENCY),
                store(GroupingStores.ARTICLES));
        this.grouper = new EventGrouper(settings, stores);
        int reindexed = grouper.reindexFormerEvents();
        if (reindexed > 0) {
            LOG.info("Indexed {} events stored by an earlier version anew by their terms", reindexed);
        }
        long idle = settings.idleTimeout().toMillis();
        context.schedule(CLOSE_CHECK_INTERVAL, PunctuationType.STREAM_TIME, now -> {
            int closed = grouper.closeIdle(now - idle, CLOSE_BATCH);
            if (closed > 0) {
                LOG.info("Closed {} events idle since before {}", closed, Instant.ofEpochMilli(now - idle));
            }
        });
    }

    private KeyValueStore<String, byte[]> store(String name) {
        return context.getStateStore(name);
    }

    @Override
    public void process(Record<String, TaggedArticle> record) {
        TaggedArticle tagged = record.value();
        if (tagged == null || tagged.article() == null) {
            return;
        }
        RawArticle article = tagged.article();
        EventGrouper.Outcome outcome;
        long started = LOG.isDebugEnabled() ? CPU.getCurrentThreadCpuTime() : 0;
        try {
            outcome = grouper.place(article, tagged.tags(), tagged.reading(), record.timestamp());
            if (LOG.isDebugEnabled()) {
                LOG.debug("placed {} in {} us of CPU", article.getArticleId(), (CPU.getCurrentThreadCpuTime() - started) / 1000);
            }
        } catch (RuntimeException e) {
            grouper.recover();
            LOG.warn("Could not group article {} ({}): {}; sent to dead letters", article.getArticleId(),
                    origin(), e.toString(), e);
            context.forward(record.withKey(article.getArticleId()).withValue(deadLetter(article, e)));
            return;
        }
        for (EventState event : outcome.changed()) {
            NewsEvent snapshot = EventSnapshots.snapshot(event);
            context.forward(record.withKey(snapshot.getEventId()).withValue(snapshot));
        }
        for (String absorbed : outcome.absorbedIds()) {
            context.forward(record.withKey(absorbed).withValue((SpecificRecord) null));
        }
    }

    private DeadLetter deadLetter(RawArticle article, Exception e) {
        return DeadLetter.newBuilder()
                .setStage("enrich")
                .setErrorClass(e.getClass().getName())
                .setMessage("Could not group article " + article.getArticleId() + ": " + e.getMessage())
                .setOriginalBytes(encode(article))
                .setOrigin(origin())
                .setOccurredAt(Instant.now())
                .build();
    }

    private static ByteBuffer encode(RawArticle article) {
        try {
            return RawArticle.getEncoder().encode(article);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private String origin() {
        return context.recordMetadata()
                .map(RecordMetadata::topic)
                .map(t -> t + "/" + context.recordMetadata().get().partition() + "/" + context.recordMetadata().get().offset())
                .orElse("unknown");
    }
}
