package io.newsflow.wire;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde over a {@link WireFormat}; null stays null (tombstones). */
public final class AvroSerde<T> implements Serde<T> {

    private final WireFormat<T> format;

    public AvroSerde(WireFormat<T> format) {
        this.format = format;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> record == null ? null : format.encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : format.decode(bytes);
    }
}
