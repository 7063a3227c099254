package io.newsflow.ingest.text;

import io.newsflow.text.RegexWhitespace;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * How Newsflow names an article, so that the same article read twice (a retry after a crash, the
 * same file dropped again, the same page in a feed and a drop) gets the same key. The drop folder
 * and the feed reader both use these rules.
 *
 * <ul>
 *   <li>Content hash: SHA-256 (hex) of the normalised title and body (Unicode NFKC, lower case,
 *       runs of white space collapsed to one space, trimmed; title and body joined by a newline).
 *       Equal hashes mean the same content whatever the file's line endings or spacing.</li>
 *   <li>Canonical URL: lower-case scheme and host, default port, fragment and tracking parameters
 *       ({@code utm_*}, {@code fbclid}, {@code gclid}, ...) removed.</li>
 *   <li>Article id: {@code url-} + the first 32 hex digits of SHA-256 of the canonical URL when the
 *       article has a URL (an edited article keeps its id and becomes an update); otherwise
 *       {@code txt-} + the first 32 hex digits of the content hash. Both are pure functions of the
 *       input, hence stable across retries and restarts. A feed item whose link is not its own
 *       (shared by several items) gets {@code item-} + 32 hex digits of its guid or fingerprint key.</li>
 * </ul>
 */
public final class ArticleIdentity {

    /** Tracking parameters: names, and name prefixes such as utm_ and ns_ (campaign tags). */
    private static final Pattern TRACKING_PARAMETER = Pattern.compile(
            "(?i)^(fbclid|gclid|dclid|gclsrc|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|ref_src|cmpid|ocid"
                    + "|at_medium|at_campaign|ito|smid|spm|(utm_|ns_|__hs|hsa_|pk_|mtm_).*)$");

    private ArticleIdentity() {
    }

    /** SHA-256 (hex) of the normalised title and body. */
    public static String contentHash(String title, String body) {
        return sha256Hex(normalise(title) + "\n" + normalise(body));
    }

    /** The id of a feed item without a distinctive link: from its identity key (guid or fingerprint). */
    public static String itemId(String identityKey) {
        return "item-" + sha256Hex(identityKey).substring(0, 32);
    }

    /** The id for an article: from the canonical URL when there is one, else from the content hash. */
    public static String articleId(String canonicalUrl, String contentHash) {
        if (canonicalUrl != null && !canonicalUrl.isBlank()) {
            return "url-" + sha256Hex(canonicalUrl).substring(0, 32);
        }
        return "txt-" + contentHash.substring(0, 32);
    }

    /** The URL normalised for identity, or null when it is not an absolute http(s) URL. */
    public static String canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip().replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            StringBuilder canonical = new StringBuilder(scheme).append("://").append(host);
            if (!defaultPort) {
                canonical.append(':').append(port);
            }
            canonical.append(path);
            String query = keptQuery(uri.getRawQuery());
            if (!query.isEmpty()) {
                canonical.append('?').append(query);
            }
            return canonical.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Text normalised for comparison: NFKC, lower case, white space collapsed. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return collapseWhiteSpace(folded).strip();
    }

    /**
     * Each run of white space (regex {@code \s}, no-break and zero-width spaces) as one space. A scan, not
     * {@code replaceAll}: that rewrote every single space of every paragraph, a sixth of ingest's CPU.
     */
    private static String collapseWhiteSpace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = RegexWhitespace.is(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B';
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString();
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : rawQuery.split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            if (!parameter.isEmpty() && !TRACKING_PARAMETER.matcher(name).matches()) {
                kept.add(parameter);
            }
        }
        return kept.toString();
    }
}
