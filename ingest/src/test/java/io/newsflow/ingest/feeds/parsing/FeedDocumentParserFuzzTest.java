package io.newsflow.ingest.feeds.parsing;

import io.newsflow.fuzz.FuzzInput;
import io.newsflow.fuzz.FuzzInputs;
import io.newsflow.fuzz.Outcomes;
import io.newsflow.fuzz.Seeds;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes {@link FeedDocumentParser} (byte repair, Rome, and the lenient jsoup second chance) with the
 * feeds under {@code src/test/resources/feeds}, edited: cut, spliced, re-encoded (UTF-16, BOMs,
 * invalid UTF-8), with DOCTYPEs and entities, CDATA, stray and nested tags, absurd ttl, dates and
 * versions inserted. Every input is a document or a {@link FeedParseException}.
 */
class FeedDocumentParserFuzzTest {

    static final List<byte[]> XML_FRAGMENTS = Seeds.fragments(
            "<!DOCTYPE rss [<!ENTITY x \"xxxxxxxxxx\"><!ENTITY y \"&x;&x;&x;&x;\">]>",
            "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"file:///nonexistent/rss-0.91.dtd\">",
            "<!ENTITY e SYSTEM \"file:///etc/hostname\">", "&e;", "&x;", "&amp;", "&nbsp;", "&#0;", "&#xD800;", "&#1114112;",
            "&#x1F600;", "<![CDATA[<p>x &amp; <b>y</b></p>]]>", "]]>", "<![CDATA[", "<!-- -- -->", "<?pi x?>",
            "<item><title>t &amp; <b>u</b></title><link>/relative/path</link><guid isPermaLink=\"true\">http://example.org/x</guid>"
                    + "<pubDate>Tue, 31 Feb 2024 25:61:00 +9999</pubDate><category></category></item>",
            "<entry><id>urn:x</id><link/><link href=\"\"/><updated>99999-01-01T00:00:00Z</updated><content type=\"html\">&lt;p&gt;x</content></entry>",
            "<ttl>99999999999999999999</ttl>", "<ttl>-5</ttl>", "<ttl>2147483648</ttl>", "<language>zz_ZZ_xxxxxxxxxxxxxxxx</language>",
            "<link>http://[::1</link>", "<link>javascript:alert(1)</link>", "<link>%%%</link>",
            "<content:encoded><![CDATA[<p>Full text, with commas, and more.</p>]]></content:encoded>",
            "<description>&lt;p&gt;escaped &lt;b&gt;html&lt;/p&gt;</description>",
            "</channel>", "<channel>", "</rss>", "<rss version=\"9.9\">", "<rss>", "</item>", "<item>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "</feed>", "<entry>",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://channel.netscape.com/rdf/simple/0.9/\">",
            " xmlns:content=\"  http://purl.org/rss/1.0/modules/content/  \"", " xmlns:a=\"\"", "<a:b:c>", "<:x>", "<x:>",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.0\" encoding=\"bogus-9\"?>", "<?xml version=\"1.1\"?>",
            "<div>", "<p>", "<b><i>", "\u0000", "\uFFFE", "\uFEFF", "\r\n", "\u2028",
            new String(new byte[] {(byte) 0xC3, 0x28}, java.nio.charset.StandardCharsets.ISO_8859_1));
    private static final List<byte[]> RAW_FRAGMENTS = List.of(new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

    private final FeedDocumentParser parser = new FeedDocumentParser();

    @Property
    void everyDocumentIsAFeedOrAFeedParseException(@ForAll("feeds") FuzzInput input,
                                                   @ForAll("contentTypes") String contentType,
                                                   @ForAll boolean withUrl) {
        URI url = withUrl ? URI.create("http://example.org/news/feed.xml") : null;
        Statistics.label("feed-parser").collect(Outcomes.expect(input + " content-type " + contentType,
                () -> parser.parse(input.bytes(), contentType, url), FeedParseException.class));
    }

    @Provide
    Arbitrary<FuzzInput> feeds() {
        List<byte[]> fragments = new java.util.ArrayList<>(XML_FRAGMENTS);
        fragments.addAll(RAW_FRAGMENTS);
        return FuzzInputs.mutated(Seeds.files(Path.of("src/test/resources/feeds"), ".xml", ".rss", ".atom"), fragments);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/rss+xml", "text/xml; charset=ISO-8859-1", "application/atom+xml; charset=utf-16",
                "text/html; charset=nonsense", "text/xml; charset=", "application/xml;charset=\"utf-8\"").injectNull(0.5);
    }
}
