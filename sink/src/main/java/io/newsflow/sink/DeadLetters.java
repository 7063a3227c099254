package io.newsflow.sink;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newsflow.metrics.PipelineMeters;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.sink.changes.Rejection;
import io.newsflow.topics.Topic;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the records the sink gives up on to the dead-letter topic, and waits until the broker has them: the
 * batch that rejected them commits only afterwards, so a dead letter is never lost (it may repeat after a crash).
 */
final class DeadLetters implements AutoCloseable {

    /** Dead letters keep at most this much of the original value, so one huge record cannot block the topic. */
    static final int MAX_ORIGINAL_BYTES = 512 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Topic<String, DeadLetter> topic;
    private final KafkaProducer<String, DeadLetter> producer;
    private final KafkaClientMetrics producerMetrics;

    DeadLetters(Map<String, Object> kafkaProperties, Topic<String, DeadLetter> topic) {
        this.topic = topic;
        Map<String, Object> props = KafkaSettings.producer(kafkaProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-sink-dead-letters");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        this.producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(Metrics.globalRegistry);
    }

    void publish(List<Rejection> rejections) throws Exception {
        if (rejections.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(rejections.size());
        for (Rejection rejection : rejections) {
            DeadLetter letter = DeadLetter.newBuilder()
                    .setStage("sink")
                    .setErrorClass(rejection.errorClass())
                    .setMessage(rejection.reason())
                    .setOriginalBytes(original(rejection.origin().value()))
                    .setOrigin(rejection.origin().toString())
                    .setOccurredAt(Instant.now())
                    .build();
            sent.add(producer.send(new ProducerRecord<>(topic.name(), rejection.origin().toString(), letter)));
        }
        producer.flush();
        for (Future<RecordMetadata> result : sent) {
            result.get(60, TimeUnit.SECONDS);
        }
        rejections.forEach(rejection -> PipelineMeters.deadLetter(Metrics.globalRegistry, "sink", rejection.errorClass()));
        log.info("Sent {} dead letters to {}", rejections.size(), topic.name());
    }

    private static ByteBuffer original(byte[] value) {
        if (value == null) {
            return null;
        }
        return ByteBuffer.wrap(value.length <= MAX_ORIGINAL_BYTES ? value : Arrays.copyOf(value, MAX_ORIGINAL_BYTES));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** Closes within {@code timeout}; what the broker has not acknowledged by then is dropped (it is sent again). */
    public void close(Duration timeout) {
        producerMetrics.close();
        producer.close(timeout);
    }
}
