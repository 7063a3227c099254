package io.newsflow.wire;

import io.newsflow.fuzz.FuzzInput;
import io.newsflow.fuzz.FuzzInputs;
import io.newsflow.fuzz.Outcomes;
import io.newsflow.fuzz.Seed;
import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.OfficialTag;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SeenItem;
import io.newsflow.schemas.SourceHealth;
import io.newsflow.schemas.SourceKind;
import io.newsflow.topics.Topic;
import io.newsflow.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the Avro decoders behind every topic's serde ({@link AvroSerde} over
 * {@link SingleObjectFormat} and {@link RegistryFormat}) with records the serdes wrote, then edited:
 * bit flips, cuts, huge and negative varints (lengths, counts, union branches), other schema ids and
 * fingerprints. Each must decode or throw {@link MalformedRecordException}; the registry framing may
 * also meet an id its registry does not hold ({@link SchemaRegistryClient.SchemaRegistryException}).
 */
class WireFormatFuzzTest {

    private static final HexFormat HEX = HexFormat.of();
    /** Avro's zig-zag varints at the edges, overlong ones, small negatives (lengths below zero), union branches. */
    private static final List<byte[]> FRAGMENTS = List.of(
            HEX.parseHex("feffffff0f"), HEX.parseHex("ffffffff0f"), HEX.parseHex("feffffffffffffffff01"),
            HEX.parseHex("ffffffffffffffffff01"), HEX.parseHex("ffffffffffffffffffffff"), HEX.parseHex("80808080808080808080"),
            HEX.parseHex("01"), HEX.parseHex("03"), HEX.parseHex("7f"), HEX.parseHex("02"), HEX.parseHex("04"),
            HEX.parseHex("0a"), HEX.parseHex("c0843d"), HEX.parseHex("808080807f"),
            HEX.parseHex("00000001"), HEX.parseHex("00000006"), HEX.parseHex("7fffffff"), HEX.parseHex("80000000"),
            HEX.parseHex("c301"), HEX.parseHex("ffffffffffffffff"), HEX.parseHex("7ff8000000000000"));

    private static RegistryStandIn registry;
    private static Topics embedded;
    private static Topics registered;
    private static List<Seed> singleObjectSeeds;
    private static List<Seed> registrySeeds;

    @BeforeContainer
    static void writeSeeds() throws IOException {
        registry = new RegistryStandIn();
        embedded = Topics.embedded();
        registered = new Topics("", registry.url());
        singleObjectSeeds = seeds(embedded);
        registrySeeds = seeds(registered);
        // The released schemas get ids too, so an edited id makes the reader resolve an older writer schema.
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
        for (String name : List.of("RawArticle", "NewsEvent", "DeadLetter", "SourceHealth", "SeenItem")) {
            ReleasedSchemas.of(name).forEach(schema -> client.register("released", schema));
        }
    }

    @AfterContainer
    static void stopRegistry() {
        registry.close();
    }

    @Property
    void singleObjectRecordsDecodeOrAreMalformed(@ForAll("singleObject") FuzzInput input) {
        Deserializer<?> deserializer = deserializer(embedded, input);
        Statistics.label("single-object").collect(Outcomes.expect(input,
                () -> deserializer.deserialize("fuzz", input.bytes()), MalformedRecordException.class));
    }

    @Property
    void registryFramedRecordsDecodeOrAreMalformed(@ForAll("registryFramed") FuzzInput input) {
        Deserializer<?> deserializer = deserializer(registered, input);
        Statistics.label("registry").collect(Outcomes.expect(input, () -> deserializer.deserialize("fuzz", input.bytes()),
                MalformedRecordException.class, SchemaRegistryClient.SchemaRegistryException.class));
    }

    /** Found by the property above (fixed): a RawArticle with an empty id and enum index -25 (zig-zag 0x31). */
    @Test
    void singleObjectDecoderTypesAnEnumIndexOutOfRange() {
        Topics embedded = Topics.embedded();
        byte[] header = embedded.rawArticles().valueSerde().serializer().serialize("fuzz", article(false));
        byte[] bytes = java.util.Arrays.copyOf(header, 12);
        bytes[10] = 0x00;
        bytes[11] = 0x31;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> embedded.rawArticles().valueSerde().deserializer().deserialize("fuzz", bytes))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Provide
    Arbitrary<FuzzInput> singleObject() {
        return FuzzInputs.mutated(singleObjectSeeds, FRAGMENTS);
    }

    @Provide
    Arbitrary<FuzzInput> registryFramed() {
        return FuzzInputs.mutated(registrySeeds, FRAGMENTS);
    }

    /** The deserializer of the topic whose record the seed is: the deep path, past the fingerprint check. */
    private static Deserializer<?> deserializer(Topics topics, FuzzInput input) {
        String topic = input.seed().name().substring(0, input.seed().name().indexOf('/'));
        return topics.all().stream().filter(t -> t.name().equals(topic)).findFirst().orElseThrow()
                .valueSerde().deserializer();
    }

