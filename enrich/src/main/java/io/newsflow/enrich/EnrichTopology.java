package io.newsflow.enrich;

import io.newsflow.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** raw-articles -> clean, tag, group -> events. STUB: to be written. */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, EnrichConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        return builder.build();
    }
}
