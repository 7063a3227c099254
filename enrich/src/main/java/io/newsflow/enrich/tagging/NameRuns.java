package io.newsflow.enrich.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs of capitalised words that can be a person's name: "Kim Hong-kyun", "George W. Bush", "Mehdi iran-Nejad",
 * "Billy King". Words of titles and countries end a run, so "ROK Foreign Minister Cho Tae-yul" yields "Cho Tae-yul".
 */
final class NameRuns {

    /** A run of name words at tokens [start, end), its units ("Hong-kyun" is one) and its {@link PersonNames#key key}. */
    record NameRun(int start, int end, List<String> units, String key) {
    }

    static final Set<String> NAME_STOP = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "the", "a", "an", "this", "that",
            "these", "those", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their",
            "our", "its", "in", "on", "at", "by", "for", "from", "with", "of", "and", "but",
            "or", "as", "if", "when", "while", "after", "before", "during", "both", "all", "some", "mr",
            "mrs", "ms", "dr", "photo", "according", "however", "meanwhile", "also", "earlier", "later", "yesterday", "today",
            "tomorrow", "last", "next", "there", "here", "such", "not", "no", "yes", "related", "home", "most",
            "more", "back", "top", "copyright", "published", "updated", "posted", "read", "click", "share", "said", "says",
            "what", "who", "why", "how", "where", "which", "one", "two", "three", "new", "to", "since",
            "until", "under", "over", "about", "us", "my", "your", "then", "than", "so", "yet", "still",
            "despite", "although", "though", "because", "among", "amid", "many", "several", "other", "another", "each", "every",
            "any", "sources", "source", "reuters", "ap", "afp", "xinhua", "yonhap", "cnn", "bbc");
    /**
     * Particles inside a name, read with the name word after them as one unit: "Lula da Silva", "Ursula von
     * der Leyen", "Mohammed bin Salman", "Tamim bin Hamad Al Thani", "Marine Le Pen" (so that long names keep to
     * four units). Not "y", which Spanish text uses as a word; "do" only between capitalised words ("Correa do
     * Lago"), where English seldom has it.
     */
    private static final Set<String> PARTICLES = Set.of("da", "das", "do", "dos", "de", "del", "della", "der", "den", "di",
            "du", "van", "von", "ter", "bin", "ibn", "bint", "ben", "al", "el", "la", "le");
    /** Most particles in a row: "von der", "de la". */
    private static final int MAX_PARTICLES = 2;
    /** Surnames that are also titles: "Billy King", "John Major". */
    private static final Set<String> TITLE_SURNAMES = Set.of("king", "major", "marshal", "bishop");
    private NameRuns() {
    }

    private static boolean nameWord(List<Token> tokens, String[] countryAt, int i, Predicate<Token> titleWord) {
        Token t = tokens.get(i);
        if (!t.word() || !Character.isLetter(t.text().charAt(0)) || !t.capitalised() || countryAt[i] != null) {
            return false;
        }
        if (titleWord.test(t) || NAME_STOP.contains(t.folded())) {
            return false;
        }
        if (t.text().length() == 1) {
            // an initial: "George W. Bush", "Robert J Pickell"
            return i + 1 < tokens.size() && (tokens.get(i + 1).is(".") || tokens.get(i + 1).capitalised() && !tokens.get(i + 1).lineBreak());
        }
        return true;
    }

    /** Runs of name words outside Title Case lines, at most four units long, in text order. */
    static List<NameRun> find(String text, List<Token> tokens, String[] countryAt, Predicate<Token> titleWord) {
        List<NameRun> runs = new ArrayList<>();
        int n = tokens.size();
        boolean[] headline = headlineTokens(tokens);
        int i = 0;
        while (i < n) {
            if (headline[i] || !nameWord(tokens, countryAt, i, titleWord)) {
                i++;
                continue;
            }
            int start = i;
            List<String> units = new ArrayList<>(4);
            int j = i;
            int particlesFrom = -1;
            while (true) {
                int unitStart = particlesFrom >= 0 ? particlesFrom : j;
                particlesFrom = -1;
                j++;
                while (j + 1 < n && tokens.get(j).is("-") && tokens.get(j + 1).word() && !tokens.get(j + 1).lineBreak()
                        && tokens.get(j).start() == tokens.get(j - 1).end() && tokens.get(j + 1).start() == tokens.get(j).end()
                        && countryAt[j + 1] == null) {
                    j += 2;       // "Hong-kyun": one unit
                }
                if (j - unitStart == 1 && tokens.get(unitStart).text().length() == 1 && j < n && tokens.get(j).is(".")) {
                    j++;          // "W."
                }
                units.add(text.substring(tokens.get(unitStart).start(), tokens.get(j - 1).end()));
                int named = afterParticles(tokens, countryAt, j, titleWord);
                if (named > j) {
                    particlesFrom = j;   // "da Silva", "Al Thani": the particles start the next unit
                    j = named;
                    continue;
                }
                if (j < n && !tokens.get(j).lineBreak() && (nameWord(tokens, countryAt, j, titleWord) || hyphenatedName(tokens, j))) {
                    continue;
                }
                if (j < n && !tokens.get(j).lineBreak() && tokens.get(j).capitalised() && TITLE_SURNAMES.contains(tokens.get(j).folded())
                        && (j + 1 >= n || tokens.get(j + 1).lineBreak() || !nameWord(tokens, countryAt, j + 1, titleWord))) {
                    units.add(tokens.get(j).text());     // "Billy King": the title word ends the name, it does not start a title
                    j++;
                    break;
                }
                break;
            }
            if (units.size() <= 4) {
                runs.add(new NameRun(start, j, List.copyOf(units), PersonNames.key(String.join(" ", units))));
            }
            i = j;
        }
        return runs;
    }

    /** The name word after one or two lower-case particles at j ("da Silva", "von der Leyen"), or j when there is none. */
    private static int afterParticles(List<Token> tokens, String[] countryAt, int j, Predicate<Token> titleWord) {
        int k = j;
        while (k < tokens.size() && k - j < MAX_PARTICLES && !tokens.get(k).lineBreak()
                && PARTICLES.contains(tokens.get(k).capitalised() ? decapitalised(tokens.get(k).text()) : tokens.get(k).text())) {
            k++;
        }
        return k > j && k < tokens.size() && !tokens.get(k).lineBreak() && nameWord(tokens, countryAt, k, titleWord) ? k : j;
    }

    private static String decapitalised(String word) {
        return Character.toLowerCase(word.charAt(0)) + word.substring(1);
    }

    /** "iran-Nejad": a lower-case part joined by a hyphen to a capitalised one, as some names are transliterated. */
    private static boolean hyphenatedName(List<Token> tokens, int j) {
        return j + 2 < tokens.size() && tokens.get(j).word() && Character.isLetter(tokens.get(j).text().charAt(0))
                && tokens.get(j + 1).is("-") && tokens.get(j + 2).capitalised()
                && tokens.get(j + 1).start() == tokens.get(j).end() && tokens.get(j + 2).start() == tokens.get(j + 1).end();
    }

    /**
     * Tokens on Title Case lines ("China-ROK Relations: Ministers Pledge Deeper Ties"), where every word
     * looks like a name: no person is read from them.
     */
    private static boolean[] headlineTokens(List<Token> tokens) {
        boolean[] out = new boolean[tokens.size()];
        int lineStart = 0;
        for (int i = 1; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).lineBreak()) {
                int longWords = 0;
                int capitalised = 0;
                for (int k = lineStart; k < i; k++) {
                    Token t = tokens.get(k);
                    if (t.word() && t.text().length() >= 4 && Character.isLetter(t.text().charAt(0))) {
                        longWords++;
                        if (t.capitalised()) {
                            capitalised++;
                        }
                    }
                }
                if (longWords >= 3 && capitalised == longWords) {
                    for (int k = lineStart; k < i; k++) {
                        out[k] = true;
                    }
                }
                lineStart = i;
            }
        }
        return out;
    }
}
