package io.newsflow.ingest.feeds.parsing;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Turns the bytes of a real-world feed into text an XML parser accepts, fixing what lenient
 * readers fix (wrong declared charset, junk before the prolog, unescaped ampersands, HTML entities)
 * and refusing entity declarations, which are how XXE and entity-expansion attacks start.
 * Every fix is recorded so a feed's health can say its XML was repaired.
 */
final class FeedXmlRepair {

    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final Set<String> SINGLE_BYTE_LATIN = Set.of("ISO-8859-1", "WINDOWS-1252", "US-ASCII", "CP1252");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern XML_DECLARATION = Pattern.compile("^<\\?xml\\s.*?\\?>", Pattern.DOTALL);
    private static final Pattern FEED_ROOT = Pattern.compile("<(rss|feed|rdf:RDF|RDF)\\b", Pattern.CASE_INSENSITIVE);
    /** An ampersand that does not start a well-formed reference. */
    private static final Pattern BARE_AMPERSAND =
            Pattern.compile("&(?!(?:[A-Za-z_][A-Za-z0-9._-]*|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)");
    private static final Pattern NAMED_REFERENCE = Pattern.compile("&([A-Za-z_][A-Za-z0-9._-]*);");
    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:([0-9]{1,7})|[xX]([0-9A-Fa-f]{1,6}));");
    private static final Pattern INVALID_XML_CHARS =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    static final int MAX_NESTING = 512;

    private final List<String> repairs = new ArrayList<>();

    List<String> repairs() {
        return repairs;
    }

    /** Decoded and repaired text, ready for a strict XML parser. */
    String repair(byte[] bytes, String contentType) throws FeedParseException {
        String text = decode(bytes, contentType);
        text = dropJunkBeforeRoot(text);
        if (text.isBlank()) {
            throw new FeedParseException(FeedParseException.Reason.EMPTY, "the document is empty");
        }
        text = removeDoctype(text);
        int depth = maxNesting(text);
        if (depth > MAX_NESTING) {
            // Real feeds nest a dozen levels; thousands only serve to exhaust stacks and quadratic recovery.
            throw new FeedParseException(FeedParseException.Reason.NOT_XML,
                    "elements nested " + depth + " levels deep (more than " + MAX_NESTING + "): refused");
        }
        text = removeInvalidCharacters(text);
        return fixReferencesOutsideCdata(text);
    }

    /**
     * Charset from the BOM, else the HTTP header's charset parameter, else the XML prolog (Rome's
     * XmlReader without HTTP rules, which would impose US-ASCII on text/xml), then checked against
     * the bytes: a declared UTF-8 that is not valid UTF-8 is read as windows-1252, and a declared
     * Latin-1 whose bytes are valid multi-byte UTF-8 is read as UTF-8 (the usual mislabelling).
     */
    private String decode(byte[] bytes, String contentType) {
        String declared = bomCharset(bytes);
        if (declared == null) {
            declared = headerCharset(contentType);
        }
        if (declared == null) {
            try (XmlReader reader = new XmlReader(new ByteArrayInputStream(bytes), true)) {
                declared = reader.getEncoding();
            } catch (IOException | RuntimeException e) {
                repairs.add("unreadable encoding declaration");
            }
        }
        Charset charset = charset(declared);
        boolean hasNonAscii = hasNonAscii(bytes);
        if (charset.equals(StandardCharsets.UTF_8)) {
            String utf8 = strictDecode(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                return stripBom(utf8);
            }
            repairs.add("declared UTF-8 but is not: read as windows-1252");
            return new String(bytes, WINDOWS_1252);
        }
        if (hasNonAscii && SINGLE_BYTE_LATIN.contains(charset.name().toUpperCase(Locale.ROOT))) {
            String utf8 = strictDecode(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                repairs.add("declared " + charset.name() + " but is UTF-8");
                return stripBom(utf8);
            }
            // Strict ISO-8859-1 has no C1 typography; windows-1252 is what such feeds mean.
            return new String(bytes, WINDOWS_1252);
        }
        String decoded = strictDecode(bytes, charset);
        if (decoded == null) {
            repairs.add("bytes invalid in declared " + charset.name() + ": undecodable bytes replaced");
            decoded = new String(bytes, charset);
        }
        return stripBom(decoded);
    }

    private static String bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return "UTF-8";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return "UTF-16BE";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return "UTF-16LE";
        }
        return null;
    }

    private static String headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).replace("\"", "").replace("'", "").trim();
                return name.isEmpty() ? null : name;
            }
        }
        return null;
    }

    private static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static String strictDecode(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** Drops anything before the XML declaration or, without one, before the first markup. */
    private String dropJunkBeforeRoot(String text) {
        // PHP warnings and the like come before the prolog: skip to the prolog unless a feed root precedes it.
        int start = text.indexOf("<?xml");
        if (start < 0 || FEED_ROOT.matcher(text.substring(0, start)).find()) {
            start = firstMarkup(text);
        }
        if (start < 0) {
            return text.isBlank() ? "" : text;
        }
        if (!text.substring(0, start).isBlank()) {
            repairs.add("junk before the XML prolog dropped");
        }
        String rest = text.substring(start);
        // The text is decoded already: the declared encoding no longer applies.
        return XML_DECLARATION.matcher(rest).replaceFirst("");
    }

    private static int firstMarkup(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            if (c == '<' && (Character.isLetter(next) || next == '!' || next == '?')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A DOCTYPE without entity declarations is dropped, so the parser never loads a DTD (old RSS 0.91
     * feeds name Netscape's); one with an internal subset declaring entities is refused outright.
     */
    private String removeDoctype(String text) throws FeedParseException {
        int start = doctypeInProlog(text);
        if (start < 0) {
            return text;
        }
        int i = start + "<!DOCTYPE".length();
        int end = -1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    break;
                }
                String subset = text.substring(i + 1, close);
                if (subset.contains("<!ENTITY") || subset.contains("%")) {
                    throw new FeedParseException(FeedParseException.Reason.ENTITY_DECLARATION,
                            "the DOCTYPE declares XML entities; external entities and entity expansion are refused");
                }
                i = close + 1;
                continue;
            }
            if (c == '>') {
                end = i + 1;
                break;
            }
            i++;
        }
        if (end < 0) {
            throw new FeedParseException(FeedParseException.Reason.NOT_XML, "the DOCTYPE declaration is not closed");
        }
        repairs.add("DOCTYPE ignored");
        return text.substring(0, start) + text.substring(end);
    }

    /** Where a DOCTYPE starts in the prolog (before the root element, past comments and PIs), or -1. */
    private static int doctypeInProlog(String text) {
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (text.startsWith("<!--", i)) {
                int close = text.indexOf("-->", i + 4);
                if (close < 0) {
                    return -1;
                }
                i = close + 3;
            } else if (text.startsWith("<?", i)) {
                int close = text.indexOf("?>", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 2;
            } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                return i;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /** Deepest element nesting, estimated by counting start and end tags outside comments, CDATA and PIs. */
    static int maxNesting(String text) {
        int depth = 0;
        int max = 0;
        int i = text.indexOf('<');
        while (i >= 0 && i < text.length() - 1) {
            char next = text.charAt(i + 1);
            int end;
            if (text.startsWith("<!--", i)) {
                end = text.indexOf("-->", i + 4);
            } else if (text.startsWith("<![CDATA[", i)) {
                end = text.indexOf("]]>", i + 9);
            } else if (next == '?' || next == '!') {
                end = text.indexOf('>', i + 2);
            } else {
                end = text.indexOf('>', i + 1);
                if (end < 0) {
                    break;
                }
                if (next == '/') {
                    depth = Math.max(0, depth - 1);
                } else if (Character.isLetter(next) || next == '_') {
                    if (text.charAt(end - 1) != '/') {
                        depth++;
                        max = Math.max(max, depth);
                    }
                }
            }
            if (end < 0) {
                break;
            }
            i = text.indexOf('<', end + 1);
        }
        return max;
    }

    private String removeInvalidCharacters(String text) {
        Matcher m = INVALID_XML_CHARS.matcher(text);
        if (!m.find()) {
            return text;
        }
        repairs.add("characters not allowed in XML removed");
        return m.replaceAll("");
    }

    /** Escapes bare ampersands and rewrites HTML entities as character references, leaving CDATA and comments alone. */
    private String fixReferencesOutsideCdata(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int i = 0;
        while (i < text.length()) {
            int cdata = text.indexOf("<![CDATA[", i);
            int comment = text.indexOf("<!--", i);
            int next = cdata < 0 ? comment : comment < 0 ? cdata : Math.min(cdata, comment);
            if (next < 0) {
                out.append(fixReferences(text.substring(i)));
                break;
            }
            out.append(fixReferences(text.substring(i, next)));
            String terminator = next == cdata ? "]]>" : "-->";
            int end = text.indexOf(terminator, next + 4);
            if (end < 0) {
                // An unterminated section: the strict parser will fail and the lenient one takes over.
                out.append(text, next, text.length());
                break;
            }
            out.append(text, next, end + terminator.length());
            i = end + terminator.length();
        }
        return out.toString();
    }

    private String fixReferences(String segment) {
        if (segment.indexOf('&') < 0) {
            return segment;
        }
        Matcher bare = BARE_AMPERSAND.matcher(segment);
        String escaped = bare.replaceAll("&amp;");
        if (!escaped.equals(segment)) {
            addOnce("unescaped & escaped");
        }
        Matcher named = NAMED_REFERENCE.matcher(escaped);
        StringBuilder out = new StringBuilder(escaped.length());
        while (named.find()) {
            String name = named.group(1);
            String replacement;
            if (XML_ENTITIES.contains(name)) {
                replacement = named.group();
            } else if (Entities.isNamedEntity(name)) {
                addOnce("HTML entities turned into characters");
                replacement = characterReferences(Entities.getByName(name));
            } else {
                addOnce("unknown entity kept as text");
                replacement = "&amp;" + name + ";";
            }
            named.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        named.appendTail(out);
        return dropInvalidCharacterReferences(out.toString());
    }

    /** References to characters XML forbids (NUL, most controls, lone surrogates) make a parser give up on the whole feed. */
    private String dropInvalidCharacterReferences(String segment) {
        if (segment.indexOf("&#") < 0) {
            return segment;
        }
        Matcher numeric = NUMERIC_REFERENCE.matcher(segment);
        StringBuilder out = new StringBuilder(segment.length());
        while (numeric.find()) {
            int codePoint = numeric.group(1) != null
                    ? Integer.parseInt(numeric.group(1)) : Integer.parseInt(numeric.group(2), 16);
            boolean allowed = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                    || (codePoint >= 0x20 && codePoint <= 0xD7FF) || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                    || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
            if (!allowed) {
                addOnce("references to characters not allowed in XML removed");
            }
            numeric.appendReplacement(out, allowed ? Matcher.quoteReplacement(numeric.group()) : "");
        }
        numeric.appendTail(out);
        return out.toString();
    }

    private static String characterReferences(String chars) {
        StringBuilder refs = new StringBuilder();
        chars.codePoints().forEach(cp -> refs.append("&#").append(cp).append(';'));
        return refs.toString();
    }

    private void addOnce(String repair) {
        if (!repairs.contains(repair)) {
            repairs.add(repair);
        }
    }
}
