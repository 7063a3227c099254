package io.newsflow.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.metrics.PipelineMeters;
import io.micrometer.core.instrument.Metrics;
import io.newsflow.enrich.failures.EnrichFailures;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.topics.Topic;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that do not decode (on raw-articles, or on the internal grouping topic) are logged,
 * counted ({@code newsflow_enrich_failures_total{stage="decoding"}}), wrapped in a
 * {@link DeadLetter} (with the original bytes and their topic/partition/offset) and written to the
 * dead-letters topic; the stream goes on. Kafka's own dead-letter queue
 * ({@code errors.dead.letter.queue.topic.name}) would copy the raw bytes with headers only;
 * Newsflow's dead-letters topic carries the same {@link DeadLetter} record for every stage, so the
 * handler builds it itself.
 */
public final class DeadLetterRouting implements DeserializationExceptionHandler {

    /** Config key under which EnrichService passes the dead-letters {@link Topic}. */
    public static final String DEAD_LETTERS_TOPIC = "newsflow.dead.letters.topic";
    /** Config key under which EnrichService passes the {@link MeterRegistry} (default: Micrometer's global one). */
    public static final String METRICS = "newsflow.metrics.registry";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRouting.class);

    private Topic<String, DeadLetter> deadLetters;
    private EnrichFailures failures = new EnrichFailures(Metrics.globalRegistry);

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(DEAD_LETTERS_TOPIC);
        if (topic instanceof Topic<?, ?> t) {
            this.deadLetters = (Topic<String, DeadLetter>) t;
        } else {
            LOG.warn("No dead-letters topic configured ({}): undecodable records will be logged and skipped",
                    DEAD_LETTERS_TOPIC);
        }
        if (configs.get(METRICS) instanceof MeterRegistry registry) {
            this.failures = new EnrichFailures(registry);
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String origin = context.topic() + "/" + context.partition() + "/" + context.offset();
        LOG.error("enrich failure step=decoding origin={} reason={} message=\"{}\"; skipped{}", origin,
                exception.getClass().getName(), exception.getMessage(), deadLetters == null ? "" : ", sent to dead letters");
        failures.count(EnrichFailures.Step.DECODING, exception);
        if (deadLetters == null) {
            return Response.resume();
        }
        PipelineMeters.deadLetter(failures.registry(), EnrichFailures.STAGE, exception.getClass().getName());
        DeadLetter letter = DeadLetter.newBuilder()
                .setStage("enrich")
                .setErrorClass(exception.getClass().getName())
                .setMessage("Could not decode a record of " + context.topic() + ": " + exception.getMessage())
                .setOriginalBytes(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setOrigin(origin)
                .setOccurredAt(Instant.now())
                .build();
        byte[] value = deadLetters.valueSerde().serializer().serialize(deadLetters.name(), letter);
        return Response.resume(List.of(new ProducerRecord<>(deadLetters.name(), null, record.key(), value,
                EnrichFailures.markStep(new RecordHeaders(), EnrichFailures.Step.DECODING))));
    }
}
