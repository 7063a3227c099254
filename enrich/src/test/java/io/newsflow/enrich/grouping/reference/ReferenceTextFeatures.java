package io.newsflow.enrich.grouping.reference;

import io.newsflow.enrich.grouping.ArticleProfile;
import io.newsflow.enrich.grouping.DateMentions;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.CountryMention;
import io.newsflow.enrich.tagging.OfficialMention;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/* Frozen copy of the implementation before the speed work (main at 3775bd7): the reference
 * TextFeaturesEquivalenceTest compares the optimised code against. Do not optimise. */
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
public final class ReferenceTextFeatures {

    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}'’]*|\\d+(?:[.,]\\d+)*");
    private static final double TITLE_BOOST = 2.0;
    private static final double NAME_BOOST = 2.0;
    private static final double TAG_WEIGHT = 1.0;

    private final ReferenceMinHash minHash;

    public ReferenceTextFeatures(ReferenceMinHash minHash) {
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
        Map<String, Double> counts = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        // Headlines are often in title case, so names are only read from the body.
        addText(title, TITLE_BOOST, false, counts, names, null);
        addText(body, 1.0, true, counts, names, words);
        Map<String, Double> weights = new HashMap<>(counts.size() * 2);
        counts.forEach((term, tf) -> weights.put(term, 1.0 + Math.log(tf)));

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
        DateMentions.Reading dates = ReferenceDateMentions.read(title + "\n" + (datelineSource == null ? body : datelineSource), published);
        return new ArticleProfile(weights, names, countries, officials, dates, minHash.signature(words));
    }

    private static void addText(String text, double boost, boolean readNames, Map<String, Double> counts,
                                Set<String> names, List<String> words) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Matcher m = TOKEN.matcher(text);
        boolean sentenceStart = true;
        int lastEnd = 0;
        StringBuilder run = new StringBuilder();
        int runLength = 0;
        while (m.find()) {
            int gapBreak = gapKind(text, lastEnd, m.start());
            if (gapBreak == SENTENCE_BREAK) {
                sentenceStart = true;
            }
            boolean breaksRun = gapBreak != JOIN;
            lastEnd = m.end();
            String raw = m.group();
            String lower = raw.toLowerCase(Locale.ROOT).replace('’', '\'');
            if (lower.endsWith("'s")) {
                lower = lower.substring(0, lower.length() - 2);
            }
            if (words != null) {
                words.add(lower);
            }
            boolean capitalised = Character.isUpperCase(raw.charAt(0));
            boolean stop = ReferenceStopwords.contains(lower);
            // The second part of a hyphenated name ("Hong-kyun") continues the name.
            boolean hyphenated = gapBreak == JOIN && m.start() > 0 && text.charAt(m.start() - 1) == '-' && runLength > 0;
            boolean name = readNames && !stop && (hyphenated
                    || capitalised && !sentenceStart && !ReferenceStopwords.isCalendarWord(lower));
            if (name && !breaksRun) {
                if (runLength > 0) {
                    run.append(' ');
                }
                run.append(lower);
                runLength++;
            } else {
                flushRun(run, runLength, boost, counts, names);
                run.setLength(0);
                runLength = 0;
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
            counts.merge(term, name ? boost * NAME_BOOST : boost, Double::sum);
            if (name) {
                names.add(term);
            }
        }
        flushRun(run, runLength, boost, counts, names);
    }

    private static void flushRun(StringBuilder run, int length, double boost, Map<String, Double> counts, Set<String> names) {
        if (length >= 2) {
            String phrase = run.toString();
            counts.merge(phrase, boost * NAME_BOOST, Double::sum);
            names.add(phrase);
        }
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
