package io.newsflow.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Scrapinghub article-extraction benchmark's metric: both texts become multisets of word 4-gram
 * shingles (words are runs of Unicode word characters, as Python's {@code \w+}); per page true
 * positives, false positives and false negatives are counted and normalised by their sum; precision
 * and recall are means over pages (a page with no shingle on the relevant side is left out) and F1
 * comes from those two means. Add pages one by one, then read the figures.
 */
public final class ExtractionScores {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 4;

    private final List<double[]> pages = new ArrayList<>();

    /** Scores one page: the true article body against the extracted one. */
    public void add(String truth, String predicted) {
        pages.add(match(truth, predicted));
    }

    public int pages() {
        return pages.size();
    }

    public double precision() {
        return mean(0, 1);
    }

    public double recall() {
        return mean(0, 2);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Normalised {tp, fp, fn} of one page. */
    static double[] match(String truth, String predicted) {
        Map<String, Integer> expected = shingles(truth);
        Map<String, Integer> got = shingles(predicted);
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(got.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (String key : keys) {
            int e = expected.getOrDefault(key, 0);
            int g = got.getOrDefault(key, 0);
            tp += Math.min(e, g);
            fp += Math.max(0, g - e);
            fn += Math.max(0, e - g);
        }
        double sum = tp + fp + fn;
        return sum == 0 ? new double[] {0, 0, 0} : new double[] {tp / sum, fp / sum, fn / sum};
    }

    /** Like the benchmark: a text shorter than the shingle size is one shingle of all its words. */
    static Map<String, Integer> shingles(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < Math.max(1, words.size() - SHINGLE + 1); i++) {
            String shingle = String.join(" ", words.subList(i, Math.min(words.size(), i + SHINGLE)));
            if (!shingle.isEmpty()) {
                counts.merge(shingle, 1, Integer::sum);
            }
        }
        return counts;
    }

    private double mean(int tpIndex, int otherIndex) {
        double total = 0;
        int counted = 0;
        for (double[] page : pages) {
            double denominator = page[tpIndex] + page[otherIndex];
            if (denominator > 0) {
                total += page[tpIndex] / denominator;
                counted++;
            }
        }
        return counted == 0 ? 0 : total / counted;
    }
}
