package io.newsflow.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceKind;
import io.newsflow.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    private static RawArticle article() {
        return RawArticle.newBuilder()
                .setArticleId("a-1").setSourceKind(SourceKind.FILE).setSourceId("000.txt")
                .setTitle("China and ROK officials exchange views").setBody("On Tuesday, in Seoul, ...")
                .setFetchedAt(Instant.parse("2024-06-20T08:00:00Z")).setContentHash("abc")
                .setPublishedAt(Instant.parse("2024-06-20T00:00:00Z"))
                .setMetadata(Map.of("source", "ECNS"))
                .build();
    }

    @Test
    void singleObjectEncodingCarriesTheSchemaFingerprintAndRoundTrips() {
        var topic = Topics.embedded().rawArticles();
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), article());

        // Avro single-object encoding: C3 01, then the little-endian CRC-64-AVRO fingerprint.
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(RawArticle.getClassSchema()));
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(article());
    }

    @Test
    void singleObjectDecoderRejectsForeignBytesWithATypedError() {
        var topic = Topics.embedded().rawArticles();
        assertThatThrownBy(() -> topic.valueSerde().deserializer().deserialize(topic.name(), new byte[] {1, 2, 3}))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void singleObjectDecoderRejectsAnEnumIndexOutOfRangeWithATypedError() {
        var topic = Topics.embedded().rawArticles();
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), article());
        // 10 header bytes, then articleId "a-1" (length varint + 3 bytes), then sourceKind's index:
        // 0x7E is zig-zag 63, far past the enum's symbols (Avro throws ArrayIndexOutOfBounds).
        int sourceKindIndex = 10 + 1 + 3;
        assertThat(bytes[sourceKindIndex]).isEqualTo((byte) (2 * SourceKind.FILE.ordinal()));
        bytes[sourceKindIndex] = 0x7E;
        assertThatThrownBy(() -> topic.valueSerde().deserializer().deserialize(topic.name(), bytes))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void registryFramingRegistersUnderTopicValueSubjectAndIsReadableWithPlainAvro() throws Exception {
        try (RegistryStandIn registry = new RegistryStandIn()) {
            Topics topics = new Topics("nf.", registry.url());
            var topic = topics.rawArticles();
            byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), article());

            assertThat(registry.subjects).containsExactly("nf.raw-articles-value");
            assertThat(bytes[0]).isEqualTo((byte) 0);
            int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
            assertThat(id).isEqualTo(1);

            // What a consumer in another language does: fetch the schema by id, decode the rest as Avro binary.
            var writerSchema = new SchemaRegistryClient(registry.url()).schemaById(id);
            GenericRecord generic = new GenericDatumReader<GenericRecord>(writerSchema)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            assertThat(generic.get("title").toString()).isEqualTo("China and ROK officials exchange views");

            assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(article());
        }
    }

    @Test
    void tombstonesStayNull() {
        var topic = Topics.embedded().events();
        assertThat(topic.valueSerde().serializer().serialize(topic.name(), null)).isNull();
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), null)).isNull();
    }

    @Test
    void registryFramedEventRoundTrips() throws Exception {
        try (RegistryStandIn registry = new RegistryStandIn()) {
            var topic = new Topics("", registry.url()).events();
            NewsEvent event = NewsEvent.newBuilder()
                    .setEventId("e-1").setVersion(3).setFirstSeenAt(Instant.EPOCH).setLastUpdatedAt(Instant.EPOCH)
                    .setTitle("t").setSummary("s").setArticles(List.of()).setCountries(List.of()).setOfficials(List.of())
                    .build();
            byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), event);
            assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(event);
        }
    }
}
