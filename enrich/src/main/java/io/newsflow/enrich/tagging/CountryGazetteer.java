package io.newsflow.enrich.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Country names, abbreviations, demonyms and seats of government, matched by token so that
 * "China-ROK", "ROK's" and "South Korea" all resolve in one pass. Data, not code: the ODbL
 * gazetteer {@code tagging/countries.tsv} plus the project's {@code tagging/country-aliases.tsv}.
 * Immutable after loading, so one instance serves all threads.
 */
final class CountryGazetteer {

    private static final Set<String> FUNCTION_WORDS = Set.of(
            "in", "on", "at", "to", "from", "the", "and", "but", "for", "with", "by", "of", "against", "about",
            "after", "before", "both", "between", "across", "through", "into", "via", "while", "as", "if", "when",
            "neighbouring", "neighboring", "visiting", "like", "unlike", "including", "than", "or", "a", "an");
    private static final Set<String> CALENDAR_WORDS = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december");

    private final PhraseTrie<Form> trie = new PhraseTrie<>();
    private final Map<String, String> names = new TreeMap<>();

    /** One way of writing a country, or (code null) a phrase that is not one. */
    record Form(String code, List<String> exactTokens, boolean nameLike, boolean notAfterPlace, boolean afterThe,
                List<String> needs, String switchCode, List<String> switchCues) {
    }

    /** A country named at tokens [start, end). */
    record Hit(int start, int end, String code) {
    }

    static CountryGazetteer standard() {
        CountryGazetteer g = new CountryGazetteer();
        read("tagging/countries.tsv", cols -> g.addGenerated(cols[0], cols[1], cols[2]));
        read("tagging/country-aliases.tsv", cols -> g.addAlias(cols));
        return g;
    }

    /** ISO alpha-2 code to common English name, for every officially assigned code. */
    Map<String, String> names() {
        return names;
    }

    String name(String code) {
        return names.get(code);
    }

    private void addGenerated(String code, String kind, String form) {
        if ("name".equals(kind)) {
            names.putIfAbsent(code, form);
        }
        if (form.contains(",")) {
            return;       // "Korea, Republic of": a list form, never written that way in prose
        }
        List<String> key = keyOf(form);
        if (key.isEmpty() || trie.get(key) != null) {
            return;
        }
        Form f = new Form(code, exactTokensOf(form), false, false, false, List.of(), null, List.of());
        trie.put(key, f);
        if ("demonym".equals(kind)) {
            String plural = plural(form);
            if (plural != null && trie.get(keyOf(plural)) == null) {
                trie.put(keyOf(plural), f);      // "12 Somalis and 11 Yemenis"
            }
        }
    }

    /** English plural of a demonym, or null when it has none of its own ("Chinese", "Swiss", "British"). */
    static String plural(String demonym) {
        String d = demonym.toLowerCase(Locale.ROOT);
        if (d.endsWith("s") || d.endsWith("sh") || d.endsWith("ch") || d.endsWith("ese") || d.endsWith("x") || d.endsWith("z")
                || !Character.isLetter(d.charAt(d.length() - 1))) {
            return null;
        }
        return demonym + "s";
    }

    private void addAlias(String[] cols) {
        String form = cols[0];
        String code = "-".equals(cols[1]) ? null : cols[1];
        boolean nameLike = false;
        boolean notAfterPlace = false;
        boolean afterThe = false;
        List<String> needs = List.of();
        String switchCode = null;
        List<String> switchCues = List.of();
        for (int i = 2; i < cols.length; i++) {
            String rule = cols[i].strip();
            if (rule.equals("namelike")) {
                nameLike = true;
            } else if (rule.equals("notafterplace")) {
                notAfterPlace = true;
            } else if (rule.equals("afterthe")) {
                afterThe = true;
            } else if (rule.startsWith("needs=")) {
                needs = Arrays.asList(rule.substring(6).split("\\|"));
            } else if (rule.startsWith("switch=")) {
                String[] p = rule.substring(7).split(":", 2);
                switchCode = p[0];
                switchCues = Arrays.asList(p[1].split("\\|"));
            } else if (!rule.isEmpty()) {
                throw new IllegalStateException("unknown rule in country-aliases.tsv: " + rule);
            }
        }
        trie.put(keyOf(form), new Form(code, exactTokensOf(form), nameLike, notAfterPlace, afterThe, needs, switchCode, switchCues));
    }

