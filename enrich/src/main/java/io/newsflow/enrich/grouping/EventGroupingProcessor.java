package io.newsflow.enrich.grouping;

import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.EventState;
import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.enrich.grouping.state.RawInputRelease;
import io.newsflow.enrich.grouping.state.TaggedArticle;
import io.newsflow.enrich.grouping.state.WritePlan;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.metrics.PipelineMeters;
import io.newsflow.enrich.commits.LiveCommits;
import io.newsflow.enrich.failures.EnrichFailures;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EventChange;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
 *
 * <p>Plan first, then write: a placement is worked out with its store writes held back
 * ({@link GroupingStores#beginPlacement}), its snapshots are built, and only then are the writes
 * made ({@link GroupingStores#applyPlacement}) and the snapshots forwarded. A failure anywhere
 * leaves the stores as before the article, which goes to the dead letters; the next article is
 * placed as if it had never come. Should the stores not be put back, the exception ends the task:
 * under exactly-once, Kafka Streams then aborts the transaction and restores them from the changelogs.
 */
public final class EventGroupingProcessor implements Processor<String, TaggedArticle, String, GroupingOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(EventGroupingProcessor.class);
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Duration CLOSE_CHECK_INTERVAL = Duration.ofMinutes(10);
    private static final int CLOSE_BATCH = 10_000;

    private final GroupingSettings settings;
    private final EnrichFailures failures;
    private final MeterRegistry metrics;
    /** Article fetched (by ingest) to its event's snapshot handed on: what a consumer of events waits, less the commit. */
    private final Timer latency;
    private Gauge openEvents;
    private ProcessorContext<String, GroupingOutput> context;
    private GroupingStores stores;
    private EventGrouper grouper;
    private LiveCommits liveCommits;

    public EventGroupingProcessor(GroupingSettings settings, MeterRegistry metrics) {
        this.settings = settings;
        this.failures = new EnrichFailures(metrics);
        this.metrics = metrics;
        this.latency = Timer.builder("newsflow.grouping.latency")
                .description("From an article's fetch by ingest to the snapshot of its event leaving grouping")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1)).register(metrics);
    }

    @Override
    public void init(ProcessorContext<String, GroupingOutput> context) {
        this.context = context;
        this.stores = new GroupingStores(store(GroupingStores.EVENTS), store(GroupingStores.DOCUMENT_FREQUENCY),
                store(GroupingStores.ARTICLES));
        this.grouper = new EventGrouper(settings, stores);
        this.liveCommits = LiveCommits.of(context);
        openEvents = Gauge.builder("newsflow.enrich.open.events", stores, GroupingStores::openEvents)
                .description("Events open in this task's stores (closed after NEWSFLOW_EVENT_IDLE_HOURS without news)")
                .tag("task", context.taskId().toString()).strongReference(true).register(metrics);
        long idle = settings.idleTimeout().toMillis();
        context.schedule(CLOSE_CHECK_INTERVAL, PunctuationType.STREAM_TIME, now -> closeAndExpire(now, idle));
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
        RawInputRelease.release(context); // the record cache would keep the whole input record per store write
        List<Record<String, GroupingOutput>> output;
        EventGrouper.Outcome outcome;
        long started = LOG.isDebugEnabled() ? CPU.getCurrentThreadCpuTime() : 0;
        try {
            stores.beginPlacement();
            outcome = grouper.place(article, tagged.tags(), tagged.reading(), record.timestamp());
            output = output(record, outcome);
            stores.applyPlacement();
        } catch (WritePlan.StoresNotRestored e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a stack overflow is this article's (deep recursion on its text), not the thread's: the stores are put back
            stores.abandonPlacement();
            DeadLetter letter = failures.articleFailed(EnrichFailures.Step.GROUPING, article, origin(), e);
            context.forward(new Record<>(article.getArticleId(), GroupingOutput.deadLetter(letter), record.timestamp(),
                    EnrichFailures.markStep(new RecordHeaders(record.headers().toArray()), EnrichFailures.Step.GROUPING)));
            liveCommits.commitIfDue(context, record.timestamp());
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("placed {} in {} us of CPU: changed {}, absorbed {}", article.getArticleId(),
                    (CPU.getCurrentThreadCpuTime() - started) / 1000,
                    outcome.changed().stream().map(e -> e.eventId).toList(), outcome.absorbedIds());
        }
        output.forEach(context::forward);
        liveCommits.commitIfDue(context, record.timestamp());
        PipelineMeters.articlesOut(metrics, EnrichFailures.STAGE, 1);
        if (article.getFetchedAt() != null) {
            Duration waited = Duration.between(article.getFetchedAt(), Instant.now());
            latency.record(waited.isNegative() ? Duration.ZERO : waited); // a fetching host's clock may run ahead
        }
    }

    @Override
    public void close() {
        if (openEvents != null) {
            metrics.remove(openEvents); // the task moves to another instance or is closed: its count goes with it
        }
    }

    /**
     * The records a placement publishes, built before its writes are made: a snapshot that cannot be built fails
     * the placement. Each snapshot says what happened (NewsEvent.change), followed by the event-articles records
     * of its members that joined or changed; an absorbed event's last snapshot (MERGED_INTO) comes right before
     * its tombstone (its members' records follow the survivor's snapshot).
     */
    private static List<Record<String, GroupingOutput>> output(Record<String, TaggedArticle> record,
                                                               EventGrouper.Outcome outcome) {
        List<Record<String, GroupingOutput>> output = new ArrayList<>();
        for (EventState event : outcome.changed()) {
            NewsEvent.Builder snapshot;
            String splitFrom = outcome.splitFrom().get(event.eventId);
            if (splitFrom != null) {
                snapshot = EventSnapshots.snapshot(event, EventChange.SPLIT_FROM).setSplitFromEventId(splitFrom);
            } else if (event.version == 1) {
                snapshot = EventSnapshots.snapshot(event, EventChange.CREATED).setContinuesEventId(outcome.continuesEventId());
            } else if (outcome.survivorOf().containsValue(event.eventId)) {
                snapshot = EventSnapshots.snapshot(event, EventChange.ABSORBED);
            } else {
                snapshot = EventSnapshots.snapshot(event, EventChange.UPDATED);
            }
            output.add(record.withKey(event.eventId).withValue(GroupingOutput.event(snapshot.build())));
            for (EventMember member : EventSnapshots.changedMembers(event)) {
                output.add(record.withKey(member.getArticleId()).withValue(GroupingOutput.member(member)));
            }
        }
        for (EventState absorbed : outcome.absorbed()) {
            NewsEvent last = EventSnapshots.snapshot(absorbed, EventChange.MERGED_INTO)
                    .setVersion(absorbed.version + 1).setMergedIntoEventId(outcome.survivorOf().get(absorbed.eventId))
                    .setArticlesAdded(0).setArticlesRemoved(absorbed.members.size()).build();
            output.add(record.withKey(absorbed.eventId).withValue(GroupingOutput.event(last)));
            output.add(record.withKey(absorbed.eventId).withValue(GroupingOutput.event(null)));
        }
        outcome.changed().forEach(EventState::membershipPublished);
        outcome.absorbed().forEach(EventState::membershipPublished);
        return output;
    }

    /**
     * Closes the idle events of one check, publishing each one's CLOSED snapshot, then tombstones the events closed
     * one idle timeout ago. Each is one placement: all of it, or none and an ERROR line.
     */
    private void closeAndExpire(long now, long idle) {
        List<EventState> closed = inOnePlacement("closing events idle since before " + Instant.ofEpochMilli(now - idle),
                () -> grouper.closeIdle(now - idle, CLOSE_BATCH));
        closed.forEach(event -> context.forward(new Record<>(event.eventId,
                GroupingOutput.event(EventSnapshots.snapshot(event, EventChange.CLOSED).build()), now)));
        if (!closed.isEmpty()) {
            LOG.info("Closed {} events idle since before {}", closed.size(), Instant.ofEpochMilli(now - idle));
        }
        List<EventGrouper.Expired> expired = inOnePlacement("tombstoning events closed before " + Instant.ofEpochMilli(now - idle),
                () -> grouper.expireClosed(now - 2 * idle, CLOSE_BATCH));
        for (EventGrouper.Expired event : expired) {
            context.forward(new Record<>(event.eventId(), GroupingOutput.event(null), now));
            event.articleIds().forEach(id -> context.forward(new Record<>(id, GroupingOutput.member(null), now)));
        }
        if (!expired.isEmpty()) {
            LOG.info("Tombstoned {} events closed one idle timeout ago", expired.size());
        }
    }

    /** Runs the work as one placement; on a failure the stores are as before, the failure is logged and nothing is returned. */
    private <T> List<T> inOnePlacement(String what, java.util.function.Supplier<List<T>> work) {
        try {
            stores.beginPlacement();
            List<T> result = work.get();
            stores.applyPlacement();
            return result;
        } catch (WritePlan.StoresNotRestored e) {
            throw e;
        } catch (RuntimeException e) {
            stores.abandonPlacement();
            failures.taskFailed(EnrichFailures.Step.GROUPING, what, e);
            return List.of();
        }
    }

    private String origin() {
        return context.recordMetadata()
                .map(RecordMetadata::topic)
                .map(t -> t + "/" + context.recordMetadata().get().partition() + "/" + context.recordMetadata().get().offset())
                .orElse("unknown");
    }
}
