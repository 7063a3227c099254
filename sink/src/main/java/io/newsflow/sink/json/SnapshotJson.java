package io.newsflow.sink.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The JSON form of an event snapshot, as written to JSON Lines files and to the {@code snapshot} JSONB column.
 *
 * <p>Field names are exactly the Avro field names of {@code NewsEvent} (and of its nested records), in schema
 * order, so the JSON evolves with the schema without a hand-kept mapping. Times ({@code timestamp-millis}) are
 * ISO-8601 UTC strings such as {@code "2026-06-01T09:30:00Z"} (milliseconds shown when non-zero); dates
 * ({@code date}) are ISO-8601 days such as {@code "2026-06-01"}; absent optional values are {@code null}.
 *
 * <p>A tombstone (the event was deleted or merged into another one) is written as
 * {@code {"eventId":"...","tombstone":true}}; the survivor's snapshot lists the id in {@code absorbedEventIds}.
 */
public final class SnapshotJson {

    private static final JsonFactory JSON = new JsonFactory();

    private SnapshotJson() {
    }

    public static String of(NewsEvent snapshot) {
        return json(snapshot, "event " + snapshot.getEventId());
    }

    /** An event-articles record, with EventMember's Avro field names. */
    public static String of(EventMember member) {
        return json(member, "article " + member.getArticleId());
    }

    private static String json(IndexedRecord record, String what) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writeRecord(json, record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON of " + what, e);
        }
        return out.toString();
    }

    /** The tombstone of an article's membership: {@code {"articleId":"...","tombstone":true}}. */
    public static String memberTombstone(String articleId) {
        return tombstone("articleId", articleId);
    }

    public static String tombstone(String eventId) {
        return tombstone("eventId", eventId);
    }

    private static String tombstone(String keyField, String key) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField(keyField, key);
            json.writeBooleanField("tombstone", true);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON of tombstone " + key, e);
        }
        return out.toString();
    }

    private static void writeRecord(JsonGenerator json, IndexedRecord record) throws IOException {
        json.writeStartObject();
        for (Schema.Field field : record.getSchema().getFields()) {
            json.writeFieldName(field.name());
            writeValue(json, record.get(field.pos()));
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof IndexedRecord record) {
            writeRecord(json, record);
        } else if (value instanceof CharSequence text) {
            json.writeString(text.toString());
        } else if (value instanceof Instant instant) {
            json.writeString(instant.toString());
        } else if (value instanceof LocalDate date) {
            json.writeString(date.toString());
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            writeDouble(json, number);
        } else if (value instanceof Float number) {
            writeDouble(json, number.doubleValue());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(entry.getKey().toString());
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof ByteBuffer bytes) {
            json.writeString(Base64.getEncoder().encodeToString(toArray(bytes)));
        } else if (value instanceof Enum<?> symbol) {
            json.writeString(symbol.name());
        } else {
            json.writeString(value.toString());
        }
    }

    /** JSON has no NaN or infinity: those become null rather than an unparseable line. */
    private static void writeDouble(JsonGenerator json, double number) throws IOException {
        if (Double.isFinite(number)) {
            json.writeNumber(number);
        } else {
            json.writeNull();
        }
    }

    private static byte[] toArray(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
