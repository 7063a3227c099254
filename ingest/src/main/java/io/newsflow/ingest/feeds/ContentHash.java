package io.newsflow.ingest.feeds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/** SHA-256 helpers: the content hash of an article and stable ids derived from keys. */
public final class ContentHash {

    private ContentHash() {
    }

    /** SHA-256 (hex) of the title and body after Unicode NFKC and whitespace normalisation. */
    public static String of(String title, String body) {
        return sha256Hex(normalise(title) + "\n" + normalise(body));
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").trim();
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
