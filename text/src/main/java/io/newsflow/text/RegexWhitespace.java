package io.newsflow.text;

/** What the regex class {@code \s} matches (without UNICODE_CHARACTER_CLASS), for scans that stand in for a regex. */
public final class RegexWhitespace {

    private RegexWhitespace() {
    }

    public static boolean is(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
