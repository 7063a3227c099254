package io.newsflow.ingest.feeds.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeedDocumentParserTest {

    private final FeedDocumentParser parser = new FeedDocumentParser();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FeedDocumentParserTest.class.getResourceAsStream("/feeds/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private FeedDocument parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void realCapturesParseWithTheirItems() throws Exception {
        for (String name : new String[] {"guardian.rss", "heise.atom", "content-encoded.rss", "uolNoticias.rss", "encoding.rss"}) {
            FeedDocument document = parser.parse(resource("real-captures/" + name), null);
            assertThat(document.items()).as(name).isNotEmpty();
            assertThat(document.items()).as(name).allSatisfy(item -> assertThat(item.link()).startsWith("http"));
        }
    }

    @Test
    void guardianItemsHaveGuidTitleDateAndText() throws Exception {
        FeedDocument guardian = parser.parse(resource("real-captures/guardian.rss"), "application/rss+xml");
        assertThat(guardian.feedType()).isEqualTo("rss_2.0");
        assertThat(guardian.language()).isEqualTo("en-GB");
        FeedItem first = guardian.items().get(0);
        assertThat(first.guid()).isNotBlank();
        assertThat(first.title()).isNotBlank().doesNotContain("<");
        assertThat(first.publishedAt()).isNotNull();
        assertThat(first.html()).isNotBlank();
    }

    @Test
    void contentEncodedIsTheItemContent() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(resource("gofeed/rss_channel_item_content_encoded.json"));
        FeedDocument document = parser.parse(resource("gofeed/rss_channel_item_content_encoded.xml"), null);
        assertThat(document.items()).hasSize(expected.get("items").size());
        assertThat(document.items().get(0).html()).isEqualTo(expected.get("items").get(0).get("content").asText());
    }

    @Test
    void pubDateIsParsed() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(resource("gofeed/rss_channel_item_pubDate.json"));
        FeedDocument document = parser.parse(resource("gofeed/rss_channel_item_pubDate.xml"), null);
        assertThat(document.items().get(0).publishedAt())
                .isEqualTo(Instant.parse(expected.get("items").get(0).get("pubDateParsed").asText()));
    }

    @Test
    void dublinCoreDateIsThePublicationDate() throws Exception {
        FeedDocument document = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="http://example.org/"><title>T</title><link>http://example.org/</link><description>d</description></channel>
                  <item rdf:about="http://example.org/a"><title>A</title><link>http://example.org/a</link>
                    <dc:date>2024-03-01T10:15:00Z</dc:date></item>
                </rdf:RDF>""");
        assertThat(document.feedType()).isEqualTo("rss_1.0");
        assertThat(document.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-03-01T10:15:00Z"));
    }

    @Test
    void enclosuresAreIgnoredSafely() throws Exception {
        FeedDocument document = parser.parse(resource("gofeed/issue_217_enclosure_children.xml"), null);
        assertThat(document.items()).isNotEmpty();
    }

    @Test
    void netscapeDoctypeIsAcceptedWithoutLoadingTheDtd() throws Exception {
        FeedDocument document = parser.parse(resource("gofeed/version_rss_091_netscape.xml"), null);
        assertThat(document.repaired()).contains("DOCTYPE ignored");
    }

    @Test
    void externalEntityIsRefusedWithATypedError() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title><item><title>a</title></item></channel></rss>""";
        assertThatThrownBy(() -> parse(xxe))
                .isInstanceOfSatisfying(FeedParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(FeedParseException.Reason.ENTITY_DECLARATION))
                .hasMessageContaining("external entities");
    }

    @Test
    void entityExpansionIsRefusedWithATypedError() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <rss version="2.0"><channel><title>&lol3;</title></channel></rss>""";
        assertThatThrownBy(() -> parse(laughs))
                .isInstanceOfSatisfying(FeedParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(FeedParseException.Reason.ENTITY_DECLARATION));
    }

    @Test
    void unescapedAmpersandAndHtmlEntitiesAreRecovered() throws Exception {
        FeedDocument document = parse("""
                <rss version="2.0"><channel><title>Q&A&nbsp;daily</title><link>http://example.org/</link>
                <item><title>Tom & Jerry &eacute;t&eacute; &copy; &bogus;</title><link>http://example.org/a?x=1&y=2</link></item>
                </channel></rss>""");
        assertThat(document.title()).isEqualTo("Q&A daily");
        FeedItem item = document.items().get(0);
        assertThat(item.title()).isEqualTo("Tom & Jerry été © &bogus;");
        assertThat(item.link()).isEqualTo("http://example.org/a?x=1&y=2");
        assertThat(document.repaired()).contains("unescaped & escaped", "HTML entities turned into characters");
    }

    @Test
    void referencesToForbiddenCharactersAreDropped() throws Exception {
        FeedDocument document = parse("""
                <rss version="2.0"><channel><title>x</title>
                <item><title>bad&#0; chars&#xFFFF;&#55357; gone &#233;&#x1F600;</title></item></channel></rss>""");
        assertThat(document.items().get(0).title()).isEqualTo("bad chars gone é\uD83D\uDE00");
    }

    @Test
    void latin1BytesDeclaredAsUtf8AreReadAsWindows1252() throws Exception {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>x</title><item><title>Café – été</title></item></channel></rss>"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(parser.parse(bytes, null).items().get(0).title()).isEqualTo("Café – été");
    }

    @Test
    void utf8BytesDeclaredAsLatin1AreReadAsUtf8() throws Exception {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>x</title><item><title>Café – São Paulo</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(bytes, "text/xml; charset=iso-8859-1").items().get(0).title()).isEqualTo("Café – São Paulo");
    }

    @Test
    void httpCharsetIsUsedWhenThePrologIsSilent() throws Exception {
        byte[] bytes = "<rss version=\"2.0\"><channel><title>x</title><item><title>Grüße</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_16BE);
        assertThat(parser.parse(bytes, "application/rss+xml; charset=UTF-16BE").items().get(0).title()).isEqualTo("Grüße");
    }

    @Test
    void byteOrderMarkDecidesTheCharset() throws Exception {
        byte[] body = "<rss version=\"2.0\"><channel><title>x</title><item><title>Ærøskøbing</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        assertThat(parser.parse(withBom, null).items().get(0).title()).isEqualTo("Ærøskøbing");
    }

    @Test
    void aDoctypeInsideContentIsNotTakenForTheDocumentsOwn() throws Exception {
        FeedDocument document = parse("""
                <rss version="2.0"><channel><title>x</title><item><title>page</title>
                <description><![CDATA[<!DOCTYPE html [ <!ENTITY x "y"> ]><p>quoted page</p>]]></description></item></channel></rss>""");
        assertThat(document.items().get(0).html()).contains("<!DOCTYPE html");
    }

    @Test
    void junkBeforeThePrologIsDropped() throws Exception {
        FeedDocument document = parse("""
                <br />
                <b>Warning</b>:  Cannot modify header information in <b>/var/www/feed.php</b><br />
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0"><channel><title>x</title><item><title>kept</title></item></channel></rss>""");
        assertThat(document.items()).extracting(FeedItem::title).containsExactly("kept");
        assertThat(document.repaired()).contains("junk before the XML prolog dropped");
    }

    @Test
    void mismatchedTagsAreReadLeniently() throws Exception {
        FeedDocument document = parse("""
                <rss version="2.0"><channel><title>x</title>
                <item><title>one</titel><link>http://example.org/1</link></item>
                <item><title>two</title><link>http://example.org/2</link></item>
                </channel></rss>""");
        assertThat(document.items()).extracting(FeedItem::link).contains("http://example.org/2");
        assertThat(document.repaired()).anyMatch(r -> r.startsWith("not well-formed XML read leniently"));
    }

    @Test
    void atomRelativeLinksAreResolvedAndIdIsTheGuid() throws Exception {
        FeedDocument document = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="http://example.org/"/>
                <id>urn:feed</id><updated>2024-01-01T00:00:00Z</updated>
                <entry><id>tag:example.org,2024:1</id><title type="html">&lt;b&gt;Bold&lt;/b&gt; news</title>
                <link rel="alternate" href="/news/1"/><updated>2024-01-02T00:00:00Z</updated>
                <content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>""");
        FeedItem item = document.items().get(0);
        assertThat(item.guid()).isEqualTo("tag:example.org,2024:1");
        assertThat(item.title()).isEqualTo("Bold news");
        assertThat(item.link()).isEqualTo("http://example.org/news/1");
        assertThat(item.html()).isEqualTo("<p>Body</p>");
    }

    @Test
    void relativeLinksWithoutASiteLinkResolveAgainstTheDocumentUrl() throws Exception {
        FeedDocument document = parser.parse("""
                <rss version="2.0"><channel><title>x</title><item><title>a</title><link>post/1</link></item></channel></rss>"""
                .getBytes(StandardCharsets.UTF_8), null, java.net.URI.create("http://example.org/feeds/rss.xml"));
        assertThat(document.items().get(0).link()).isEqualTo("http://example.org/feeds/post/1");
    }

    @Test
    void itemHtmlBecomesParagraphs() {
        assertThat(FeedHtmlText.paragraphs("<p>One &amp; only</p><p>Two<br>Three</p><script>var x;</script><ul><li>Four</li></ul> five"))
                .isEqualTo("One & only\n\nTwo\n\nThree\n\nFour\n\nfive");
        assertThat(FeedHtmlText.paragraphs("plain   text\nwith newline")).isEqualTo("plain text with newline");
    }

    /**
     * A walk up to the root for every text node made a feed item of 100,000 nested tags take minutes; now well
     * under a second of CPU. The bound catches minutes, not a slow machine.
     */
    @Test
    void itemHtmlOfAHundredThousandNestedTagsTakesSecondsNotMinutes() {
        StringBuilder html = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            html.append("<div><span>w").append(i).append("</span><script>x</script>");
            expected.append(i == 0 ? "" : "\n\n").append('w').append(i);
        }
        html.append("</div>".repeat(100_000));

        String text = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> FeedHtmlText.paragraphs(html.toString()));

        assertThat(text).isEqualTo(expected.toString());
    }

    @Test
    void htmlPageIsATypedRejection() throws Exception {
        assertThatThrownBy(() -> parser.parse(resource("real-captures/unrecognized.rss"), "text/html"))
                .isInstanceOf(FeedParseException.class);
        assertThatThrownBy(() -> parse("   \n"))
                .isInstanceOfSatisfying(FeedParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(FeedParseException.Reason.EMPTY));
    }

    @Test
    void absurdNestingIsRefusedQuicklyButDeepHtmlInsideCdataIsFine() throws Exception {
        int depth = 100_000;
        String nested = "<rss version=\"2.0\"><channel><title>x</title><item><title>t</title>"
                + "<x>".repeat(depth) + "</x>".repeat(depth) + "</item></channel></rss>";
        long started = System.nanoTime();
        assertThatThrownBy(() -> parse(nested)).isInstanceOf(FeedParseException.class).hasMessageContaining("nested");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(60));
        String unclosed = "<rss version=\"2.0\"><channel><title>x</title><item><title>t</title>" + "<x>".repeat(depth);
        assertThatThrownBy(() -> parse(unclosed)).isInstanceOf(FeedParseException.class);
        FeedDocument cdata = parse("<rss version=\"2.0\"><channel><title>x</title><item><title>t</title><description><![CDATA["
                + "<div>".repeat(2000) + "deep" + "</div>".repeat(2000) + "]]></description></item></channel></rss>");
        assertThat(cdata.items().get(0).html()).contains("deep");
    }

    @Test
    void noInputEverCrashesTheParser() throws Exception {
        // Truncations and byte flips of real feeds: every outcome is a document or a typed error.
        Random random = new Random(42);
        for (String name : new String[] {"real-captures/guardian.rss", "real-captures/heise.atom", "gofeed/version_rss_091_netscape.xml"}) {
            byte[] original = resource(name);
            for (int round = 0; round < 25; round++) {
                byte[] mutated = java.util.Arrays.copyOf(original, 1 + random.nextInt(original.length));
                for (int flips = random.nextInt(8); flips > 0; flips--) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
                try {
                    parser.parse(mutated, null);
                } catch (FeedParseException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        }
    }
}
