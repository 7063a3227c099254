package io.newsflow.enrich.grouping.state;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets go of the input record's raw bytes before grouping writes its stores.
 *
 * <p>Since KIP-1034 (Kafka Streams 4.1, still so in 4.4) the record context keeps the raw key and value
 * of the input record, for dead-letter queues, and every write to a cached store copies that context into
 * its cache entry; the cache's size bound does not count those bytes. A grouping input record is a whole
 * tagged article and a placement writes some 170 keys, so the cache's long-lived entries kept tens of
 * thousands of articles alive and filled a 1 GB heap at 20,000 open stories (docs/performance.md). Enrich
 * uses neither Kafka's dead-letter queue nor a processing exception handler (an undecodable record is sent
 * to Newsflow's dead letters before it gets here), so nothing reads those bytes afterwards.
 *
 * <p>The record context is Kafka Streams' internal API: where a version no longer offers it, this logs
 * once and does nothing (the memory figures then say so), rather than failing the stream.
 */
public final class RawInputRelease {

    private static final Logger LOG = LoggerFactory.getLogger(RawInputRelease.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private RawInputRelease() {
    }

    /** Frees the raw input bytes held by the current record context; true when there was a context to free. */
    public static boolean release(ProcessingContext context) {
        if (context instanceof InternalProcessorContext<?, ?> internal) {
            ProcessorRecordContext current = internal.recordContext();
            if (current != null) {
                current.freeRawRecord();
                return true;
            }
            return false;
        }
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("Cannot release raw input records in {}: the record cache will hold whole articles beyond its "
                    + "size bound (docs/performance.md)", context.getClass().getName());
        }
        return false;
    }
}
