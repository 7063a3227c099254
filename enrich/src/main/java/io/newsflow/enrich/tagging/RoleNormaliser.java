package io.newsflow.enrich.tagging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Brings the wordings of one office to one form with the rewrites of {@code tagging/role-forms.tsv}:
 * "Vice Minister of Foreign Affairs", "Vice-Foreign Minister" and "vice foreign minister" all become
 * "Vice Foreign Minister".
 */
public final class RoleNormaliser {

    private static final Set<String> SMALL_WORDS = Set.of("of", "the", "for", "at", "and", "on", "in", "to");
    private static final Set<String> QUALIFIERS = Set.of("first", "second", "executive", "senior", "bureau", "national");
    private static final RoleNormaliser STANDARD = load();

    private final List<String[]> rewrites;

    private RoleNormaliser(List<String[]> rewrites) {
        this.rewrites = rewrites;
    }

    public static RoleNormaliser standard() {
        return STANDARD;
    }

    private static RoleNormaliser load() {
        List<String[]> rw = new ArrayList<>();
        CountryGazetteer.read("tagging/role-forms.tsv", cols -> rw.add(new String[] {" " + cols[0] + " ", " " + cols[1] + " "}));
        return new RoleNormaliser(List.copyOf(rw));
    }

    /** The normal form of a role as written, title-cased; null stays null. */
    public String normalise(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        String s = " " + TextTokenizer.fold(role.replace('\u2019', '\'')).replace('-', ' ').replace(",", " , ")
                .replaceAll("\\s+", " ").strip() + " ";
        for (String[] r : rewrites) {
            s = s.replace(r[0], r[1]);
        }
        StringBuilder b = new StringBuilder();
        for (String w : s.strip().split(" ")) {
            if (w.equals(",")) {
                b.append(',');
                continue;
            }
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(SMALL_WORDS.contains(w) ? w : capitalise(w));
        }
        return b.toString();
    }

    /**
     * Whether two wordings name the same office: equal normal forms once rank qualifiers are set aside
     * ("First Vice Foreign Minister" and "Vice Foreign Minister"), or long descriptive titles that share
     * nearly all their words ("Director General for International Policy at the Defense Ministry").
     */
    public boolean sameOffice(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        Set<String> wa = contentWords(normalise(a));
        Set<String> wb = contentWords(normalise(b));
        if (wa.equals(wb)) {
            return true;
        }
        if (wa.size() < 4 || wb.size() < 4) {
            return false;
        }
        Set<String> common = new HashSet<>(wa);
        common.retainAll(wb);
        return common.size() >= 0.8 * Math.min(wa.size(), wb.size());
    }

    private static Set<String> contentWords(String normal) {
        Set<String> out = new HashSet<>();
        for (String w : normal.toLowerCase(Locale.ROOT).replace(",", " ").split(" ")) {
            if (!w.isBlank() && !SMALL_WORDS.contains(w) && !QUALIFIERS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static String capitalise(String w) {
        if (w.isEmpty()) {
            return w;
        }
        int hy = w.indexOf('-');
        if (hy > 0) {
            return Character.toUpperCase(w.charAt(0)) + w.substring(1, hy + 1) + w.substring(hy + 1);
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
