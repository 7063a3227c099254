package io.newsflow.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The Confluent framing: magic byte {@code 0}, the 4-byte big-endian schema id the registry gave,
 * then the Avro binary body. The writer schema is registered under subject {@code <topic>-value}
 * on first use; readers fetch writer schemas by id and resolve them against their own schema.
 */
public final class RegistryFormat<T> implements WireFormat<T> {

    private static final byte MAGIC = 0;

    private final SchemaRegistryClient registry;
    private final String subject;
    private final Schema readerSchema;
    private final SpecificData model;
    private final SpecificDatumWriter<T> writer;
    private volatile int writerId = -1;

    public RegistryFormat(SchemaRegistryClient registry, String subject, Schema schema) {
        this.registry = registry;
        this.subject = subject;
        this.readerSchema = schema;
        this.model = SpecificData.getForSchema(schema);
        this.writer = new SpecificDatumWriter<>(schema, model);
    }

    @Override
    public byte[] encode(T record) {
        if (writerId < 0) {
            writerId = registry.register(subject, readerSchema);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC);
        out.writeBytes(ByteBuffer.allocate(4).putInt(writerId).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes.length < 5 || bytes[0] != MAGIC) {
            throw new MalformedRecordException("not a registry-framed Avro record (magic byte 0 and schema id expected)");
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema writerSchema = registry.schemaById(id);
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(writerSchema, readerSchema, model);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new MalformedRecordException("record with schema id " + id + " does not decode as " + readerSchema.getFullName(), e);
        }
    }
}
