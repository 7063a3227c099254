package io.newsflow.eval;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Halves of a labelled corpus by topic, so that settings can be tuned on one half and reported on
 * the other. A file's topic is the number before the first underscore of its name (ECB+:
 * {@code 12_3ecb.txt} is topic 12); odd topics are the tuning half, even topics the test half.
 * Splitting by topic, not by article, keeps the two events of an ECB+ topic (the hard pairs to
 * tell apart) on the same side, so the test half holds confusions the tuning never saw.
 */
public enum TopicSplit {
    all, tune, test;

    private static final Pattern TOPIC = Pattern.compile("^(\\d+)_");

    public boolean keeps(String fileName) {
        if (this == all) {
            return true;
        }
        Matcher topic = TOPIC.matcher(fileName);
        if (!topic.find()) {
            throw new IllegalArgumentException(fileName + " has no topic number before an underscore: --split "
                    + name().toLowerCase(Locale.ROOT) + " needs one");
        }
        boolean odd = Long.parseLong(topic.group(1)) % 2 == 1;
        return this == tune ? odd : !odd;
    }
}
