package io.newsflow.topics;

import org.apache.kafka.common.serialization.Serde;

/** One topic: its name and the serdes of its key and value, so producers, topologies and tests agree. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
}
