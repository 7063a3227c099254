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

    private TextTokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(text.length() / 5 + 8);
        int n = text.length();
        int i = 0;
        boolean lineBreak = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lineBreak = true;
                i++;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
                    i++;
                }
                String w = text.substring(start, i);
                out.add(new Token(w, fold(w), start, i, true, lineBreak));
                lineBreak = false;
            } else {
                String p = String.valueOf(c);
                out.add(new Token(p, foldPunctuation(c), i, i + 1, false, lineBreak));
                lineBreak = false;
                i++;
            }
        }
        return out;
    }

    /** Lower case without accents: "Türkiye" -> "turkiye". */
    static String fold(String word) {
        boolean plain = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c > 0x7f || Character.isUpperCase(c)) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return word;
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

    private static String foldPunctuation(char c) {
        return switch (c) {
            case '\u2019', '\u2018', '`', '\u00b4' -> "'";
            case '\u2010', '\u2011', '\u2012', '\u2013' -> "-";
            case '\u201c', '\u201d' -> "\"";
            default -> String.valueOf(c);
        };
    }
}