    /** Countries named in the tokens, in text order, after the ambiguity rules. */
    List<Hit> find(List<Token> tokens) {
        List<Hit> hits = new ArrayList<>();
        List<Form> formOf = new ArrayList<>();
        Set<Form> surnames = new java.util.HashSet<>(2);
        FoldedText foldedText = new FoldedText(tokens);
        int lastEnd = -1;
        for (int i = 0; i < tokens.size(); ) {
            Token t = tokens.get(i);
            if (!t.word() || !t.capitalised()) {
                i++;
                continue;
            }
            PhraseTrie.Match<Form> m = trie.longestAt(tokens, i);
            if (m == null) {
                i++;
                continue;
            }
            Form f = m.value();
            if (f.nameLike() && f.code() != null && nextToName(tokens, m.start(), m.end())) {
                surnames.add(f);      // "Eddie Jordan": later a bare "Jordan" in this article is him too
            }
            String code = resolve(f, tokens, m.start(), m.end(), foldedText, lastEnd);
            if (code == null && f.code() != null && !f.exactTokens().isEmpty() && !exactCaseMatches(f, tokens, m.start())) {
                i++;       // "us" is not "US": let a shorter reading start here
                continue;
            }
            if (code != null) {
                hits.add(new Hit(m.start(), m.end(), code));
                formOf.add(f);
                lastEnd = m.end();
            }
            i = m.end();
        }
        if (!surnames.isEmpty()) {
            List<Hit> kept = new ArrayList<>(hits.size());
            for (int k = 0; k < hits.size(); k++) {
                if (!surnames.contains(formOf.get(k))) {
                    kept.add(hits.get(k));
                }
            }
            return kept;
        }
        return hits;
    }

    private String resolve(Form f, List<Token> tokens, int start, int end, FoldedText foldedText, int lastHitEnd) {
        if (f.code() == null) {
            return null;
        }
        if (!exactCaseMatches(f, tokens, start)) {
            return null;
        }
        if (f.nameLike() && nextToName(tokens, start, end)) {
            return null;
        }
        if (f.afterThe() && (start == 0 || !tokens.get(start - 1).is("the"))) {
            return null;
        }
        if (f.notAfterPlace() && start >= 2 && tokens.get(start - 1).is(",")
                && tokens.get(start - 2).capitalised() && lastHitEnd != start - 1) {
            return null;
        }
        if (!f.needs().isEmpty() && f.needs().stream().noneMatch(foldedText::contains)) {
            return null;
        }
        if (f.switchCode() != null && f.switchCues().stream().anyMatch(foldedText::contains)) {
            return f.switchCode();
        }
        return f.code();
    }

    private static boolean exactCaseMatches(Form f, List<Token> tokens, int start) {
        List<String> exact = f.exactTokens();
        for (int k = 0; k < exact.size(); k++) {
            if (!tokens.get(start + k).text().equals(exact.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean nextToName(List<Token> tokens, int start, int end) {
        if (start > 0) {
            Token p = tokens.get(start - 1);
            if (!p.lineBreak() || !tokens.get(start).lineBreak()) {
                if (p.capitalised() && !tokens.get(start).lineBreak() && !FUNCTION_WORDS.contains(p.folded())
                        && !CALENDAR_WORDS.contains(p.folded())) {
                    return true;
                }
            }
        }
        if (end < tokens.size()) {
            Token n = tokens.get(end);
            return n.capitalised() && !n.lineBreak() && !CALENDAR_WORDS.contains(n.folded()) && !FUNCTION_WORDS.contains(n.folded());
        }
        return false;
    }

    /** Folded tokens of a form, without a leading "the". */
    static List<String> keyOf(String form) {
        List<Token> toks = TextTokenizer.tokenize(form);
        List<String> key = new ArrayList<>(toks.size());
        for (Token t : toks) {
            key.add(t.folded());
        }
        if (key.size() > 1 && key.get(0).equals("the")) {
            key.remove(0);
        }
        return key;
    }

    /** A form without lower-case letters ("US", "U.S.") must match case and all; others need not. */
    private static List<String> exactTokensOf(String form) {
        if (!form.equals(form.toUpperCase(Locale.ROOT))) {
            return List.of();
        }
        List<String> exact = new ArrayList<>();
        for (Token t : TextTokenizer.tokenize(form)) {
            exact.add(t.text());
        }
        return exact;
    }

    static void read(String resource, Consumer<String[]> line) {
        try (InputStream in = CountryGazetteer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String s;
            while ((s = r.readLine()) != null) {
                if (s.isBlank() || s.startsWith("#")) {
                    continue;
                }
                line.accept(s.split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The article's folded words as one string, built only when a rule asks for context. */
    private static final class FoldedText {
        private final List<Token> tokens;
        private String text;

        FoldedText(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean contains(String cue) {
            if (text == null) {
                StringBuilder b = new StringBuilder(tokens.size() * 6);
                for (Token t : tokens) {
                    b.append(' ').append(t.folded());
                }
                text = b.append(' ').toString();
            }
            return text.contains(" " + cue + " ");     // whole words: "peru" is not in "perusal"
        }
    }
}
