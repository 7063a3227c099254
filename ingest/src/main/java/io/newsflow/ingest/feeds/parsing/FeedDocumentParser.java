package io.newsflow.ingest.feeds.parsing;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents with Rome. The bytes are repaired first
 * ({@link FeedXmlRepair}); a document still not well-formed is read again by jsoup's forgiving XML
 * parser, the way browsers' feed readers recover. What cannot be read at all is a
 * {@link FeedParseException}; no other exception leaves this class for any input.
 */
public final class FeedDocumentParser {

    /** Parses a document fetched with the given Content-Type header (null when unknown, as for files). */
    public FeedDocument parse(byte[] bytes, String contentType) throws FeedParseException {
        return parse(bytes, contentType, null);
    }

    /**
     * Parses a document fetched from {@code documentUrl}: relative item links are resolved against
     * the feed's site link or, failing that, this URL.
     */
    public FeedDocument parse(byte[] bytes, String contentType, URI documentUrl) throws FeedParseException {
        FeedXmlRepair repair = new FeedXmlRepair();
        String text = repair.repair(bytes, contentType);
        List<String> repairs = new ArrayList<>(repair.repairs());
        SyndFeed feed;
        try {
            feed = input().build(new StringReader(text));
        } catch (FeedException | IllegalArgumentException strictError) {
            // Rome wraps everything its parsers throw; IllegalArgumentException means no parser knew the root.
            feed = parseLeniently(text, strictError, repairs);
        }
        return toDocument(feed, repairs, documentUrl);
    }

    private static SyndFeedInput input() {
        SyndFeedInput input = new SyndFeedInput();
        input.setPreserveWireFeed(true);
        input.setXmlHealerOn(true);
        // DOCTYPEs were removed (or the document refused) during repair: any DOCTYPE left is an attack.
        input.setAllowDoctypes(false);
        return input;
    }

    /**
     * The second chance: jsoup's forgiving XML parser builds a tree from anything, the structural
     * slips real feeds make are mended on it, and Rome reads the result.
     */
    private static SyndFeed parseLeniently(String text, Exception strictError, List<String> repairs)
            throws FeedParseException {
        boolean wellFormed = !(strictError instanceof ParsingFeedException parsing)
                || !(parsing.getCause() instanceof org.jdom2.JDOMException);
        List<String> mended = new ArrayList<>();
        try {
            org.jsoup.nodes.Document lenient = Jsoup.parse(text, "", Parser.xmlParser());
            FeedStructureRepair.mend(lenient, mended);
            lenient.outputSettings()
                    .syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml)
                    .escapeMode(Entities.EscapeMode.xhtml)
                    .prettyPrint(false);
            // jsoup writes the mended tree as well-formed XML, which Rome then reads strictly.
            SyndFeed feed = input().build(new StringReader(lenient.outerHtml()));
            if (!wellFormed) {
                repairs.add("not well-formed XML read leniently (" + describe(strictError) + ")");
            }
            repairs.addAll(mended);
            return feed;
        } catch (FeedException | RuntimeException lenientError) {
            // Deliberately typed: Rome's parsers assume a sane tree and may fail with any runtime
            // exception on one rebuilt from a broken document; the strict attempt failed already.
            String reason = describe(strictError) + "; read leniently: " + describe(lenientError);
            if (!wellFormed) {
                throw new FeedParseException(FeedParseException.Reason.NOT_XML,
                        "not well-formed XML and no feed even when read leniently: " + reason, strictError);
            }
            throw new FeedParseException(FeedParseException.Reason.NOT_A_FEED,
                    "not a readable RSS or Atom document: " + reason, strictError);
        }
    }

    private static String describe(Throwable e) {
        String message = firstLine(e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause != e && (message.equals("Invalid XML") || message.equals("no detail"))) {
            return message + ": " + cause.getClass().getSimpleName() + " " + firstLine(cause.getMessage());
        }
        return message;
    }

    private static FeedDocument toDocument(SyndFeed feed, List<String> repairs, URI documentUrl) {
        String siteLink = trimToNull(feed.getLink());
        String base = siteLink != null && siteLink.startsWith("http") ? siteLink
                : documentUrl == null ? null : documentUrl.toString();
        Integer ttl = null;
        WireFeed wire = feed.originalWireFeed();
        if (wire instanceof Channel channel && channel.getTtl() > 0) {
            ttl = channel.getTtl();
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(toItem(entry, base));
        }
        return new FeedDocument(feed.getFeedType(), plainText(feed.getTitle()), siteLink, languageTag(feed.getLanguage()),
                ttl, items, repairs);
    }

    private static FeedItem toItem(SyndEntry entry, String base) {
        String guid = null;
        boolean guidIsLink = false;
        Object wire = entry.getWireEntry();
        if (wire instanceof Item item && item.getGuid() != null) {
            guid = trimToNull(item.getGuid().getValue());
            guidIsLink = item.getGuid().isPermaLink();
        } else if (wire instanceof Entry atom) {
            guid = trimToNull(atom.getId());
        }
        String link = trimToNull(entry.getLink());
        if (link == null && guidIsLink && guid != null && guid.startsWith("http")) {
            link = guid;
        }
        link = resolve(base, link);
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        List<String> categories = new ArrayList<>();
        for (SyndCategory category : entry.getCategories()) {
            String name = trimToNull(category.getName());
            if (name != null) {
                categories.add(name);
            }
        }
        return new FeedItem(guid, link, plainText(entry.getTitle()), richestContent(entry),
                date == null ? null : date.toInstant(), trimToNull(entry.getAuthor()), categories);
    }

    /** content:encoded or Atom content when present (the full text), else the description (often a teaser). */
    private static String richestContent(SyndEntry entry) {
        String best = "";
        for (SyndContent content : entry.getContents()) {
            String value = content.getValue();
            if (value != null && value.length() > best.length()) {
                best = value;
            }
        }
        if (best.isBlank() && entry.getDescription() != null) {
            best = Objects.requireNonNullElse(entry.getDescription().getValue(), "");
        }
        return best.trim();
    }

    private static String resolve(String base, String link) {
        if (link == null || base == null) {
            return link;
        }
        try {
            URI uri = new URI(link);
            return uri.isAbsolute() ? link : new URI(base).resolve(uri).toString();
        } catch (Exception e) {
            return link;
        }
    }

    /** "en-us" or "en_US" as a BCP 47 tag ("en-US"); null when absent or not a language. */
    static String languageTag(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String tag = java.util.Locale.forLanguageTag(language.trim().replace('_', '-')).toLanguageTag();
        return tag.equals("und") ? null : tag;
    }

    static String plainText(String maybeHtml) {
        if (maybeHtml == null || maybeHtml.isBlank()) {
            return "";
        }
        if (maybeHtml.indexOf('<') < 0) {
            // Most titles are plain text: skip building an HTML document for them.
            String text = maybeHtml.indexOf('&') < 0 ? maybeHtml : Parser.unescapeEntities(maybeHtml, false);
            return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
        }
        return Jsoup.parse(maybeHtml).text().trim();
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
