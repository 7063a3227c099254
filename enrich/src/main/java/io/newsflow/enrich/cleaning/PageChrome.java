package io.newsflow.enrich.cleaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Drops the lines of an article body that are page chrome rather than prose: menus, breadcrumbs,
 * share buttons, "Related news", copyright and comment-box lines. Copy-pasted and scraped articles
 * keep them, and left in they make unrelated articles from one site look alike.
 *
 * <p>A line is kept when it reads like prose: enough words, or a sentence ending. Short lines
 * that carry a date (a dateline) are kept too, since grouping reads dates from the text.
 */
public final class PageChrome {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\"”’')]\\s*$");
    private static final Pattern HAS_DATE = Pattern.compile(
            "\\b(19|20)\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b");
    /** Phrases of widgets, footers and link lists, whatever the site: a short line holding one is chrome. */
    private static final List<String> CHROME_MARKERS = List.of(
            "copyright", "all rights reserved", "log in", "sign up", "subscribe", "related article",
            "related news", "most popular", "leave a comment", "you may also like", "privacy policy",
            "cookie", "this site uses", "please log in", "back to top", "app download");
    /** A short line of lower-case words with no sentence ending: a toolbar ("print dictionary print"), not prose. */
    private static final Pattern LOWER_CASE_LABELS = Pattern.compile("^[\\p{Ll}\\s-]+$");

    private PageChrome() {
    }

    /** The body with chrome lines removed; paragraphs stay separated by a blank line. */
    public static String strip(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String raw : body.split("\\R")) {
            String line = raw.strip();
            if (!line.isEmpty() && isProse(line)) {
                kept.add(line);
            }
        }
        return String.join("\n\n", kept);
    }

    static boolean isProse(String line) {
        int words = words(line, 25);
        if (words < 25) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String marker : CHROME_MARKERS) {
                if (lower.contains(marker)) {
                    return false;
                }
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
     * How many words a stripped line has, as {@code line.split("\\s+").length} counts them (runs
     * of regex whitespace), counting no further than {@code limit}: lines are often whole
     * paragraphs, and only whether they reach 4, 8 or 25 words matters.
     */
    static int words(String line, int limit) {
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
