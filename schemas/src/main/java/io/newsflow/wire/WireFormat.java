package io.newsflow.wire;

/**
 * How one Avro record type is framed as bytes on a Kafka topic.
 *
 * <p>Two framings ship (see docs/consumers.md, "Wire format"): {@link SingleObjectFormat} for the embedded
 * default, which needs no registry, and {@link RegistryFormat}, the Confluent framing backed by a
 * schema registry, which is what other systems' consumers expect.
 */
public interface WireFormat<T> {

    byte[] encode(T record);

    T decode(byte[] bytes);
}
