package io.newsflow.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;

/**
 * Avro single-object encoding: marker {@code C3 01}, the 8-byte little-endian CRC-64-AVRO
 * fingerprint of the writer schema, then the Avro binary body. Readable without a registry by any
 * Avro library that knows the schema (the fingerprint says which one).
 */
public final class SingleObjectFormat<T> implements WireFormat<T> {

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final String schemaName;

    public SingleObjectFormat(Schema schema) {
        SpecificData model = SpecificData.getForSchema(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        this.schemaName = schema.getFullName();
    }

    @Override
    public byte[] encode(T record) {
        try {
            return encoder.encode(record).array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            // Avro reports some malformed bodies as unchecked errors of the JDK (an enum or union
            // index out of range is an ArrayIndexOutOfBoundsException): all of them are bad input.
            throw new MalformedRecordException("not an Avro single-object record of " + schemaName + ": " + e.getMessage(), e);
        }
    }
}
