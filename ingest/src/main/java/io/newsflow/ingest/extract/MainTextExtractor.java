package io.newsflow.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main text of an article page, the way Mozilla's Readability does: throw away what is
 * never article text (scripts, navigation, forms, hidden elements, boxes whose class or id says
 * "comment", "sidebar", "related", ...), score each block that holds paragraphs by the amount of
 * prose in it (length, commas) minus its link density, and keep the best block plus the siblings that
 * score close to it. Stateless and thread-safe; one instance can serve every reader.
 */
public final class MainTextExtractor {

    private static final Pattern UNLIKELY = Pattern.compile("(?i)-ad-|ai2html|banner|breadcrumb|combx|comment|community"
            + "|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar"
            + "|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share"
            + "|newsletter|promo|cookie|consent|subscribe|signup|outbrain|taboola|recommend|trending|most-?popular"
            + "|nav|toolbar|widget|byline-?tools|print|tags");
    /** Picture captions, credits, bylines and datelines: never article prose, whatever else the class says. */
    private static final Pattern CAPTION = Pattern.compile("(?i)caption|credit|byline|dateline|timestamp|gallery|slideshow|tooltip|hovercard|popover|(rollover|hover)\\S*(block|card|box|content|panel)"
            + "|(^|[-_ ])(date|time|tags?|share|sharing|social|author|meta)([-_ ]|$)");
    private static final Pattern MAYBE = Pattern.compile("(?i)and|article|body|column|content|main|shadow|story|post|entry|text");
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|hentry|h-entry|main|page"
            + "|pagination|post|text|blog|story|paragraph|prose");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment"
            + "|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox"
            + "|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|newsletter|caption|credit|byline|author|subscribe");
    private static final Set<String> ALWAYS_REMOVED = Set.of("script", "style", "noscript", "iframe", "nav",
            "aside", "footer", "button", "input", "select", "textarea", "svg", "canvas", "template", "object", "embed",
            "header", "menu", "dialog", "figure", "figcaption", "picture", "video", "audio", "map", "link", "meta");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol", "dl",
            "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "br",
            "hr", "figcaption", "address", "center", "tbody", "thead");
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote", "li", "h2", "h3", "h4");
    /** Compiled once: a page of 100,000 tiny paragraphs would otherwise compile these 100,000 times. */
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F]+");
    private static final Pattern JSON_LD_TYPE = Pattern.compile("(?i).*(article|posting|report).*");

    private static final int MIN_TEXT_LENGTH = 250;
    private static final int MIN_SPLIT_CANDIDATES = 2;

    private final ObjectMapper json = new ObjectMapper();

    /** The main text of the page, paragraphs separated by a blank line; empty when the page has none. */
    public String extract(String html, String baseUrl) {
        return page(html, baseUrl).text();
    }

    /** The main text and what the page says about itself (title, canonical URL, date, language, outlet). */
    public ExtractedPage page(String html, String baseUrl) {
        Document document = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        JsonNode article = jsonLdArticle(document);
        Map<String, String> metas = metas(document);
        String title = firstNonBlank(meta(metas, "og:title"), meta(metas, "twitter:title"),
                text(article, "headline"), firstText(document, "h1"), document.title());
        String url = firstNonBlank(document.select("link[rel=canonical]").attr("abs:href"), meta(metas, "og:url"),
                baseUrl);
        String published = firstNonBlank(meta(metas, "article:published_time"), meta(metas, "og:published_time"),
                text(article, "datePublished"), meta(metas, "date"), meta(metas, "pubdate"),
                meta(metas, "publishdate"), meta(metas, "dc.date"), meta(metas, "dc.date.issued"),
                meta(metas, "sailthru.date"), document.select("time[datetime]").attr("datetime"));
        String language = firstNonBlank(document.select("html").attr("lang"), meta(metas, "og:locale"),
                meta(metas, "content-language"));
        String siteName = firstNonBlank(meta(metas, "og:site_name"), article == null ? null
                : text(article.path("publisher"), "name"), meta(metas, "application-name"));
        String author = firstNonBlank(meta(metas, "author"), meta(metas, "article:author"),
                article == null ? null : authorName(article.get("author")));
        String text = mainText(document);
        String fromJsonLd = article == null ? null : text(article, "articleBody");
        if (fromJsonLd != null && fromJsonLd.length() > text.length() * 2) {
            text = fromJsonLd.strip();
        }
        if (language != null) {
            language = language.replace('_', '-');
        }
        text = withoutHeadline(text, title, firstText(document, "h1"));
        return new ExtractedPage(title == null ? "" : clean(title), text, emptyToNull(url), emptyToNull(published),
                emptyToNull(language), emptyToNull(siteName), emptyToNull(author));
    }

    private String mainText(Document document) {
        Element body = document.body();
        if (body == null) {
            return "";
        }
        String text = mainText(body, true);
        if (text.length() < MIN_TEXT_LENGTH) {
            // Like Readability: when pruning by class names left too little, the names misled; try without.
            String unpruned = mainText(body, false);
            if (unpruned.length() > text.length()) {
                text = unpruned;
            }
        }
        return text;
    }

    private static String mainText(Element body, boolean pruneUnlikely) {
        Element root = body.clone();
        prune(root, pruneUnlikely);
        ElementTexts texts = ElementTexts.of(root);
        // Insertion (document) order, so that of equal candidates the first wins on every run; an identity map
        // iterated in hash order made the choice depend on the JVM's identity hashes. jsoup's nodes compare by
        // identity, so keys stay distinct.
        Map<Element, Double> scores = new LinkedHashMap<>();
        Element best = bestCandidate(root, texts, scores);
        List<Element> kept = best == null ? List.of(root)
                : withSameKindChunks(root, best, withRelatedSiblings(best, texts, scores), texts, scores);
        List<Paragraph> paragraphs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element element : kept) {
            for (Paragraph paragraph : paragraphs(element)) {
                if (!paragraph.inlineBoilerplate() && seen.add(paragraph.text())) {
                    paragraphs.add(paragraph);
                }
            }
        }
        // The block that holds the article often also holds a byline and date above it and tags, share
        // buttons and "more stories" links below: short or link-made lines at either edge are not prose.
        int from = 0;
        int to = paragraphs.size();
        while (to > from && paragraphs.get(to - 1).edgeBoilerplate()) {
            to--;
        }
        while (from < to && paragraphs.get(from).edgeBoilerplate()) {
            from++;
        }
        List<String> lines = new ArrayList<>();
        for (Paragraph paragraph : paragraphs.subList(from, to)) {
            lines.add(paragraph.text());
        }
        return String.join("\n\n", lines);
    }

    /** One block of text; {@code linked} when most of its characters are link text. */
    private record Paragraph(String text, boolean linked) {

        private static final Pattern SENTENCE_END = Pattern.compile("[.!?…\"”’»)。！？]$");
        /** Calls to action that close (or open) an article: sharing, following, subscribing, commenting. */
        private static final Pattern CALL_TO_ACTION = Pattern.compile("(?i)\\b(subscribe|newsletter|click here|sign up"
                + "|share (it|this)|follow (us|him|her|them)|tell us what|leave a comment|post a comment|short url"
                + "|may be reached at|all rights reserved|copyright)\\b|©");

        private static final Pattern AD_LABEL = Pattern.compile("(?i)(advert|advertisement|advertising|ad|anzeige|publicidad"
                + "|publicité|sponsored( content)?|(continue|keep) reading( below)?|(story|article) continues( below)?"
                + "( advertisement)?|scroll to continue( with content)?)\\W*");

        /** Ad labels, and headlines of other stories given in capitals as links ("READ MORE"-style teasers). */
        boolean inlineBoilerplate() {
            return AD_LABEL.matcher(text).matches() || linked && mostlyCapitals(text);
        }

        private static boolean mostlyCapitals(String text) {
            int letters = 0;
            int upper = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    }
                }
            }
            return letters >= 10 && upper > letters * 0.8;
        }

        boolean edgeBoilerplate() {
            int words = WHITESPACE.split(text).length;
            return linked || words < 8 && !SENTENCE_END.matcher(text).find()
                    || words < 40 && CALL_TO_ACTION.matcher(text).find();
        }
    }

    /** The headline is reported as the title; repeated at the top of the text it is noise. */
    private static String withoutHeadline(String text, String... headlines) {
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n")));
        Set<String> drop = new HashSet<>();
        for (String headline : headlines) {
            if (headline != null && !headline.isBlank()) {
                drop.add(clean(headline).toLowerCase(Locale.ROOT));
            }
        }
        paragraphs.removeIf(paragraph -> drop.contains(paragraph.toLowerCase(Locale.ROOT)));
        return String.join("\n\n", paragraphs);
    }

    /** Removes what is never article text. */
    private static void prune(Element root, boolean pruneUnlikely) {
        removeAll(root.select(String.join(",", ALWAYS_REMOVED)));
        removeAll(root.select("[hidden],[aria-hidden=true],[role=navigation],[role=banner],[role=contentinfo],"
                + "[role=complementary],[role=dialog],[style~=(?i)display:\\s*none],[style~=(?i)visibility:\\s*hidden]"));
        if (!pruneUnlikely) {
            return;
        }
        ElementTexts texts = ElementTexts.of(root);
        List<Element> unlikely = new ArrayList<>();
        for (Element element : root.getAllElements()) {
            if (element == root || element.tagName().equals("article") || element.tagName().equals("main")
                    || element.tagName().equals("body")) {
                continue;
            }
            String signature = element.className() + " " + element.id();
            if (signature.isBlank()) {
                continue;
            }
            if (UNLIKELY.matcher(signature).find() && !MAYBE.matcher(signature).find()
                    || CAPTION.matcher(signature).find() && small(element, texts)) {
                unlikely.add(element);
            }
        }
        removeAll(unlikely);
    }

    /**
     * Takes the elements out of the tree, rebuilding each parent's children once: jsoup's remove() shifts
     * (and looks up) the following siblings every time, quadratic on 100,000 side by side.
     */
    private static void removeAll(List<Element> elements) {
        Map<Element, Set<Node>> removedByParent = new IdentityHashMap<>();
        for (Element element : elements) {
            Element parent = element.parent();
            if (parent != null) {
                removedByParent.computeIfAbsent(parent, p -> Collections.newSetFromMap(new IdentityHashMap<>()))
                        .add(element);
            }
        }
        removedByParent.forEach((parent, removed) -> {
            List<Node> kept = new ArrayList<>(parent.childNodeSize());
            for (Node child : parent.childNodes()) {
                if (!removed.contains(child)) {
                    kept.add(child);
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        });
    }

    /**
     * Captions, bylines and cards are small; a big box with such a class is a post container whose class
     * list merely names its tags or author (WordPress's "tag-news author-jane"), so it stays.
     */
    private static boolean small(Element element, ElementTexts texts) {
        return texts.paragraphs(element) < 3 && texts.length(element) < 600;
    }

    /** Readability's scoring: each paragraph gives points to its parent and, halved, to its grandparent. */
    private static Element bestCandidate(Element root, ElementTexts texts, Map<Element, Double> scores) {
        for (Element element : root.getAllElements()) {
            if (!isParagraph(element)) {
                continue;
            }
            int length = texts.length(element);
            if (length < 25) {
                continue;
            }
            double score = 1 + texts.commaParts(element) - 1 + Math.min(length / 100, 3);
            Element parent = element.parent();
            int level = 0;
            while (parent != null && level < 3) {
                double share = level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
                scores.merge(parent, share + (scores.containsKey(parent) ? 0 : initialScore(parent)), Double::sum);
                parent = parent.parent();
                level++;
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = entry.getValue() * (1 - linkDensity(entry.getKey(), texts));
            entry.setValue(score);
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        if (best == null) {
            return null;
        }
        // Like Readability: when several other strong candidates sit under one ancestor of the winner, the
        // article is split over boxes (ads, "chunks" between paragraphs) and that ancestor holds it whole.
        List<Element> alternatives = new ArrayList<>();
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            Element candidate = entry.getKey();
            if (candidate != best && entry.getValue() >= bestScore * 0.75
                    && !texts.contains(best, candidate) && !texts.contains(candidate, best)) {
                alternatives.add(candidate);
            }
        }
        Element holder = lowestHolding(best, root, alternatives, texts);
        if (holder != null) {
            best = holder;
            bestScore = Math.max(bestScore, scores.getOrDefault(holder, 0.0));
            scores.put(holder, bestScore);
        }
        // A parent that collects nearly as much as the winner holds the article split over several boxes.
        Element parent = best.parent();
        while (parent != null && parent != root.parent() && scores.containsKey(parent)
                && scores.get(parent) >= bestScore * 0.8 && !parent.tagName().equals("body")) {
            best = parent;
            bestScore = scores.get(parent);
            parent = parent.parent();
        }
        // The scores stay in the map: an attribute per element would cost a walk up to the document each
        // (jsoup's attr(key, value) looks up the owner document), quadratic on a deep page.
        return best;
    }

    /**
     * The nearest ancestor of the winner (below the root) that holds {@link #MIN_SPLIT_CANDIDATES} of the
     * alternatives, or null. The ancestors are nested, so for each alternative a binary search finds the
     * nearest one holding it: no walk up from every alternative, which a deep page makes quadratic.
     */
    private static Element lowestHolding(Element best, Element root, List<Element> alternatives, ElementTexts texts) {
        if (alternatives.size() < MIN_SPLIT_CANDIDATES) {
            return null;
        }
        List<Element> ancestors = new ArrayList<>();
        for (Element ancestor = best.parent(); ancestor != null && ancestor != root; ancestor = ancestor.parent()) {
            ancestors.add(ancestor);
        }
        int[] nearest = new int[alternatives.size()];
        for (int a = 0; a < nearest.length; a++) {
            Element alternative = alternatives.get(a);
            int low = 0;
            int high = ancestors.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (texts.contains(ancestors.get(middle), alternative)) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            nearest[a] = low;
        }
        java.util.Arrays.sort(nearest);
        int level = nearest[MIN_SPLIT_CANDIDATES - 1];
        return level < ancestors.size() ? ancestors.get(level) : null;
    }

    private static boolean isParagraph(Element element) {
        String tag = element.tagName();
        if (PARAGRAPH_TAGS.contains(tag)) {
            return true;
        }
        if (tag.equals("div") || tag.equals("section")) {
            for (Element child : element.children()) {
                if (BLOCKS.contains(child.tagName()) && !child.tagName().equals("br")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static double initialScore(Element element) {
        double score = switch (element.tagName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (element.tagName().equals("article") || element.tagName().equals("main")) {
            score += 10;
        }
        String signature = element.className() + " " + element.id();
        if (NEGATIVE.matcher(signature).find()) {
            score -= 25;
        }
        if (POSITIVE.matcher(signature).find()) {
            score += 25;
        }
        return score;
    }

    private static double linkDensity(Element element, ElementTexts texts) {
        int length = texts.length(element);
        if (length == 0) {
            return 0;
        }
        return Math.min(1, (double) texts.linkedLength(element) / length);
    }

    /** The best block and those of its siblings that look like more of the same article. */
    private static List<Element> withRelatedSiblings(Element best, ElementTexts texts, Map<Element, Double> scores) {
        Element parent = best.parent();
        if (parent == null) {
            return List.of(best);
        }
        double bestScore = scores.getOrDefault(best, 0.0);
        double threshold = Math.max(10, bestScore * 0.2);
        List<Element> kept = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                kept.add(sibling);
                continue;
            }
            double score = scores.getOrDefault(sibling, 0.0);
            String text = sibling.text();
            double density = linkDensity(sibling, texts);
            boolean prose = sibling.tagName().equals("p")
                    && (text.length() > 80 && density < 0.25 || text.length() > 0 && density == 0 && text.matches(".*\\.( |$).*"));
            if (score >= threshold || prose) {
                kept.add(sibling);
            }
        }
        return kept;
    }

    /**
     * Pages that cut the article into chunks (to put ads or asides between them) give every chunk the same
     * tag and class: the winner's look-alikes elsewhere in the page that hold prose are more of the article.
     */
    private static List<Element> withSameKindChunks(Element root, Element best, List<Element> kept,
                                                    ElementTexts texts, Map<Element, Double> scores) {
        if (best.className().isBlank()) {
            return kept;
        }
        // The chosen blocks never overlap (siblings at first, then only blocks apart from all of them): in
        // document order, the chosen one just before an element is the only one that can hold it, and the
        // one just after the only one to look at inside it.
        TreeMap<Integer, Element> chosen = new TreeMap<>();
        for (Element element : kept) {
            chosen.put(texts.order(element), element);
        }
        double threshold = Math.max(10, scores.getOrDefault(best, 0.0) * 0.2);
        boolean added = false;
        for (Element element : root.getAllElements()) {
            int order = texts.order(element);
            if (!chosen.containsKey(order) && element.tagName().equals(best.tagName())
                    && element.className().equals(best.className()) && scores.getOrDefault(element, 0.0) >= threshold
                    && linkDensity(element, texts) < 0.3 && !nestedIn(element, order, chosen, texts)
                    && !containsAny(element, order, chosen, texts)) {
                chosen.put(order, element);
                added = true;
            }
        }
        if (!added) {
            return kept;
        }
        return new ArrayList<>(chosen.values());
    }

    private static boolean nestedIn(Element element, int order, TreeMap<Integer, Element> chosen, ElementTexts texts) {
        Map.Entry<Integer, Element> before = chosen.lowerEntry(order);
        return before != null && texts.contains(before.getValue(), element);
    }

    private static boolean containsAny(Element element, int order, TreeMap<Integer, Element> chosen,
                                       ElementTexts texts) {
        Map.Entry<Integer, Element> after = chosen.higherEntry(order);
        return after != null && texts.contains(element, after.getValue());
    }

    /**
     * The element's text as paragraphs: block elements and line breaks start new ones; each knows whether
     * it is made mostly of link text.
     */
    private static List<Paragraph> paragraphs(Element element) {
        List<Paragraph> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int[] linked = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            /** Links open around the current node, below {@code element}: carried down, never looked up. */
            private int openLinks;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    String text = textNode.getWholeText();
                    current.append(text);
                    if (openLinks > 0) {
                        linked[0] += text.strip().length();
                    }
                } else if (node instanceof Element e) {
                    if (e != element && e.tagName().equals("a")) {
                        openLinks++;
                    }
                    if (BLOCKS.contains(e.tagName())) {
                        flush(current, linked, result);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (BLOCKS.contains(e.tagName())) {
                        flush(current, linked, result);
                    }
                    if (e != element && e.tagName().equals("a")) {
                        openLinks--;
                    }
                }
            }
        }, element);
        flush(current, linked, result);
        return result;
    }

    private static void flush(StringBuilder current, int[] linked, List<Paragraph> into) {
        String paragraph = clean(current.toString());
        current.setLength(0);
        int linkedChars = linked[0];
        linked[0] = 0;
        if (paragraph.isEmpty() || linkLikeFragment(paragraph)) {
            return;
        }
        into.add(new Paragraph(paragraph, linkedChars > paragraph.length() * 0.6));
    }

    /** Lone very short fragments ("|", "»") between blocks are separators, not text. */
    private static boolean linkLikeFragment(String paragraph) {
        return paragraph.length() <= 2 && !Character.isLetterOrDigit(paragraph.codePointAt(0));
    }

    private static String clean(String text) {
        return SPACES.matcher(LINE_BREAKS.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    }

    private JsonNode jsonLdArticle(Document document) {
        for (Element script : document.select("script[type=application/ld+json]")) {
            try {
                JsonNode found = findArticle(json.readTree(script.data()));
                if (found != null) {
                    return found;
                }
            } catch (Exception e) {
                // a page's broken JSON-LD is the page's problem: the HTML is still there
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                JsonNode found = findArticle(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node.has("@graph")) {
            return findArticle(node.get("@graph"));
        }
        JsonNode type = node.get("@type");
        if (type != null && JSON_LD_TYPE.matcher(type.toString()).matches()) {
            return node;
        }
        return null;
    }

    private static String authorName(JsonNode author) {
        if (author == null) {
            return null;
        }
        if (author.isArray()) {
            Set<String> names = new LinkedHashSet<>();
            author.forEach(a -> {
                String name = authorName(a);
                if (name != null) {
                    names.add(name);
                }
            });
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return author.isTextual() ? author.asText() : text(author, "name");
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        return value.isValueNode() ? value.asText() : null;
    }

    /** The page's meta tags by name, property, itemprop or http-equiv (lower case), first one winning: one pass. */
    private static Map<String, String> metas(Document document) {
        Map<String, String> metas = new HashMap<>();
        for (Element meta : document.select("meta[content]")) {
            String content = meta.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String name = meta.attr(key);
                if (!name.isEmpty()) {
                    metas.putIfAbsent(name.toLowerCase(Locale.ROOT), content);
                }
            }
        }
        return metas;
    }

    private static String meta(Map<String, String> metas, String name) {
        return metas.get(name);
    }

    private static String firstText(Document document, String selector) {
        Element element = document.selectFirst(selector);
        return element == null ? null : element.text();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT).equals("null") ? null : value.strip();
    }
}
