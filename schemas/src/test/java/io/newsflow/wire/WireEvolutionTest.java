package io.newsflow.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.SeenItem;
import io.newsflow.topics.Topic;
import io.newsflow.topics.Topics;
import io.newsflow.topics.Topics.Framing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This build (version N of the schemas) reads records written with an older version (N−1) and with a newer,
 * compatible one (N+1: a new defaulted field), in both framings: what a rolling upgrade needs, where old and new
 * stages share topics for a while. The newer and older writers are played by plain Avro with those schemas, as
 * another Newsflow build would write.
 */
class WireEvolutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RegistryStandIn registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void startRegistry() throws IOException {
        registry = new RegistryStandIn();
        client = new SchemaRegistryClient(registry.url());
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    // --- N−1: a released version this build bundles (SeenItem v1 had no writtenAt)

    @Test
    void singleObjectReadsTheReleasedVersionWithoutAnyRegistry() throws IOException {
        Schema v1 = ReleasedSchemas.of("SeenItem").get(0);
        assertThat(v1.getField("writtenAt")).as("v1 predates writtenAt").isNull();
        Topic<String, SeenItem> seenItems = Topics.embedded().seenItems();

        SeenItem read = seenItems.valueSerde().deserializer().deserialize(seenItems.name(), singleObject(v1, seenItem(), SeenItem.getClassSchema()));

        assertThat(read).isEqualTo(SeenItem.newBuilder(seenItem()).setWrittenAt(Instant.EPOCH).build());
    }

    @Test
    void confluentFramingReadsTheReleasedVersion() throws IOException {
        Schema v1 = ReleasedSchemas.of("SeenItem").get(0);
        Topic<String, SeenItem> seenItems = new Topics("old.", registry.url()).seenItems();
        int id = client.register(seenItems.name() + "-value", v1);

        SeenItem read = seenItems.valueSerde().deserializer().deserialize(seenItems.name(), confluent(id, v1, seenItem(), SeenItem.getClassSchema()));

        assertThat(read.getWrittenAt()).isEqualTo(Instant.EPOCH);
        assertThat(read.getFirstSeenAt()).isEqualTo(seenItem().getFirstSeenAt());
    }

    @Test
    void singleObjectReadsAnOlderVersionThatOnlyTheRegistryHolds() throws IOException {
        Schema older = without(NewsEvent.getClassSchema(), "eventDate");
        Topic<String, NewsEvent> events = Topics.of("older.", client, Framing.SINGLE_OBJECT).events();
        client.register(events.name() + "-value", older); // what the older build's writer did on its first record

        NewsEvent read = events.valueSerde().deserializer().deserialize(events.name(), singleObject(older, event(), NewsEvent.getClassSchema()));

        assertThat(read.toString()).isEqualTo(event().toString()); // NewsEvent.equals fails on Avro arrays of records with a nullable timestamp
    }

    // --- N+1: a newer build added a defaulted field

    @Test
    void singleObjectReadsANewerVersionFoundInTheRegistry() throws IOException {
        Schema newer = withNewField(NewsEvent.getClassSchema());
        Topic<String, NewsEvent> events = Topics.of("newer.", client, Framing.SINGLE_OBJECT).events();
        client.register(events.name() + "-value", newer);

        NewsEvent read = events.valueSerde().deserializer().deserialize(events.name(), singleObject(newer, event(), NewsEvent.getClassSchema()));

        assertThat(read.toString()).isEqualTo(event().toString()); // NewsEvent.equals fails on Avro arrays of records with a nullable timestamp
    }

    @Test
    void singleObjectWithoutRegistryReportsANewerVersionAsUnknownNotAsGarbage() throws IOException {
        Schema newer = withNewField(NewsEvent.getClassSchema());
        Topic<String, NewsEvent> events = Topics.embedded().events();
        byte[] bytes = singleObject(newer, event(), NewsEvent.getClassSchema());

        assertThatThrownBy(() -> events.valueSerde().deserializer().deserialize(events.name(), bytes))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("written with a schema this reader does not know");
    }

