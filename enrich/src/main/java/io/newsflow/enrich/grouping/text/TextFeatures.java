package io.newsflow.enrich.grouping.text;

import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.CountryMention;
import io.newsflow.enrich.tagging.OfficialMention;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an article's text into an {@link ArticleProfile}: weighted terms, proper names, dates and
 * a near-duplicate signature.
 *
 * <p>Why these choices: the headline and proper names say which event an article is about far
 * more than its other words (two earthquakes share "magnitude", "struck", "killed"; they differ in
 * places, names and numbers), so names and headline words weigh more. Names are found the way a
 * reader finds them: capitalised words that do not start a sentence, and runs of them ("Red Sox",
 * "Kim Hong-kyun") kept as one extra term. Plain suffix folding ("talks"/"talk") is enough for
 * matching; a full stemmer buys little here.
 */
public final class TextFeatures {

    private static final double TITLE_BOOST = 2.0;
    private static final double NAME_BOOST = 2.0;
    private static final double TAG_WEIGHT = 1.0;
    /**
     * Longer tokens and name runs are no terms: no word or name is this long, and an event keeps its
     * names and terms in strings of at most 64 KB of UTF-8 (a run of capitals in a pasted page can be longer).
     */
    public static final int MAX_TERM_CHARS = 200;

    private final MinHash minHash;

    public TextFeatures(MinHash minHash) {
        this.minHash = minHash;
    }

    public ArticleProfile profile(String title, String body, LocalDate published, ArticleTags tags) {
        return profile(title, body, body, published, tags);
    }

    /**
     * @param body           the cleaned body, for terms and names
     * @param datelineSource the body as received: page chrome often holds the dateline
     */
    public ArticleProfile profile(String title, String body, String datelineSource, LocalDate published, ArticleTags tags) {
        Map<String, double[]> counts = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        // Headlines are often in title case, so names are only read from the body.
        String headline = WireHeadline.withoutTags(title);
        addText(headline, TITLE_BOOST, false, counts, names, null);
        addText(body, 1.0, true, counts, names, words);
        Map<String, Double> weights = new HashMap<>(counts.size() * 2);
        counts.forEach((term, tf) -> weights.put(term, 1.0 + Math.log(tf[0])));

        Set<String> countries = new LinkedHashSet<>();
        Set<String> officials = new LinkedHashSet<>();
        if (tags != null) {
            for (CountryMention c : tags.countries()) {
                countries.add(c.code());
            }
            for (OfficialMention o : tags.officials()) {
                officials.add(o.key());
                weights.merge("official:" + o.key(), TAG_WEIGHT, Math::max);
                names.add(o.key());
            }
        }
        DateMentions.Reading dates = DateMentions.read(headline + "\n" + (datelineSource == null ? body : datelineSource), published);
        return new ArticleProfile(weights, names, countries, officials, dates, minHash.signature(words));
    }

    // Kept in one piece: the per-token loop of every article, no allocation and no extra call per token.
    private static void addText(String text, double boost, boolean readNames, Map<String, double[]> counts,
                                Set<String> names, List<String> words) {
        if (text == null || text.isEmpty()) {
            return;
        }
        boolean sentenceStart = true;
        int lastEnd = 0;
        StringBuilder run = new StringBuilder();
        int runLength = 0;
        StringBuilder scratch = new StringBuilder();
        for (int start = Tokens.next(text, 0); start >= 0; start = Tokens.next(text, lastEnd)) {
            int end = Tokens.end(text, start);
            int gapBreak = gapKind(text, lastEnd, start);
            if (gapBreak == SENTENCE_BREAK) {
                sentenceStart = true;
            }
            boolean breaksRun = gapBreak != JOIN;
            lastEnd = end;
            String lower = Tokens.lowerWord(text, start, end, scratch);
            if (words != null) {
                words.add(lower);
            }
            if (lower.length() > MAX_TERM_CHARS) {
                // no word: an encoded blob or a run-together line; it ends a name run
                runLength = endRun(run, runLength, boost, counts, names);
                sentenceStart = false;
                continue;
            }
            boolean capitalised = Character.isUpperCase(text.charAt(start));
            boolean stop = Stopwords.contains(lower);
            // The second part of a hyphenated name ("Hong-kyun") continues the name.
            boolean hyphenated = gapBreak == JOIN && start > 0 && text.charAt(start - 1) == '-' && runLength > 0;
            boolean name = readNames && !stop && (hyphenated
                    || capitalised && !sentenceStart && !Stopwords.isCalendarWord(lower));
            if (name && !breaksRun) {
                if (runLength > 0) {
                    run.append(' ');
                }
                run.append(lower);
                runLength++;
            } else {
                runLength = endRun(run, runLength, boost, counts, names);
                if (name) {
                    run.append(lower);
                    runLength = 1;
                }
            }
            sentenceStart = false;
            if (stop || lower.length() < 2) {
                continue;
            }
            String term = fold(lower);
            count(counts, term, name ? boost * NAME_BOOST : boost);
            if (name) {
                names.add(term);
            }
        }
        endRun(run, runLength, boost, counts, names);
    }

    /** Ends a name run: a run of two or more words counts as one name. Empties the run; returns its new length, 0. */
    private static int endRun(StringBuilder run, int length, double boost, Map<String, double[]> counts, Set<String> names) {
        if (length >= 2 && run.length() <= MAX_TERM_CHARS) {
            String phrase = run.toString();
            count(counts, phrase, boost * NAME_BOOST);
            names.add(phrase);
        }
        run.setLength(0);
        return 0;
    }

    /**
     * Adds to a term's count in place: one array per term instead of a boxed sum per occurrence.
     * The sums are the same additions in the same order as {@code merge(term, weight, Double::sum)}.
     */
    private static void count(Map<String, double[]> counts, String term, double weight) {
        counts.computeIfAbsent(term, t -> new double[1])[0] += weight;
    }

    private static final int JOIN = 0;
    private static final int SEPARATE = 1;
    private static final int SENTENCE_BREAK = 2;

    /** What the characters between two tokens say: same name run, separate words, or a new sentence. */
    private static int gapKind(String text, int from, int to) {
        if (from == 0) {
            return SENTENCE_BREAK;
        }
        int newlines = 0;
        boolean joining = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == '“') {
                return SENTENCE_BREAK;
            }
            if (c == '\n' && ++newlines >= 1) {
                return SENTENCE_BREAK;
            }
            if (c != ' ' && c != '-') {
                joining = false;
            }
        }
        return joining && to - from <= 1 ? JOIN : SEPARATE;
    }

    /** Folds plural and possessive endings so "talks" meets "talk". */
    public static String fold(String word) {
        if (word.length() <= 3 || Character.isDigit(word.charAt(0))) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
