package io.newsflow.ingest.drops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format and encoding the drop folder accepts, and the reasons it gives for what it refuses. */
class ArticleFilesTest {

    private static final String STORY = """
            Harbour reopens after storm “Ida” — café owners relieved

            Home > Local > Weather

            The harbour of Saint-Malo reopened on Monday after three days of closure, the port authority said.

            Fishermen returned to sea at dawn; the café owners on the quay said business was back to normal.

            Copyright © 2024 Example Gazette. All rights reserved.
            """;

    @TempDir
    Path dir;

    @Test
    void plainTextWithHeadlineAndChrome() throws Exception {
        RawArticle article = single(write("harbour.txt", STORY.getBytes(StandardCharsets.UTF_8)));

        assertThat(article.getTitle()).isEqualTo("Harbour reopens after storm “Ida” — café owners relieved");
        assertThat(article.getBody()).startsWith("The harbour of Saint-Malo reopened")
                .contains("\n\nFishermen returned").doesNotContain("Home >").doesNotContain("Copyright");
        assertThat(article.getSourceKind()).isEqualTo(SourceKind.FILE);
        assertThat(article.getSourceId()).isEqualTo("harbour.txt");
        assertThat(article.getArticleId()).isEqualTo("txt-" + article.getContentHash().substring(0, 32));
        assertThat(article.getContentHash()).hasSize(64);
    }

