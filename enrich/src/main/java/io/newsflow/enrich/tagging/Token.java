package io.newsflow.enrich.tagging;

/**
 * One word or punctuation mark of an article.
 *
 * @param text      as written
 * @param folded    lower case, accents removed, curly apostrophes made straight: what patterns compare
 * @param start     offset of the first char in the tagged text
 * @param end       offset after the last char
 * @param word      letters or digits (false for punctuation)
 * @param lineBreak a line break comes right before this token
 */
record Token(String text, String folded, int start, int end, boolean word, boolean lineBreak) {

    boolean capitalised() {
        return word && Character.isUpperCase(text.charAt(0));
    }

    /** No lower-case letter at all: "ROK", "KIM", "U". */
    boolean upperCase() {
        if (!word || !Character.isLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    boolean is(String foldedText) {
        return folded.equals(foldedText);
    }
}
