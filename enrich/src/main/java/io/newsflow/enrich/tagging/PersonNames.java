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

    /** Characters of a key per letter a transliteration may write differently ("Kurbanguly" / "Gurbanguly"). */
    private static final int CHARS_PER_VARIANT = 8;

    /**
     * Whether two keys are one name in two transliterations: "kurbanguly berdymukhamedov" and "gurbanguly
     * berdimuhamedov" differ in 3 of 26 letters. Up to one edit per {@value #CHARS_PER_VARIANT} characters of
     * the shorter key, so short different names ("li qiang", "li keqiang") stay apart.
     */
    public static boolean sameName(String keyA, String keyB) {
        if (keyA.equals(keyB)) {
            return true;
        }
        int allowed = Math.min(keyA.length(), keyB.length()) / CHARS_PER_VARIANT;
        return allowed > 0 && Math.abs(keyA.length() - keyB.length()) <= allowed && editDistance(keyA, keyB, allowed) <= allowed;
    }

    /**
     * Levenshtein distance, or more than {@code limit} as soon as it must exceed it. Only the band of
     * cells within {@code limit} of the diagonal is computed: a path through a cell outside it costs
     * more than the limit, so the answer is the same as the full table's at a fraction of its work
     * (grouping's office veto compares names of every pair of office holders).
     */
    private static int editDistance(String a, String b, int limit) {
        int n = b.length();
        int over = limit + 1;
        if (Math.abs(a.length() - n) > limit) {
            return over;
        }
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            prev[j] = j <= limit ? j : over;
        }
        for (int i = 1; i <= a.length(); i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(n, i + limit);
            cur[0] = i <= limit ? i : over;
            if (from > 1) {
                cur[from - 1] = over;
            }
            int rowMin = from == 1 ? cur[0] : over;
            for (int j = from; j <= to; j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(over, Math.min(substitution, Math.min(prev[j], cur[j - 1]) + 1));
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (to < n) {
                cur[to + 1] = over;
            }
            if (rowMin > limit) {
                return over;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[n], over);
    }
}
