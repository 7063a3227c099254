package io.newsflow.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;

/**
 * Avro single-object encoding: marker {@code C3 01}, the 8-byte little-endian CRC-64-AVRO
 * fingerprint of the writer schema, then the Avro binary body. Readable without a registry by any
 * Avro library that knows the schema (the fingerprint says which one). A record written with another
 * version of the schema is resolved against this build's schema, the writer schema found in a
 * {@link WriterSchemaStore}.
 */
public final class SingleObjectFormat<T> implements WireFormat<T> {

    private final Schema schema;
    private final WriterSchemaStore writerSchemas;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private volatile boolean published;

    /** Reads this build's schema and the released versions; no registry. */
    public SingleObjectFormat(Schema schema) {
        this(schema, new WriterSchemaStore(schema, null, null));
    }

    public SingleObjectFormat(Schema schema, WriterSchemaStore writerSchemas) {
        SpecificData model = SpecificData.getForSchema(schema);
        this.schema = schema;
        this.writerSchemas = writerSchemas;
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, writerSchemas);
        writerSchemas.known().forEach(decoder::addSchema);
    }

    @Override
    public byte[] encode(T record) {
        if (!published) {
            // Before the first record: readers of other versions must be able to find the schema it names.
            writerSchemas.publish(schema);
            published = true;
        }
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
        } catch (SchemaRegistryClient.SchemaRegistryException e) {
            throw e; // the registry is unreachable: not the record's fault
        } catch (MissingSchemaException e) {
            throw new MalformedRecordException("record of " + schema.getFullName() + " written with a schema this reader "
                    + "does not know (" + e.getMessage() + "): neither this build's, a released version, nor one "
                    + "registered in the schema registry (single-object readers look newer schemas up there; "
                    + "docs/consumers.md, \"Schema evolution\")", e);
        } catch (IOException | RuntimeException e) {
            // Avro reports some malformed bodies as unchecked errors of the JDK (an enum or union
            // index out of range is an ArrayIndexOutOfBoundsException): all of them are bad input.
            throw new MalformedRecordException("not an Avro single-object record of " + schema.getFullName() + ": " + e.getMessage(), e);
        }
    }
}
