package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.text.ArticleProfile;
import io.newsflow.enrich.grouping.text.ArticleReading;
import io.newsflow.enrich.grouping.text.DateMentions;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.CountryMention;
import io.newsflow.enrich.tagging.OfficialMention;
import io.newsflow.schemas.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An article with its tags and its reading: what the tagging step hands to grouping through the
 * internal grouping topic. Its serde frames the article in Avro single-object encoding, then the
 * tags, then the reading (a flag, and the reading when there is one); it never leaves this application, so it
 * needs no registry.
 *
 * @param reading the article's profile and lead, or null when grouping is to read the article itself
 */
public record TaggedArticle(RawArticle article, ArticleTags tags, ArticleReading reading) {

    /**
     * A larger reading (an article of hundreds of thousands of distinct words) is left to grouping,
     * so that a record on the grouping topic stays well inside what its producer may send.
     */
    static final int MAX_READING_BYTES = 2 * 1024 * 1024;

    public TaggedArticle(RawArticle article, ArticleTags tags) {
        this(article, tags, null);
    }

    public static Serde<TaggedArticle> serde() {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : encode(value),
                (topic, bytes) -> bytes == null ? null : decode(bytes));
    }

    static byte[] encode(TaggedArticle value) {
        try {
            ByteBuffer article = RawArticle.getEncoder().encode(value.article());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(article.remaining() + 256);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(article.remaining());
                out.write(article.array(), article.arrayOffset() + article.position(), article.remaining());
                out.writeInt(value.tags().countries().size());
                for (CountryMention c : value.tags().countries()) {
                    out.writeUTF(c.code());
                    out.writeUTF(c.name());
                    out.writeInt(c.mentions());
                    out.writeBoolean(c.inTitleOrLead());
                }
                out.writeInt(value.tags().officials().size());
                for (OfficialMention o : value.tags().officials()) {
                    out.writeUTF(o.name());
                    out.writeUTF(o.key());
                    writeNullable(out, o.role());
                    writeNullable(out, o.roleAsWritten());
                    writeNullable(out, o.country());
                    out.writeInt(o.mentions());
                }
                byte[] reading = encodeReading(value.reading());
                if (reading != null && reading.length > MAX_READING_BYTES) {
                    reading = null;
                }
                out.writeBoolean(reading != null);
                if (reading != null) {
                    out.write(reading);
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TaggedArticle decode(byte[] bytes) {
        try {
            ByteReader in = new ByteReader(bytes);
            RawArticle raw = RawArticle.getDecoder().decode(in.readBytes(in.readInt()));
            int n = in.readInt();
            List<CountryMention> countries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                countries.add(new CountryMention(in.readUTF(), in.readUTF(), in.readInt(), in.readBoolean()));
            }
            n = in.readInt();
            List<OfficialMention> officials = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                officials.add(new OfficialMention(in.readUTF(), in.readUTF(), readNullable(in), readNullable(in),
                        readNullable(in), in.readInt()));
            }
            ArticleTags tags = new ArticleTags(countries, officials);
            ArticleReading reading = in.readBoolean() ? decodeReading(in) : null;
            return new TaggedArticle(raw, tags, reading);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reading in the order grouping iterates it (terms, names and tag sets in their order), so
     * that grouping decides alike on a reading it receives and on one it makes; null when there is
     * none, or when a string in it is too long for the framing (grouping then reads the article).
     */
    private static byte[] encodeReading(ArticleReading reading) {
        if (reading == null) {
            return null;
        }
        ArticleProfile p = reading.profile();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * p.termWeights().size() + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(p.termWeights().size());
            for (Map.Entry<String, Double> e : p.termWeights().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
            writeStrings(out, p.names());
            writeStrings(out, p.countries());
            writeStrings(out, p.officials());
            writeDay(out, p.dates().writtenOn());
            writeDay(out, p.dates().reportedOn());
            out.writeInt(p.shingleHash().length);
            for (int v : p.shingleHash()) {
                out.writeInt(v);
            }
            out.writeUTF(reading.lead());
        } catch (UTFDataFormatException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ArticleReading decodeReading(ByteReader in) throws IOException {
        int n = in.readInt();
        Map<String, Double> weights = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            weights.put(in.readUTF(), in.readDouble());
        }
        Set<String> names = readStrings(in);
        Set<String> countries = readStrings(in);
        Set<String> officials = readStrings(in);
        DateMentions.Reading dates = new DateMentions.Reading(readDay(in), readDay(in));
        int[] signature = new int[in.readInt()];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = in.readInt();
        }
        ArticleProfile profile = new ArticleProfile(weights, names, countries, officials, dates, signature);
        return new ArticleReading(profile, in.readUTF());
    }

    private static void writeStrings(DataOutputStream out, Set<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static Set<String> readStrings(ByteReader in) throws IOException {
        int n = in.readInt();
        Set<String> strings = new LinkedHashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }

    private static void writeDay(DataOutputStream out, LocalDate day) throws IOException {
        out.writeBoolean(day != null);
        if (day != null) {
            out.writeLong(day.toEpochDay());
        }
    }

    private static LocalDate readDay(ByteReader in) throws IOException {
        return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(ByteReader in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
