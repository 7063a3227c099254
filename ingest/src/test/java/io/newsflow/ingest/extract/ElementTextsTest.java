package io.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.text.TextDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The one-pass figures must be exactly what jsoup's per-element calls give, or extraction would change. */
class ElementTextsTest {

    private static final String[] PAGES = {
        "7916ecca969ffdd8f6fc32d171fbe0dd63db40fe4c1d2ade02b1dec5929a162f",
        "4648a420af9984d45b76a4afedf4f74965f8a2e0bf1c69bd3da2dc189020f3c9",
        "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f",
        "42aad16bde9288623543642a9ce1a396be83e2db44aa2ff8cbbfe46e14abd7cc",
        "359fee228518d55b921194561e9ca88e428df81940246f8fac7a75398377daea",
        "0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2",
    };

    @Test
    void matchesJsoupOnEveryElementOfRealPages() throws IOException {
        for (String page : PAGES) {
            byte[] html;
            try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/extraction/" + page + ".html.gz"))) {
                html = in.readAllBytes();
            }
            assertMatchesJsoup(Jsoup.parse(TextDecoder.decode(html, true).text()).body());
        }
    }

    @Test
    void matchesJsoupOnWhitespaceSeparatorsAndLinksAtTheEdges() {
        assertMatchesJsoup(Jsoup.parse("""
                <body> <div>  lead <p>One, two,, three,</p>tail<span>,,</span><br>x
                <pre>  kept
                  <b> , spaced ,  </b>\u00a0</pre><p> ,a, </p><div><a href=x>link, <a href=y>inner</a></a> text
                <blockquote><blockquote> deep, <em>er</em></blockquote>, out</blockquote>
                <ul><li>one<li>two, <p>para</p></ul><textarea> raw  , </textarea>&nbsp;<p></p>、，,</div>
                <![CDATA[ cdata, ]]> <table><tr><td>cell,<td> other </table>end\u200b,</div></body>""").body());
    }

    private static void assertMatchesJsoup(Element root) {
        ElementTexts texts = ElementTexts.of(root);
        List<Element> all = root.getAllElements();
        for (Element element : all) {
            String text = element.text();
            String where = "<" + element.tagName() + "> " + text;
            assertThat(texts.length(element)).as("length of %s", where).isEqualTo(text.length());
            assertThat(texts.commaParts(element)).as("parts of %s", where).isEqualTo(text.split("[,，、]").length);
            int linked = 0;
            for (Element link : element.select("a")) {
                linked += link.text().length();
            }
            assertThat(texts.linkedLength(element)).as("link text of %s", where).isEqualTo(linked);
            assertThat(texts.paragraphs(element)).as("paragraphs of %s", where).isEqualTo(element.select("p").size());
        }
        List<Element> sample = new ArrayList<>(all.subList(0, Math.min(all.size(), 300)));
        for (Element outer : sample) {
            for (Element inner : sample) {
                assertThat(texts.contains(outer, inner)).as("<%s> holds <%s>", outer.tagName(), inner.tagName())
                        .isEqualTo(outer != inner && inner.parents().contains(outer));
            }
        }
    }
}
