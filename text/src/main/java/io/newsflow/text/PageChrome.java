package io.newsflow.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Page chrome: the lines a copy-paste or a scraper leaves around an article, such as navigation crumbs,
 * headers of link lists ("Related news", "Most popular in 24h"), share/print/comment widgets, cookie
 * notices, copyright and licence footers. Long lines are never chrome: an article's own sentences stay whole.
 *
 * <p>Two stages ask two questions. Ingest, reading a dropped text, classifies each line
 * ({@link #isChrome}, {@link #isSectionHeader}, {@link #isFooterStart}) and adds context rules of its own
 * (a footer runs to the end, a link list runs until the next real paragraph). Enrich, cleaning a body it
 * receives, keeps the lines that read like prose ({@link #strip}): a coarser test that also keeps short
 * datelines, since grouping reads dates from the text. The two tests decide differently on some lines
 * ("cookie" anywhere is chrome to {@code strip}, only cookie notices are to {@code isChrome}), so each
 * keeps its own phrases; word counting and the long-line limit are one.
 */
public final class PageChrome {

    /** Lines longer than this many words are article text, whatever they contain. */
    private static final int MAX_CHROME_WORDS = 25;

    // The phrases and shapes of isChrome, isSectionHeader and isFooterStart.

    /** Whole-line labels of link lists and widgets; what follows them up to the next paragraph is a link list. */
    private static final Pattern SECTION_HEADER = Pattern.compile("(?i)^("
            + "related( news| articles?| stories| content| coverage| posts| links| topics)?"
            + "|most (popular|read|viewed|shared|commented)( in \\d+ ?h(ours)?| today| this week| news| stories)?"
            + "|more ?top news|top (news|stories)|more (news|stories|from [\\p{L} ]{1,30})|latest (news|stories)"
            + "|you (may|might) (also )?(like|be interested in)|recommended( for you| stories| articles)?"
            + "|read (more|also|next)|see also|also read|trending( now| stories)?|editor'?s picks?|popular( now)?"
            + "|in case you missed it|don'?t miss|what to read next|further reading|tags?|topics?"
            + ")\\s*:?$");

    /** Whole-line widget labels. */
    private static final Pattern WIDGET_LINE = Pattern.compile("(?i)^("
            + "back to top|leave a (comment|reply)|post a comment|\\d* ?comments?|show comments|add comment|reply"
            + "|share( this)?( article| story| on \\w+)?|print( this)?( article| page)?|e-?mail( this)?( article)?"
            + "|advertisement|sponsored( content)?|skip to (main )?content|subscribe( now)?|sign (in|up)|log ?in"
            + "|follow us( on [\\p{L} ,&]+)?|download (our|the) app|listen to (this )?article|copy link"
            + "|font size|text size|photo|video|image|click here|loading\\.*|view (all|more)|load more"
            + ")\\s*[:.!]?$");

    /** Phrases that mark a short line as chrome wherever they occur in it. */
    private static final Pattern CHROME_PHRASE = Pattern.compile("(?i)("
            + "all rights reserved|copyright\\s*(©|\\(c\\)|\\d{4})|©\\s*\\d{4}|\\(c\\)\\s*\\d{4}"
            + "|reproduction in whole or in part|without (prior )?(written )?permission is prohibited"
            + "|may not be (re)?published|privacy policy|terms (of (use|service)|and conditions)|cookie (policy|settings|preferences)"
            + "|(this|our) (site|website|page) uses \\w+|we use cookies|accept (all )?cookies"
            + "|to (write|post|leave) (a )?comments?|please log ?in|log ?in to (your )?\\w+|sign in to comment"
            + "|comments? (are|is) (closed|moderated)|app download|download (our|the) app"
            + "|subscribe to (our|the) newsletter|sign up for (our|the) newsletter|newsletter sign-?up"
            + "|share (on|via) (facebook|twitter|x|whatsapp|linkedin|e-?mail)|follow us on"
            + "|icp[备证]|公网安备|\\(\\s*\\d+\\s*/\\s*\\d+\\s*\\S{0,2}\\)"  // Chinese site licences; "(0/250)" counters
            + ")");

    /**
     * Wire credit lines: "Reporting by Jane Doe; Editing by Mark Heinrich", "(Additional reporting by ...)". They
     * name a desk's staff, who sign story after story: left in, unrelated stories of one agency share names.
     */
    private static final Pattern CREDIT_LINE = Pattern.compile("(?i)^[(\\[]?(additional |further )?"
            + "(reporting|writing|editing|compiled|reported|research|produced|translated|written)( and \\w+)? by\\b");

    /** Words that only ever make up toolbars ("print dictionary print", "lock icon"). */
    private static final Set<String> TOOLBAR_WORDS = Set.of("print", "share", "email", "e-mail", "mail",
            "comment", "comments", "font", "size", "a", "a+", "a-", "aa", "tweet", "facebook", "twitter", "x",
            "whatsapp", "linkedin", "reddit", "pinterest", "telegram", "wechat", "weibo", "kakaotalk", "line",
            "copy", "link", "save", "listen", "icon", "lock", "menu", "search", "close", "subscribe", "login",
            "log", "in", "out", "sign", "up", "home", "text", "zoom", "more", "bookmark", "s", "t", "f", "|", "+", "-");

    /** Longest line read as a toolbar of lower-case labels ("print dictionary print"). */
    private static final int MAX_TOOLBAR_WORDS = 4;
    // compiled once: String.split and String.matches compile their pattern on every call
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern ENDS_AS_SENTENCE = Pattern.compile(".*[.!?\"”]$");
    private static final Pattern ENDS_WITH_STOP = Pattern.compile(".*[.!?]$");

    /** Markup identifiers left in copied text: "help-image", "share_button". */
    private static final Pattern MARKUP_IDENTIFIER = Pattern.compile("^[a-z]+([-_][a-z]+)+$");

    /** Crumb separators: "Home > National > Diplomacy", "CHINA / DIPLOMACY", "About Us | Jobs". */
    private static final Pattern CRUMB_SEPARATOR = Pattern.compile("\\s+[>»›|/]\\s+|\\s*[»›|]\\s*");

    // The phrases and shapes of strip.

    /** Phrases of widgets, footers and link lists, whatever the site: a short line holding one is chrome. */
    private static final List<String> CHROME_MARKERS = List.of(
            "copyright", "all rights reserved", "log in", "sign up", "subscribe", "related article",
            "related news", "most popular", "leave a comment", "you may also like", "privacy policy",
            "cookie", "this site uses", "please log in", "back to top", "app download");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\"”’')]\\s*$");
    private static final Pattern HAS_DATE = Pattern.compile(
            "\\b(19|20)\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b");
    /** A short line of lower-case words with no sentence ending: a toolbar ("print dictionary print"), not prose. */
    private static final Pattern LOWER_CASE_LABELS = Pattern.compile("^[\\p{Ll}\\s-]+$");

    private PageChrome() {
    }

    /** True when the line, on its own, is page chrome. */
    public static boolean isChrome(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return false;
        }
        int words = wordCount(text);
        if (words > MAX_CHROME_WORDS) {
            return false;
        }
        return isSectionHeader(text) || WIDGET_LINE.matcher(text).matches() || CHROME_PHRASE.matcher(text).find()
                || CREDIT_LINE.matcher(text).find() || isToolbar(text) || isCrumbs(text);
    }

    /** True for headers of link lists ("Related news"): the short lines after one are links, not text. */
    public static boolean isSectionHeader(String line) {
        return SECTION_HEADER.matcher(line.strip()).matches();
    }

    /** True for copyright and licence lines: what follows them is footer. */
    public static boolean isFooterStart(String line) {
        String text = line.strip();
        return wordCount(text) <= MAX_CHROME_WORDS
                && (CHROME_PHRASE.matcher(text).find() && text.toLowerCase(Locale.ROOT).matches(
                        ".*(copyright|©|\\(c\\)|all rights reserved|reproduction in whole).*")
                || text.toLowerCase(Locale.ROOT).startsWith("back to top"));
    }

    /**
     * The body without the lines that are chrome rather than prose; paragraphs stay separated by a blank line.
     * Left in, chrome makes unrelated articles from one site look alike.
     */
    public static String strip(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String raw : LINE_BREAK.split(body)) {
            String line = raw.strip();
            if (!line.isEmpty() && isProse(line)) {
                kept.add(line);
            }
        }
        return String.join("\n\n", kept);
    }

    /** A stripped line reads like prose: enough words, or a sentence ending; or it is a short dateline. */
    static boolean isProse(String line) {
        int words = wordCount(line, MAX_CHROME_WORDS);
        // A line of exactly MAX_CHROME_WORDS words is prose here, whatever phrase it holds.
        if (words < MAX_CHROME_WORDS) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String marker : CHROME_MARKERS) {
                if (lower.contains(marker)) {
                    return false;
                }
            }
            if (CREDIT_LINE.matcher(line).find()) {
                return false;
            }
        }
        if (words >= 8) {
            return true;
        }
        if (LOWER_CASE_LABELS.matcher(line).matches()) {
            return false;
        }
        if (HAS_DATE.matcher(line).find()) {
            return true;
        }
        return words >= 4 && SENTENCE_END.matcher(line).find();
    }

    /**
     * A toolbar: only widget words ("Share Tweet Email"), or a few lower-case labels with no sentence ending
     * among which a widget word ("print dictionary print"), or a line opening with a markup identifier
     * ("help-image Social comment?"). Prose starts with a capital and ends with a stop.
     */
    static boolean isToolbar(String text) {
        String[] tokens = WHITE_SPACE.split(text);
        boolean allWidget = true;
        boolean anyWidget = false;
        for (String token : tokens) {
            boolean widget = TOOLBAR_WORDS.contains(token.toLowerCase(Locale.ROOT));
            allWidget &= widget;
            anyWidget |= widget;
        }
        if (allWidget) {
            return true;
        }
        if (tokens.length <= MAX_TOOLBAR_WORDS && anyWidget && text.equals(text.toLowerCase(Locale.ROOT))
                && !ENDS_AS_SENTENCE.matcher(text).matches()) {
            return true;
        }
        return tokens.length <= MAX_TOOLBAR_WORDS + 1 && MARKUP_IDENTIFIER.matcher(tokens[0]).matches();
    }

    static boolean isCrumbs(String text) {
        String[] segments = CRUMB_SEPARATOR.split(text);
        if (segments.length < 2) {
            return false;
        }
        boolean fromHome = segments[0].strip().equalsIgnoreCase("home");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i].strip();
            int words = wordCount(segment);
            boolean lastAfterHome = fromHome && i == segments.length - 1;
            if (words > (lastAfterHome ? 15 : 4) || !lastAfterHome && ENDS_WITH_STOP.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    /** How many words the text has once stripped, as {@code split("\\s+")} counts them; 0 for blank text. */
    public static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : wordCount(stripped, Integer.MAX_VALUE);
    }

    /**
     * How many words a stripped, non-empty line has, as {@code line.split("\\s+").length} counts them
     * (runs of regex whitespace), counting no further than {@code limit}: lines are often whole
     * paragraphs, and a caller may only need to know whether they reach a few words.
     */
    static int wordCount(String line, int limit) {
        int words = 1;
        boolean inSpace = false;
        for (int i = 0; i < line.length() && words < limit; i++) {
            boolean space = RegexWhitespace.is(line.charAt(i));
            if (space && !inSpace) {
                words++;
            }
            inSpace = space;
        }
        return words;
    }
}
