package io.newsflow.ingest.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a dropped file into text without mojibake. In order: a byte-order mark
 * (UTF-8, UTF-16 LE/BE); for HTML and XML the charset the document declares; UTF-8 when the
 * bytes are valid UTF-8; otherwise windows-1252, the superset of ISO-8859-1 that legacy
 * Western files are almost always written in (the HTML standard decodes ISO-8859-1 labels the same way).
 */
public final class TextDecoder {

    /** The decoded text and the charset that was used. */
    public record DecodedText(String text, Charset charset) {
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int DECLARATION_WINDOW = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.\\-]+)");
    private static final Pattern XML_ENCODING = Pattern.compile(
            "(?i)^\\s*<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-z0-9_:.\\-]+)[\"']");

    private TextDecoder() {
    }

    /** Decodes, honouring a declared charset when {@code markup} is true (HTML, XML). */
    public static DecodedText decode(byte[] bytes, boolean markup) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new DecodedText(lenient(bytes, 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new DecodedText(lenient(bytes, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new DecodedText(lenient(bytes, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        if (markup) {
            Optional<Charset> declared = declaredCharset(bytes);
            if (declared.isPresent()) {
                Charset charset = declared.get();
                if (!charset.equals(StandardCharsets.UTF_8)) {
                    return new DecodedText(lenient(bytes, 0, charset), charset);
                }
            }
        }
        Optional<String> utf8 = strictUtf8(bytes);
        if (utf8.isPresent()) {
            return new DecodedText(utf8.get(), StandardCharsets.UTF_8);
        }
        return new DecodedText(lenient(bytes, 0, WINDOWS_1252), WINDOWS_1252);
    }

    /** The charset an HTML meta tag or XML prolog declares in the first bytes, when known to the JVM. */
    static Optional<Charset> declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head);
        Matcher meta = META_CHARSET.matcher(head);
        String label = xml.find() ? xml.group(1) : meta.find() ? meta.group(1) : null;
        if (label == null) {
            return Optional.empty();
        }
        String normalised = label.toLowerCase(Locale.ROOT);
        if (normalised.equals("iso-8859-1") || normalised.equals("latin1") || normalised.equals("us-ascii")
                || normalised.equals("ascii")) {
            return Optional.of(WINDOWS_1252);
        }
        if (normalised.startsWith("utf-16")) {
            // A file that really were UTF-16 would have had a BOM or could not be read as ASCII here.
            return Optional.of(StandardCharsets.UTF_8);
        }
        try {
            return Optional.of(Charset.forName(label));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String lenient(byte[] bytes, int offset, Charset charset) {
        return new String(bytes, offset, bytes.length - offset, charset);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
