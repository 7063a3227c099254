package io.newsflow.enrich.tagging;

/** Normal keys for personal names, so that "Kim Hong-kyun", "Kim Hong Kyun" and "KIM Hong-kyun" are one person. */
public final class PersonNames {

    private PersonNames() {
    }

    /** Lower case, accents and punctuation removed, hyphens and dots read as spaces: "kim hong kyun". */
    public static String key(String name) {
        String f = TextTokenizer.fold(name.replace('\u2019', '\''));
        StringBuilder b = new StringBuilder(f.length());
        boolean space = false;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && !b.isEmpty()) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            } else if (c != '\'') {
                space = true;
            }
        }
        return b.toString();
    }
}
