package io.newsflow.enrich.grouping;

import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.CountryMention;
import io.newsflow.enrich.tagging.OfficialMention;
import io.newsflow.schemas.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An article with its tags: what the tagging step hands to grouping through the internal
 * grouping topic. Its serde frames the article in Avro single-object encoding and the tags after it;
 * it never leaves this application, so it needs no registry.
 */
public record TaggedArticle(RawArticle article, ArticleTags tags) {

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
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TaggedArticle decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] article = new byte[in.readInt()];
            in.readFully(article);
            RawArticle raw = RawArticle.getDecoder().decode(article);
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
            return new TaggedArticle(raw, new ArticleTags(countries, officials));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
