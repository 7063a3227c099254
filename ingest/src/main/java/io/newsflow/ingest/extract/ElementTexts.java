package io.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What the extractor asks of every element's text ({@link Element#text()}'s length, its comma-separated
 * parts, the length of its link text, its paragraphs) and whether one element holds another, found in one
 * pass over a tree. Calling {@code text()} or {@code parents()} per element costs the size of its subtree
 * or its depth: on a page of 100,000 nested tags that is 10^10 steps. Here the tree's text is accumulated
 * once, the way jsoup's {@code text()} does, and each element is a slice of it: inside a slice the
 * accumulation matches the element's own {@code text()} up to leading and trailing spaces, which
 * {@code text()} trims. {@code ElementTextsTest} checks this against {@code text()} on real pages.
 * Valid as long as the tree is not changed.
 */
final class ElementTexts {

    private final Map<Element, Integer> ordinals = new IdentityHashMap<>();
    private final List<Element> elements = new ArrayList<>();
    private int[] parent = new int[64];
    private int[] start = new int[64];
    private int[] lastVisible = new int[64];
    private int[] trailingSeparators = new int[64];
    private int[] separators = new int[64];
    private int[] post = new int[64];
    private int[] length;
    private int[] linked;
    private int[] paragraphs;

    private ElementTexts() {
    }

    /**
     * Figures for every element of the tree {@code element} belongs to (a clone of {@code <body>} still hangs
     * under a shell document, and the scoring reaches up to it).
     */
    static ElementTexts of(Element element) {
        ElementTexts texts = new ElementTexts();
        texts.accumulate(element.root());
        return texts;
    }

    /** {@code element.text().length()}. */
    int length(Element element) {
        return length[ordinal(element)];
    }

    /** {@code element.text().split("[,，、]").length}. */
    int commaParts(Element element) {
        int i = ordinal(element);
        if (length[i] == 0) {
            return 1;
        }
        int trailing = Math.min(trailingSeparators[i], length[i]);
        // split drops trailing empty parts; a text made only of separators has no part at all
        return trailing == length[i] ? 0 : separators[i] + 1 - trailing;
    }

    /** The summed text length of {@code element.select("a")}. */
    int linkedLength(Element element) {
        return linked[ordinal(element)];
    }

    /** {@code element.select("p").size()}. */
    int paragraphs(Element element) {
        return paragraphs[ordinal(element)];
    }

    /** Whether {@code inner} lies inside {@code outer} (not the same element). */
    boolean contains(Element outer, Element inner) {
        int o = ordinal(outer);
        int i = ordinal(inner);
        return o < i && post[i] < post[o];
    }

    /** The element's place in document order. */
    int order(Element element) {
        return ordinal(element);
    }

    private int ordinal(Element element) {
        Integer ordinal = ordinals.get(element);
        if (ordinal == null) {
            throw new IllegalArgumentException("element not in the indexed tree: <" + element.tagName() + ">");
        }
        return ordinal;
    }

    private void accumulate(Element root) {
        Accumulator accumulator = new Accumulator();
        NodeTraversor.traverse(accumulator, root);
        measure(accumulator.text);
    }

    /** jsoup's text accumulation ({@code Element.TextAccumulator}), noting where each element starts and ends. */
    private final class Accumulator implements NodeVisitor {
        private final StringBuilder text = new StringBuilder();
        private int[] open = new int[64];
        private int depth;
        private int separatorCount;
        private int scanned;
        private int posts;
        /** Index of the last non-whitespace character, and the run of separators ending there. */
        private int visible = -1;
        private int separatorRun;

        @Override
        public void head(Node node, int ignored) {
            if (node instanceof TextNode textNode) {
                if (preservesWhitespace(textNode.parentNode()) || textNode instanceof CDataNode) {
                    text.append(textNode.getWholeText());
                } else {
                    StringUtil.appendNormalisedWhitespace(text, textNode.getWholeText(), endsWithSpace(text));
                }
                scan();
            } else if (node instanceof Element element) {
                if (text.length() > 0 && (element.isBlock() || element.nameIs("br")) && !endsWithSpace(text)) {
                    text.append(' ');
                }
                int i = add(element, depth == 0 ? -1 : open[depth - 1]);
                start[i] = text.length();
                separators[i] = separatorCount;
                if (depth == open.length) {
                    open = Arrays.copyOf(open, open.length * 2);
                }
                open[depth++] = i;
            }
        }

        @Override
        public void tail(Node node, int ignored) {
            if (node instanceof Element element) {
                int i = open[--depth];
                separators[i] = separatorCount - separators[i];
                lastVisible[i] = visible;
                trailingSeparators[i] = separatorRun;
                post[i] = posts++;
                Node next = node.nextSibling();
                if (!element.tag().isInline() && (next instanceof TextNode
                        || next instanceof Element e && e.tag().isInline()) && !endsWithSpace(text)) {
                    text.append(' ');
                    scanned = text.length();
                }
            }
        }

        private void scan() {
            for (int at = scanned; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c > ' ') {
                    boolean separator = c == ',' || c == '，' || c == '、';
                    separatorRun = separator ? (visible == at - 1 ? separatorRun + 1 : 1) : 0;
                    visible = at;
                    if (separator) {
                        separatorCount++;
                    }
                }
            }
            scanned = text.length();
        }
    }

    /** Trims each slice (starts and ends both come in text order, so one forward sweep) and sums up the tree. */
    private void measure(StringBuilder text) {
        int n = elements.size();
        length = new int[n];
        linked = new int[n];
        paragraphs = new int[n];
        int firstVisible = 0;
        for (int i = 0; i < n; i++) {
            firstVisible = Math.max(firstVisible, start[i]);
            while (firstVisible < text.length() && text.charAt(firstVisible) <= ' ') {
                firstVisible++;
            }
            length[i] = lastVisible[i] >= firstVisible ? lastVisible[i] + 1 - firstVisible : 0;
        }
        // Elements are numbered in document order: children come after their parent, so summing from the end
        // hands each subtree's figures up before its parent is read.
        for (int i = n - 1; i >= 0; i--) {
            Element element = elements.get(i);
            if (element.nameIs("a")) {
                linked[i] += length[i];
            }
            if (element.nameIs("p")) {
                paragraphs[i]++;
            }
            if (parent[i] >= 0) {
                linked[parent[i]] += linked[i];
                paragraphs[parent[i]] += paragraphs[i];
            }
        }
    }

    private int add(Element element, int parentOrdinal) {
        int i = elements.size();
        elements.add(element);
        ordinals.put(element, i);
        if (i == parent.length) {
            int size = i * 2;
            parent = Arrays.copyOf(parent, size);
            start = Arrays.copyOf(start, size);
            lastVisible = Arrays.copyOf(lastVisible, size);
            trailingSeparators = Arrays.copyOf(trailingSeparators, size);
            separators = Arrays.copyOf(separators, size);
            post = Arrays.copyOf(post, size);
        }
        parent[i] = parentOrdinal;
        return i;
    }

    private static boolean endsWithSpace(StringBuilder text) {
        return text.length() != 0 && text.charAt(text.length() - 1) == ' ';
    }

    /** As jsoup decides it: the text's element or one of its five nearest ancestors keeps whitespace (pre, textarea). */
    private static boolean preservesWhitespace(Node node) {
        if (node instanceof Element element) {
            int level = 0;
            do {
                if (element.tag().preserveWhitespace()) {
                    return true;
                }
                element = element.parent();
                level++;
            } while (level < 6 && element != null);
        }
        return false;
    }
}
