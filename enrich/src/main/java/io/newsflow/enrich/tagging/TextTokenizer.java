package io.newsflow.enrich.tagging;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into words and single punctuation marks. Hyphens and apostrophes are tokens of their own,
 * so "China-ROK" and "ROK's" present "ROK" to the matchers the way "ROK" alone does.
 */
final class TextTokenizer {

    private static final String[] ASCII = new String[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII[c] = String.valueOf(c).intern();
        }
    }

    private TextTokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(text.length() / 5 + 8);
        int n = text.length();
        int i = 0;
        boolean lineBreak = true;
        while (i < n) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                int start = i;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                String w = text.substring(start, i);
                out.add(new Token(w, fold(w), start, i, true, lineBreak));
                lineBreak = false;
            } else if (c == '\n' || c == '\r') {
                lineBreak = true;
                i++;
            } else if (c == ' ' || c == '\t' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else {
                String p = c < 0x80 ? ASCII[c] : String.valueOf(c);
                out.add(new Token(p, foldPunctuation(c, p), i, i + 1, false, lineBreak));
                lineBreak = false;
                i++;
            }
        }
        return out;
    }

    /** Lower case without accents: "Türkiye" -> "turkiye". */
    static String fold(String word) {
        int n = word.length();
        boolean ascii = true;
        boolean lower = true;
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            if (c > 0x7f) {
                ascii = false;
                break;
            }
            if (c >= 'A' && c <= 'Z') {
                lower = false;
            }
        }
        if (ascii) {
            if (lower) {
                return word;
            }
            char[] out = new char[n];
            for (int i = 0; i < n; i++) {
                char c = word.charAt(i);
                out[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
            return new String(out);
        }
        String d = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static String foldPunctuation(char c, String asWritten) {
        return switch (c) {
            case '\u2019', '\u2018', '`', '\u00b4' -> "'";
            case '\u2010', '\u2011', '\u2012', '\u2013' -> "-";
            case '\u201c', '\u201d' -> "\"";
            default -> asWritten;
        };
    }
}
