package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.enrich.failures.EnrichFailures;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.topics.Topics;
import io.newsflow.wire.MalformedRecordException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterRoutingTest {

    private final Topics topics = Topics.embedded();

    @Test
    void anUndecodableRecordBecomesADeadLetterAndTheStreamResumes() {
        DeadLetterRouting routing = new DeadLetterRouting();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        routing.configure(Map.of(DeadLetterRouting.DEAD_LETTERS_TOPIC, topics.deadLetters(), DeadLetterRouting.METRICS, metrics));
        byte[] key = "a1".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("raw-articles", 2, 17L, key, new byte[] {1, 2, 3});

        DeserializationExceptionHandler.Response response = routing.handleError(context(), record,
                new MalformedRecordException("not an Avro single-object record"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> out = response.deadLetterQueueRecords().get(0);
        assertThat(out.topic()).isEqualTo(topics.deadLetters().name());
        assertThat(out.key()).isEqualTo(key);
        DeadLetter letter = topics.deadLetters().valueSerde().deserializer().deserialize(out.topic(), out.value());
        assertThat(letter.getStage()).isEqualTo("enrich");
        assertThat(letter.getOrigin()).isEqualTo("raw-articles/2/17");
        assertThat(letter.getErrorClass()).isEqualTo(MalformedRecordException.class.getName());
        assertThat(letter.getOriginalBytes().remaining()).isEqualTo(3);
        assertThat(new String(out.headers().lastHeader(EnrichFailures.STEP_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("decoding");
        assertThat(metrics.get("newsflow.enrich.failures").tags("stage", "decoding", "reason", "MalformedRecordException")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void withoutADeadLettersTopicItLogsAndResumes() {
        DeadLetterRouting routing = new DeadLetterRouting();
        routing.configure(Map.of());
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("raw-articles", 0, 1L, null, new byte[] {9});
        DeserializationExceptionHandler.Response response = routing.handleError(context(), record,
                new MalformedRecordException("bad"));
        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            public String topic() { return "raw-articles"; }
            public int partition() { return 2; }
            public long offset() { return 17L; }
            public Headers headers() { return new RecordHeaders(); }
            public String processorNodeId() { return "raw-articles"; }
            public TaskId taskId() { return new TaskId(0, 2); }
            public long timestamp() { return 0L; }
            public byte[] sourceRawKey() { return null; }
            public byte[] sourceRawValue() { return null; }
        };
    }
}
