package io.newsflow.enrich.tagging;

/**
 * One word or punctuation mark of an article. Belongs to one tagging call (one thread), which lets it
 * remember its title-word class instead of looking it up again on every pass.
 */
final class Token {

    private final String text;
    private final String folded;
    private final int start;
    private final int end;
    private final boolean word;
    private final boolean lineBreak;
    private final boolean capitalised;
    private Object wordClass;      // OfficeVocabulary.WordClass, NO_CLASS, or null before the first lookup

    static final Object NO_CLASS = new Object();

    /**
     * @param text      as written
     * @param folded    lower case, accents removed, curly apostrophes made straight: what patterns compare
     * @param start     offset of the first char in the tagged text
     * @param end       offset after the last char
     * @param word      letters or digits (false for punctuation)
     * @param lineBreak a line break comes right before this token
     */
    Token(String text, String folded, int start, int end, boolean word, boolean lineBreak) {
        this.text = text;
        this.folded = folded;
        this.start = start;
        this.end = end;
        this.word = word;
        this.lineBreak = lineBreak;
        this.capitalised = word && Character.isUpperCase(text.charAt(0));
    }

    String text() {
        return text;
    }

    String folded() {
        return folded;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    boolean word() {
        return word;
    }

    boolean lineBreak() {
        return lineBreak;
    }

    boolean capitalised() {
        return capitalised;
    }

    boolean is(String foldedText) {
        return folded.equals(foldedText);
    }

    Object cachedWordClass() {
        return wordClass;
    }

    void cacheWordClass(Object c) {
        wordClass = c;
    }

    @Override
    public String toString() {
        return text;
    }
}
