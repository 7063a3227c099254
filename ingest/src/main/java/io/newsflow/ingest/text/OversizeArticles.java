package io.newsflow.ingest.text;

import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Makes an article fit in one Kafka record. The producer refuses a record larger than its
 * {@code max.request.size} (1 MiB by default) while a dropped file may be 10 MiB and a page's HTML
 * is kept in the record: an article over the limit keeps its text and loses what does not fit,
 * first the raw HTML, then the end of the body (cut at a paragraph end where one is near). What was
 * dropped is said in the metadata key {@value #TRUNCATED}, so consumers can tell a cut article.
 */
public final class OversizeArticles {

    /** Metadata key set on an article that was cut to fit, saying what was cut. */
    public static final String TRUNCATED = "truncated";

    /** Room left in a request for the key, headers and record and batch framing around the value. */
    static final int FRAMING_MARGIN = 16 * 1024;
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    private final Topic<String, RawArticle> topic;
    private final int maxValueBytes;

    public OversizeArticles(Topic<String, RawArticle> topic, int maxValueBytes) {
        this.topic = topic;
        this.maxValueBytes = maxValueBytes;
    }

    /** Fits articles under the {@code max.request.size} of a producer with these properties, less a margin. */
    public static OversizeArticles forProducer(Map<String, Object> producerProperties, Topic<String, RawArticle> topic) {
        Object configured = producerProperties.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int maxRequest = configured == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(configured.toString().trim());
        return new OversizeArticles(topic, Math.max(maxRequest - FRAMING_MARGIN, 1024));
    }

    /**
     * The article as it will be sent, serialized; {@link Fitted#article()} is null when even without
     * HTML and body it does not fit (a title or metadata of megabytes), and {@link Fitted#change()}
     * then says why.
     */
    public Fitted fit(RawArticle article) {
        byte[] value = serialize(article);
        if (value.length <= maxValueBytes) {
            return new Fitted(article, value, null);
        }
        int originalBytes = value.length;
        Map<String, String> metadata = new HashMap<>(article.getMetadata());
        RawArticle withoutHtml = RawArticle.newBuilder(article).setRawHtml(null).build();
        value = serialize(withoutHtml);
        String html = article.getRawHtml() == null ? "" : "raw HTML dropped";
        if (value.length <= maxValueBytes) {
            metadata.put(TRUNCATED, html);
            RawArticle fitted = RawArticle.newBuilder(withoutHtml).setMetadata(metadata).build();
            return new Fitted(fitted, serialize(fitted), describe(originalBytes, html));
        }
        String body = article.getBody();
        metadata.put(TRUNCATED, (html.isEmpty() ? "" : html + "; ") + "body cut from " + body.length() + " characters");
        RawArticle empty = RawArticle.newBuilder(withoutHtml).setBody("").setMetadata(metadata).build();
        // The body's length prefix grows by up to 5 bytes (Avro varint); the metadata note by a few digits.
        int room = maxValueBytes - serialize(empty).length - 32;
        if (room <= 0) {
            return new Fitted(null, null, "the article is " + originalBytes + " bytes, and still more than the "
                    + maxValueBytes + " bytes a record may hold without its HTML and body");
        }
        String cut = cut(body, room);
        metadata.put(TRUNCATED, metadata.get(TRUNCATED) + " to " + cut.length());
        RawArticle fitted = RawArticle.newBuilder(withoutHtml).setBody(cut).setMetadata(metadata).build();
        return new Fitted(fitted, serialize(fitted), describe(originalBytes, metadata.get(TRUNCATED)));
    }

    private String describe(int originalBytes, String what) {
        return "the article is " + originalBytes + " bytes, more than the " + maxValueBytes
                + " bytes a record may hold: " + what;
    }

    private byte[] serialize(RawArticle article) {
        return topic.valueSerde().serializer().serialize(topic.name(), article);
    }

    /** The longest start of the text within maxBytes of UTF-8, ending at a paragraph, line or word end when one is near. */
    static String cut(String text, int maxBytes) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= maxBytes) {
            return text;
        }
        int end = maxBytes;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // never split a character
        }
        String prefix = new String(utf8, 0, end, StandardCharsets.UTF_8);
        // A bound in the last tenth of the room costs little text and keeps whole paragraphs or words.
        int near = prefix.length() - prefix.length() / 10;
        for (String bound : new String[] {"\n\n", "\n", " "}) {
            int at = prefix.lastIndexOf(bound);
            if (at >= near) {
                return prefix.substring(0, at).stripTrailing();
            }
        }
        return prefix;
    }

    /**
     * @param article the article to send, null when it cannot fit
     * @param value   its serialized value, null when it cannot fit
     * @param change  what was cut, or why it cannot fit; null when the article was sent whole
     */
    public record Fitted(RawArticle article, byte[] value, String change) {
    }
}