    private static List<Seed> seeds(Topics topics) {
        List<Seed> seeds = new ArrayList<>();
        add(seeds, topics.rawArticles(), "full", article(true));
        add(seeds, topics.rawArticles(), "minimal", article(false));
        add(seeds, topics.events(), "full", event(true));
        add(seeds, topics.events(), "empty", event(false));
        add(seeds, topics.deadLetters(), "with-bytes", DeadLetter.newBuilder().setStage("ingest").setErrorClass("not-xml")
                .setMessage("not well-formed XML").setOriginalBytes(ByteBuffer.wrap(new byte[] {'<', 'r', 's', 's', 0, -1}))
                .setOrigin("https://example.org/rss").setOccurredAt(Instant.parse("2024-06-20T08:00:00Z")).build());
        add(seeds, topics.sourceHealth(), "failing", SourceHealth.newBuilder().setSourceId("https://example.org/rss")
                .setCurrentUrl("https://example.org/feed").setLastAttemptAt(Instant.parse("2024-06-20T08:00:00Z"))
                .setLastSuccessAt(Instant.parse("2024-06-19T08:00:00Z")).setHttpStatus(503).setEtag("\"abc\"")
                .setLastModified("Wed, 19 Jun 2024 08:00:00 GMT").setLastUnconditionalAt(Instant.EPOCH)
                .setConsecutiveFailures(3).setNextPollAt(Instant.parse("2024-06-20T09:00:00Z")).setItemsSeen(42)
                .setErrorClass("http-503").setErrorMessage("Service Unavailable").setDead(false).build());
        add(seeds, topics.seenItems(), "seen", SeenItem.newBuilder().setArticleId("a-1").setContentHash("abc")
                .setVersion(2).setFirstSeenAt(Instant.EPOCH).setWrittenAt(Instant.parse("2024-06-20T08:00:00Z")).build());
        return List.copyOf(seeds);
    }

    private static <V> void add(List<Seed> seeds, Topic<String, V> topic, String name, V record) {
        seeds.add(new Seed(topic.name() + "/" + name, topic.valueSerde().serializer().serialize(topic.name(), record)));
    }

    private static RawArticle article(boolean full) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (full) {
            metadata.put("source", "ECNS");
            metadata.put("byline", "Staff reporter");
        }
        return RawArticle.newBuilder()
                .setArticleId("a-1").setSourceKind(full ? SourceKind.FEED : SourceKind.FILE).setSourceId("000.txt")
                .setUrl(full ? "https://example.org/a" : null).setCanonicalUrl(full ? "https://example.org/a" : null)
                .setTitle("China and ROK officials exchange views").setBody(full ? "On Tuesday, in Seoul, ... ".repeat(20) : "")
                .setRawHtml(full ? "<p>On Tuesday</p>" : null).setLanguage(full ? "en" : null)
                .setPublishedAt(full ? Instant.parse("2024-06-20T00:00:00Z") : null)
                .setFetchedAt(Instant.parse("2024-06-20T08:00:00Z")).setContentHash("abc").setMetadata(metadata)
                .build();
    }

    private static NewsEvent event(boolean full) {
        EventArticle member = EventArticle.newBuilder().setArticleId("a-1").setSource("ECNS").setUrl("https://example.org/a")
                .setTitle("Officials meet").setPublishedAt(Instant.parse("2024-06-20T00:00:00Z")).setScore(0.75)
                .setSharedOfficials(List.of("wang-yi", "cho-tae-yul")).setSharedCountries(List.of("CN", "KR"))
                .setTimeGapHours(3.5).setCopyOf(null).build();
        EventArticle copy = EventArticle.newBuilder(member).setArticleId("a-2").setUrl(null).setPublishedAt(null)
                .setTimeGapHours(null).setCopyOf("a-1").setSharedOfficials(List.of()).build();
        return NewsEvent.newBuilder()
                .setEventId("e-1").setVersion(3).setFirstSeenAt(Instant.EPOCH).setLastUpdatedAt(Instant.parse("2024-06-20T08:00:00Z"))
                .setEventDate(full ? LocalDate.of(2024, 6, 20) : null)
                .setTitle("Officials meet").setSummary(full ? "China and ROK officials exchange views in Seoul." : "")
                .setArticles(full ? List.of(member, copy) : List.of()).setIndependentSources(full ? 1 : 0)
                .setCountries(full ? List.of(CountryTag.newBuilder().setCode("CN").setName("China").setMentions(2)
                        .setInTitleOrLead(true).build()) : List.of())
                .setOfficials(full ? List.of(OfficialTag.newBuilder().setName("Wang Yi").setKey("wang-yi")
                        .setRole("foreign minister").setRoleAsWritten("Foreign Minister").setCountry("CN").setMentions(2).build())
                        : List.of())
                .setAbsorbedEventIds(full ? List.of("e-0") : List.of())
                .build();
    }
}
