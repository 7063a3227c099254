package io.newsflow.ingest.feeds.parsing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A simple fallback extractor: the {@code <article>} element when there is one, else the element
 * holding the most paragraph text, reduced to its paragraphs. Meant to be replaced by the
 * readability-style extractor of the extract package.
 */
public final class ParagraphTextExtractor implements ArticleTextExtractor {

    @Override
    public String extract(String html, String url) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document page = Jsoup.parse(html, url == null ? "" : url);
        page.select("script, style, noscript, nav, header, footer, aside, form, iframe").remove();
        Element article = page.selectFirst("article");
        if (article == null) {
            article = densestParagraphParent(page);
        }
        return article == null ? "" : FeedHtmlText.paragraphs(article.select("p, h2, h3, li, blockquote").outerHtml());
    }

    private static Element densestParagraphParent(Document page) {
        Element best = null;
        int bestLength = 0;
        for (Element paragraph : page.select("p")) {
            Element parent = paragraph.parent();
            if (parent == null) {
                continue;
            }
            int length = 0;
            for (Element child : parent.children()) {
                if (child.normalName().equals("p")) {
                    length += child.text().length();
                }
            }
            if (length > bestLength) {
                bestLength = length;
                best = parent;
            }
        }
        return best;
    }
}
