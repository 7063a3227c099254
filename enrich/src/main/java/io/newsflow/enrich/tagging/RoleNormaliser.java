package io.newsflow.enrich.tagging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Brings the wordings of one office to one form with the rewrites of {@code tagging/role-forms.tsv}:
 * "Vice Minister of Foreign Affairs", "Vice-Foreign Minister" and "vice foreign minister" all become
 * "Vice Foreign Minister".
 */
public final class RoleNormaliser {

    private static final Set<String> SMALL_WORDS = Set.of("of", "the", "for", "at", "and", "on", "in", "to");
    private static final Set<String> QUALIFIERS = Set.of("first", "second", "executive", "senior", "bureau", "national");
    /** Words that make a different office of the one they qualify: a vice minister is not the minister. */
    private static final Set<String> RANK_CHANGERS = Set.of("vice", "deputy", "assistant", "under", "associate", "chief",
            "acting", "former", "elect", "president-elect", "vice-president", "lieutenant", "major", "brigadier", "general");
    private static final RoleNormaliser STANDARD = load();

    private final List<String[]> rewrites;
    /**
     * The content words of each role wording seen: grouping's office veto compares the same few roles
     * over and over (a quarter of the grouping task's time went to normalising them anew). Bounded: an
     * endless stream of odd wordings clears it now and then.
     */
    private final Map<String, Set<String>> officeWords = new ConcurrentHashMap<>();
    private final Map<String, String> officeKeys = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_ROLES = 20_000;
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

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
        // "Maj. Gen." and "Maj Gen" are one wording: full stops of abbreviations go before the rewrites expand them
        String spaced = TextTokenizer.fold(role.replace('\u2019', '\'')).replace('-', ' ').replace('.', ' ').replace(",", " , ");
        String s = " " + WHITE_SPACE.matcher(spaced).replaceAll(" ").strip() + " ";
        for (String[] r : rewrites) {
            s = s.replace(r[0], r[1]);
        }
        // initials keep their capitals: "NYPD Commissioner", "UN Secretary General"
        java.util.Map<String, String> acronyms = new java.util.HashMap<>();
        for (String w : NON_LETTERS.split(role)) {
            if (w.length() >= 2 && w.equals(w.toUpperCase(Locale.ROOT)) && !w.equals(w.toLowerCase(Locale.ROOT))) {
                acronyms.put(TextTokenizer.fold(w), w);
            }
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
            b.append(SMALL_WORDS.contains(w) ? w : acronyms.getOrDefault(w, capitalise(w)));
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
        if (a.equals(b) && !a.isBlank()) {
            return true;
        }
        Set<String> wa = officeWords(a);
        Set<String> wb = officeWords(b);
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

    private Set<String> officeWords(String role) {
        return cached(officeWords, role, r -> Set.copyOf(contentWords(normalise(r))));
    }

    /** What a role gives, from the cache, worked out once; a full cache starts over (roles in the wild are endless). */
    private static <T> T cached(Map<String, T> cache, String role, Function<String, T> compute) {
        T value = cache.get(role);
        if (value == null) {
            if (cache.size() >= MAX_CACHED_ROLES) {
                cache.clear();
            }
            value = compute.apply(role);
            cache.put(role, value);
        }
        return value;
    }

    /**
     * Whether a role found in an article names the labelled office: the same office ({@link #sameOffice}),
     * or one wording holding all the other's words ("Troy Police Chief" for "Police Chief", "Colonel" for
     * "Colonel, Army Spokesperson") as long as both agree on the words that change the office (vice, deputy,
     * chief, ...): "Foreign Minister" is not "Vice Foreign Minister".
     */
    public boolean namesOffice(String found, String gold) {
        if (found == null || gold == null) {
            return false;
        }
        if (sameOffice(found, gold)) {
            return true;
        }
        Set<String> wf = contentWords(normalise(found));
        Set<String> wg = contentWords(normalise(gold));
        if (wf.isEmpty() || wg.isEmpty() || !(wf.containsAll(wg) || wg.containsAll(wf))) {
            return false;
        }
        Set<String> rf = new HashSet<>(wf);
        rf.retainAll(RANK_CHANGERS);
        Set<String> rg = new HashSet<>(wg);
        rg.retainAll(RANK_CHANGERS);
        return rf.equals(rg);
    }

    /**
     * One key per office, whatever its wording: the sorted words of its normal form without small words and
     * rank qualifiers ("First Vice Minister of Foreign Affairs" and "vice foreign minister" share one).
     */
    public String officeKey(String role) {
        // cached: grouping's office veto asks this for the same roles again and again, for pairs of articles
        return cached(officeKeys, role, r -> String.join(" ", new java.util.TreeSet<>(officeWords(r))));
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