    @Test
    void encodingsDecodeWithoutMojibake() throws Exception {
        byte[] utf8 = STORY.getBytes(StandardCharsets.UTF_8);
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
        byte[] utf16le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, STORY.getBytes(StandardCharsets.UTF_16LE));
        byte[] utf16be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, STORY.getBytes(StandardCharsets.UTF_16BE));
        byte[] windows1252 = STORY.getBytes(Charset.forName("windows-1252"));

        RawArticle expected = single(write("utf8.txt", utf8));
        for (byte[] bytes : List.of(bom, utf16le, utf16be, windows1252)) {
            RawArticle article = single(write("other.txt", bytes));
            assertThat(article.getTitle()).isEqualTo(expected.getTitle());
            assertThat(article.getBody()).isEqualTo(expected.getBody()).doesNotContain("Ã").doesNotContain("\uFFFD");
            assertThat(article.getContentHash()).isEqualTo(expected.getContentHash());
        }
    }

    @Test
    void windowsLineEndingsGiveTheSameArticle() throws Exception {
        RawArticle unix = single(write("a.txt", STORY.getBytes(StandardCharsets.UTF_8)));
        RawArticle windows = single(write("b.txt", STORY.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(windows.getArticleId()).isEqualTo(unix.getArticleId());
    }

    @Test
    void htmlPageUsesTheDeclaredCharsetAndItsMainText() throws Exception {
        String html = """
                <html lang="fr"><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
                <title>Le port rouvre | Gazette</title>
                <meta property="og:title" content="Le port de Saint-Malo rouvre après la tempête">
                <meta property="og:site_name" content="La Gazette">
                <meta property="article:published_time" content="2024-03-04T08:30:00+01:00">
                <link rel="canonical" href="https://gazette.example/port?utm_source=rss#top">
                </head><body>
                <nav><a href="/">Accueil</a> <a href="/meteo">Météo</a></nav>
                <div class="sidebar"><h3>Les plus lus</h3><ul><li><a href="/x">Autre article très lu</a></li></ul></div>
                <article class="story-body">
                <h1>Le port de Saint-Malo rouvre après la tempête</h1>
                <p>Le port de Saint-Malo a rouvert lundi après trois jours de fermeture, a indiqué l'autorité portuaire, à la grande joie des pêcheurs.</p>
                <p>Les pêcheurs sont repartis en mer à l'aube, et les cafés du quai ont retrouvé leurs clients habituels, dit-on.</p>
                </article>
                <div id="comments"><p>Écrire un commentaire, il faut être connecté pour cela, désolé.</p></div>
                <footer>© 2024 La Gazette</footer>
                </body></html>
                """;
        RawArticle article = single(write("port.html", html.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(article.getTitle()).isEqualTo("Le port de Saint-Malo rouvre après la tempête");
        assertThat(article.getBody()).startsWith("Le port de Saint-Malo a rouvert lundi")
                .contains("\n\nLes pêcheurs sont repartis").doesNotContain("commentaire").doesNotContain("Accueil")
                .doesNotContain("Autre article");
        assertThat(article.getCanonicalUrl()).isEqualTo("https://gazette.example/port");
        assertThat(article.getArticleId()).startsWith("url-");
        assertThat(article.getLanguage()).isEqualTo("fr");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-03-04T07:30:00Z"));
        assertThat(article.getMetadata()).containsEntry("source", "La Gazette");
        assertThat(article.getRawHtml()).contains("<article");
    }

    /**
     * A 1.3 MB page of 100,000 nested tags held the single drop-folder worker for 160 s; now about a second of
     * CPU. The bound only catches that hang on a busy machine: DeepPagesTest checks that work grows linearly.
     */
    @Test
    void aPageOfAHundredThousandNestedTagsTakesSecondsNotMinutes() throws Exception {
        StringBuilder html = new StringBuilder("<html><head><title>Deep</title></head><body>"
                + "<p>The harbour reopened on Monday after three days of closure, the port authority said.</p>");
        for (int i = 0; i < 100_000; i++) {
            html.append(i % 2 == 0 ? "<div>" : "<p><a href=/l>l</a></p><blockquote>").append("w ");
        }
        for (int i = 99_999; i >= 0; i--) {
            html.append(i % 2 == 0 ? "</div>" : "</blockquote>");
        }
        Path file = write("deep.html", html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8));

        RawArticle article = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> single(file));

        assertThat(article.getTitle()).isEqualTo("Deep");
        assertThat(article.getBody()).contains("The harbour reopened on Monday");
    }

    @Test
    void aPageSavedAsTextIsReadAsAPage() throws Exception {
        String html = "<!DOCTYPE html><html><head><title>Harbour reopens</title></head><body><article>"
                + "<p>The harbour reopened on Monday after three days of closure, the port authority said.</p>"
                + "</article></body></html>";
        RawArticle article = single(write("saved.txt", html.getBytes(StandardCharsets.UTF_8)));
        assertThat(article.getTitle()).isEqualTo("Harbour reopens");
        assertThat(article.getBody()).isEqualTo("The harbour reopened on Monday after three days of closure, the port authority said.");
    }

    @Test
    void jsonArticleWithItsDocumentedFields() throws Exception {
        String json = """
                {"title": "Harbour reopens", "body": "The harbour reopened on Monday.\\n\\nFishermen are back.",
                 "url": "https://example.org/harbour", "source": "Example Gazette", "published": "2024-03-04",
                 "language": "en", "byline": "Ann Smith", "metadata": {"section": "Local"}}
                """;
        RawArticle article = single(write("harbour.json", json.getBytes(StandardCharsets.UTF_8)));

        assertThat(article.getTitle()).isEqualTo("Harbour reopens");
        assertThat(article.getBody()).isEqualTo("The harbour reopened on Monday.\n\nFishermen are back.");
        assertThat(article.getUrl()).isEqualTo("https://example.org/harbour");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-03-04T00:00:00Z"));
        assertThat(article.getLanguage()).isEqualTo("en");
        assertThat(article.getMetadata()).containsEntry("source", "Example Gazette").containsEntry("byline", "Ann Smith")
                .containsEntry("section", "Local");
    }

    /** A javascript:, data: or file: link would reach every consumer of the events: the article goes without it. */
    @Test
    void onlyHttpLinksArePublished() throws Exception {
        RawArticle json = single(write("script.json", """
                {"title": "Harbour reopens", "body": "The harbour reopened on Monday.", "url": " JavaScript:alert(1)"}
                """.getBytes(StandardCharsets.UTF_8)));
        Path page = write("data.html", ("<html><head><title>Harbour reopens</title></head><body><article>"
                + "<p>The harbour reopened on Monday after three days of closure, the port authority said.</p>"
                + "</article></body></html>").getBytes(StandardCharsets.UTF_8));
        write("data.html.meta.json", "{\"url\": \"data:text/html,<script>alert(1)</script>\"}".getBytes(StandardCharsets.UTF_8));
        RawArticle html = single(page);
        List<RawArticle> feed = ArticleFiles.parse(write("saved.rss", ("<rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Local</title><link>file:///etc/passwd</link><description>The harbour reopened.</description></item>"
                + "<item><title>Web</title><link>https://example.org/web</link><description>Ferries run again.</description></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8)));

        for (RawArticle article : List.of(json, html, feed.get(0))) {
            assertThat(article.getUrl()).as(article.getTitle()).isNull();
            assertThat(article.getCanonicalUrl()).isNull();
            assertThat(article.getArticleId()).startsWith("txt-");
            assertThat(article.getBody()).contains("The harbour reopened");
        }
        assertThat(feed.get(1).getUrl()).isEqualTo("https://example.org/web");
    }

    @Test
    void jsonLinesKeepGoodLinesAndRejectBadOnes() throws Exception {
        Path file = write("batch.ndjson", """
                {"title": "One", "body": "First body text."}
                not json at all
                {"title": "No body"}
                {"title": "Two", "body": "Second body text."}
                """.getBytes(StandardCharsets.UTF_8));
        DropContents contents = ArticleFiles.read(file, "batch.ndjson", 1 << 20, Instant.now());

        assertThat(contents.articles()).extracting(RawArticle::getTitle).containsExactly("One", "Two");
        assertThat(contents.rejected()).extracting(DropContents.RejectedRecord::where).containsExactly("line 2", "line 3");
        assertThat(contents.rejected().get(1).reason()).contains("no body");
    }

    @Test
    void savedFeedsGiveOneArticlePerItem() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example/</link>
                <description>News</description><language>en</language>
                <item><title>Harbour reopens</title><link>https://wire.example/harbour</link>
                <pubDate>Mon, 04 Mar 2024 08:30:00 GMT</pubDate>
                <description>&lt;p&gt;The harbour reopened on Monday after three days of closure.&lt;/p&gt;</description></item>
                <item><title>Storm passes</title><link>https://wire.example/storm</link>
                <description>The storm moved east overnight.</description></item>
                </channel></rss>
                """;
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id>
                <updated>2024-03-04T10:00:00Z</updated>
                <entry><title>Harbour reopens</title><id>urn:1</id><link href="https://atom.example/harbour"/>
                <updated>2024-03-04T10:00:00Z</updated><content type="html">&lt;p&gt;Reopened on Monday.&lt;/p&gt;</content></entry>
                </feed>
                """;
        List<RawArticle> items = ArticleFiles.parse(write("wire.rss", rss.getBytes(StandardCharsets.UTF_8)));
        assertThat(items).extracting(RawArticle::getTitle).containsExactly("Harbour reopens", "Storm passes");
        assertThat(items.get(0).getBody()).isEqualTo("The harbour reopened on Monday after three days of closure.");
        assertThat(items.get(0).getPublishedAt()).isEqualTo(Instant.parse("2024-03-04T08:30:00Z"));
        assertThat(items.get(0).getMetadata()).containsEntry("source", "Example Wire");
        assertThat(items.get(1).getCanonicalUrl()).isEqualTo("https://wire.example/storm");

        List<RawArticle> entries = ArticleFiles.parse(write("wire.atom", atom.getBytes(StandardCharsets.UTF_8)));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.getBody()).isEqualTo("Reopened on Monday.");
            assertThat(e.getUrl()).isEqualTo("https://atom.example/harbour");
        });
    }

    @Test
    void gzippedFilesAreReadLikeTheirInnerFormat() throws Exception {
        RawArticle plain = single(write("harbour.txt", STORY.getBytes(StandardCharsets.UTF_8)));
        RawArticle gzipped = single(write("harbour.txt.gz", gzip(STORY.getBytes(StandardCharsets.UTF_8))));
        assertThat(gzipped.getArticleId()).isEqualTo(plain.getArticleId());
        assertThat(gzipped.getSourceId()).isEqualTo("harbour.txt.gz");
    }

    @Test
    void sidecarOverridesWhatWasGuessed() throws Exception {
        Path file = write("harbour.txt", STORY.getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("harbour.txt.meta.json"), """
                {"url": "https://gazette.example/harbour", "source": "Example Gazette",
                 "published": "2024-03-04T09:00:00Z", "language": "en"}
                """);
        RawArticle article = single(file);

        assertThat(article.getCanonicalUrl()).isEqualTo("https://gazette.example/harbour");
        assertThat(article.getArticleId()).startsWith("url-");
        assertThat(article.getMetadata()).containsEntry("source", "Example Gazette");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-03-04T09:00:00Z"));
        assertThat(article.getLanguage()).isEqualTo("en");
    }

    @Test
    void refusesWithAReasonAPersonUnderstands() throws Exception {
        assertReason(write("empty.txt", new byte[0]), "empty");
        assertReason(write("blank.txt", "  \n\n \t\n".getBytes(StandardCharsets.UTF_8)), "empty");
        assertReason(write("photo.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}), "binary");
        assertReason(write("report.docx", "PK".getBytes(StandardCharsets.UTF_8)), "does not read '.docx'");
        assertReason(write("broken.json", "{\"title\": ".getBytes(StandardCharsets.UTF_8)), "not valid JSON");
        // A truncated feed is mended as the feed reader mends it: what is left has no item.
        assertReason(write("broken.rss", "<rss><channel>".getBytes(StandardCharsets.UTF_8)), "no items");
        assertReason(write("page.rss", "<html><body><p>Not a feed</p></body></html>".getBytes(StandardCharsets.UTF_8)),
                "not an RSS or Atom feed");
        assertReason(write("broken.txt.gz", "not gzip".getBytes(StandardCharsets.UTF_8)), "not valid gzip");

        Path big = write("big.txt", ("Headline\n\n" + "word ".repeat(1000)).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ArticleFiles.read(big, "big.txt", 1000, Instant.now()))
                .isInstanceOf(ArticleFileException.class).hasMessageContaining("more than the limit of 1000 bytes");
        Path bomb = write("bomb.txt.gz", gzip(("Headline\n\n" + "a".repeat(100_000)).getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> ArticleFiles.read(bomb, "bomb.txt.gz", 10_000, Instant.now()))
                .isInstanceOf(ArticleFileException.class).hasMessageContaining("Unpacked");
    }

    @Test
    void corpusFilesWithoutHeadlineKeepTheirFirstSentence() throws Exception {
        String text = "The Indian Navy on Saturday prevented pirates from attacking a merchant vessel in the Gulf of Aden.\n\n"
                + "Responding to a distress call, the frigate swung into action.\n";
        RawArticle article = single(write("12_1ecb.txt", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(article.getTitle()).isEmpty();
        assertThat(article.getBody()).startsWith("The Indian Navy on Saturday prevented pirates");
    }

    @Test
    void tokenisedUrlAndDateLinesBecomeMetadata() throws Exception {
        String text = """
                http://www. ocregister.com/angels/million-416271-http-red.html

                Report: Red Sox offer Teixeira $200 million

                December 15th, 2008, 7: 35 am

                Dan Patrick reported on his show that the Boston Red Sox have made Mark Teixeira an offer.
                """;
        RawArticle article = single(write("10_13ecbplus.txt", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(article.getTitle()).isEqualTo("Report: Red Sox offer Teixeira $200 million");
        assertThat(article.getUrl()).isEqualTo("http://www.ocregister.com/angels/million-416271-http-red.html");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2008-12-15T07:35:00Z"));
        assertThat(article.getBody()).isEqualTo("Dan Patrick reported on his show that the Boston Red Sox have made Mark Teixeira an offer.");
    }

    private void assertReason(Path file, String reason) {
        assertThatThrownBy(() -> ArticleFiles.parse(file)).isInstanceOf(ArticleFileException.class)
                .hasMessageContaining(reason);
    }

    private RawArticle single(Path file) throws ArticleFileException {
        List<RawArticle> articles = ArticleFiles.parse(file);
        assertThat(articles).hasSize(1);
        return articles.get(0);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