    @Test
    void confluentFramingReadsANewerVersion() throws IOException {
        Schema newer = withNewField(NewsEvent.getClassSchema());
        Topic<String, NewsEvent> events = new Topics("newer-c.", registry.url()).events();
        int id = client.register(events.name() + "-value", newer);

        NewsEvent read = events.valueSerde().deserializer().deserialize(events.name(), confluent(id, newer, event(), NewsEvent.getClassSchema()));

        assertThat(read.toString()).isEqualTo(event().toString()); // NewsEvent.equals fails on Avro arrays of records with a nullable timestamp
    }

    @Test
    void aSingleObjectWriterPublishesItsSchemaForReadersOfOtherVersions() {
        Topic<String, NewsEvent> events = Topics.of("publish.", client, Framing.SINGLE_OBJECT).events();

        events.valueSerde().serializer().serialize(events.name(), event());

        assertThat(client.schemasOfSubject(events.name() + "-value")).containsExactly(NewsEvent.getClassSchema());
    }

    @Test
    void theConfluentFramingNeedsARegistry() {
        assertThatThrownBy(() -> Topics.of("", null, Framing.CONFLUENT)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- writers of other versions: the record converted to that schema, then framed

    /** Single-object bytes of {@code record} written with {@code writer}, as a build holding that schema writes them. */
    private static byte[] singleObject(Schema writer, Object record, Schema recordSchema) throws IOException {
        return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(as(writer, record, recordSchema)).array();
    }

    private static byte[] confluent(int id, Schema writer, Object record, Schema recordSchema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer).write(as(writer, record, recordSchema), encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** The record as a generic record of {@code writer}: Avro schema resolution fills new fields with their defaults. */
    private static GenericRecord as(Schema writer, Object record, Schema recordSchema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<>(recordSchema, SpecificData.getForSchema(recordSchema)).write(record, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(recordSchema, writer)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    /** This build's schema plus a defaulted field: the kind of change README allows. */
    private static Schema withNewField(Schema current) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(current.toString());
        ((ArrayNode) json.get("fields")).addObject().put("name", "sentiment").put("type", "string").put("default", "")
                .put("doc", "A field a later version added.");
        return new Schema.Parser().parse(json.toString());
    }

    /** This build's schema without one of its defaulted fields: what the version before it may have been. */
    private static Schema without(Schema current, String field) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(current.toString());
        ArrayNode fields = (ArrayNode) json.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).path("name").asText().equals(field)) {
                fields.remove(i);
                break;
            }
        }
        return new Schema.Parser().parse(json.toString());
    }

    private static SeenItem seenItem() {
        return SeenItem.newBuilder().setArticleId("a-1").setContentHash("abc").setVersion(2)
                .setFirstSeenAt(Instant.parse("2024-06-20T08:00:00Z")).setWrittenAt(Instant.EPOCH).build();
    }

    private static NewsEvent event() {
        EventArticle member = EventArticle.newBuilder().setArticleId("a-1").setSource("ECNS").setUrl("https://example.org/a")
                .setTitle("Officials meet").setPublishedAt(Instant.parse("2024-06-20T00:00:00Z")).setScore(1.0)
                .setSharedOfficials(List.of()).setSharedCountries(List.of()).setTimeGapHours(null).setCopyOf(null).build();
        return NewsEvent.newBuilder()
                .setEventId("e-1").setVersion(1).setFirstSeenAt(Instant.EPOCH).setLastUpdatedAt(Instant.parse("2024-06-20T08:00:00Z"))
                .setEventDate(null).setTitle("Officials meet").setSummary("")
                .setArticles(List.of(member)).setIndependentSources(1)
                .setCountries(List.of()).setOfficials(List.of()).setAbsorbedEventIds(List.of())
                .build();
    }
}
