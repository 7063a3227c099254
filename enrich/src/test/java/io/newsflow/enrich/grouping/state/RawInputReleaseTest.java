package io.newsflow.enrich.grouping.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.junit.jupiter.api.Test;

/** The release works on the record context this Kafka Streams version hands to processors. */
class RawInputReleaseTest {

    @Test
    void theInputRecordsRawBytesAreGoneOnceReleased() {
        List<String> seen = new ArrayList<>();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, Void, Void>() {
                    private ProcessorContext<Void, Void> context;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        this.context = context;
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        seen.add("before: " + rawValue(context));
                        seen.add("released: " + RawInputRelease.release(context));
                        seen.add("after: " + rawValue(context));
                    }
                });
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build())) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            in.pipeInput("a-1", "a whole article");
        }
        assertThat(seen).containsExactly("before: a whole article", "released: true", "after: null");
    }

    private static String rawValue(ProcessorContext<?, ?> context) {
        byte[] raw = ((InternalProcessorContext<?, ?>) context).recordContext().sourceRawValue();
        return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
    }
}
