package io.newsflow.ingest.feeds.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Turns the HTML of a feed item into plain paragraphs separated by a blank line. */
public final class FeedHtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
            "section", "article", "header", "footer", "figure", "figcaption", "table", "tr", "dd", "dt", "hr");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "iframe", "template", "object");

    /** Compiled once, not per paragraph. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private FeedHtmlText() {
    }

    public static String paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Element body = Jsoup.parseBodyFragment(html).body();
        body.traverse(new NodeVisitor() {
            /** Skipped elements open around the current node: carried down the walk, never looked up. */
            private int openSkipped;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && openSkipped == 0) {
                    current.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    if (SKIPPED.contains(element.normalName())) {
                        openSkipped++;
                    }
                    if (BLOCKS.contains(element.normalName())) {
                        flush(current, paragraphs);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    if (BLOCKS.contains(element.normalName())) {
                        flush(current, paragraphs);
                    }
                    if (SKIPPED.contains(element.normalName())) {
                        openSkipped--;
                    }
                }
            }
        });
        flush(current, paragraphs);
        return String.join("\n\n", paragraphs);
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        String paragraph = current.toString().replace('\u00a0', ' ');
        paragraph = WHITESPACE.matcher(paragraph).replaceAll(" ").trim();
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
        current.setLength(0);
    }
}
