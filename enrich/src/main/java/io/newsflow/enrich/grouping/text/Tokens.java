package io.newsflow.enrich.grouping.text;

import java.util.Locale;

/**
 * The words and numbers of a text, found by hand exactly as the pattern
 * {@code \p{L}[\p{L}'’]*|\d+(?:[.,]\d+)*} finds them with {@code Matcher.find}: a letter followed by
 * letters and apostrophes, or ASCII digits with {@code .} or {@code ,} between digit groups.
 * Letters are whole code points ({@link Character#isLetter(int)} is the pattern's {@code \p{L}}),
 * so supplementary letters count and lone surrogates do not.
 *
 * <p>Why by hand: the regex (a matcher step per character, a group copy per token) was the largest
 * single cost of profiling an article; a plain scan does the same in a fraction of the time.
 */
final class Tokens {

    private static final char APOSTROPHE = '\'';
    private static final char RIGHT_QUOTE = '’';

    private Tokens() {
    }

    /** Where the first token at or after {@code from} starts, or -1 when there is none. */
    static int next(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDigit(c) || isLetterAt(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the token starting at {@code start} (found by {@link #next}) ends. */
    static int end(String text, int start) {
        return isDigit(text.charAt(start)) ? numberEnd(text, start) : wordEnd(text, start);
    }

    private static int wordEnd(String text, int start) {
        int i = start + Character.charCount(text.codePointAt(start));
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == APOSTROPHE || c == RIGHT_QUOTE) {
                i++;
            } else if (isLetterAt(text, i)) {
                i += Character.charCount(text.codePointAt(i));
            } else {
                break;
            }
        }
        return i;
    }

    /** Digits, then any number of separator-and-digits groups; a separator not followed by a digit ends it. */
    private static int numberEnd(String text, int start) {
        int i = digitsEnd(text, start);
        while (i + 1 < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ',') && isDigit(text.charAt(i + 1))) {
            i = digitsEnd(text, i + 1);
        }
        return i;
    }

    private static int digitsEnd(String text, int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The token lower-cased (root locale), with ’ written as ' and a trailing possessive 's
     * dropped. Most tokens are lower-case ASCII already and are copied as they are; other ASCII
     * tokens are lower-cased char by char into {@code scratch}. Other tokens take
     * {@link String#toLowerCase}, whose rules (Greek final sigma, dotted capital I) depend on the
     * whole word.
     */
    static String lowerWord(String text, int start, int end, StringBuilder scratch) {
        if (isPlainLowerCase(text, start, end)) {
            return text.substring(start, end);
        }
        scratch.setLength(0);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == RIGHT_QUOTE) {
                c = APOSTROPHE;
            } else if (c >= 0x80) {
                return withoutPossessive(text.substring(start, end).toLowerCase(Locale.ROOT).replace(RIGHT_QUOTE, APOSTROPHE));
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            scratch.append(c);
        }
        return withoutPossessive(scratch.toString());
    }

    /** Lower-case ASCII letters, or a number: nothing to lower-case, replace or drop. */
    private static boolean isPlainLowerCase(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || isDigit(c) || c == '.' || c == ',')) {
                return false;
            }
        }
        return true;
    }

    private static String withoutPossessive(String lower) {
        return lower.endsWith("'s") ? lower.substring(0, lower.length() - 2) : lower;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetterAt(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetter(text.codePointAt(i));
    }
}
