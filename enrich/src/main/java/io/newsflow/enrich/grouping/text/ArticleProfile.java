package io.newsflow.enrich.grouping.text;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What grouping knows about one article, computed once on arrival.
 *
 * @param termWeights sublinear term frequencies (before IDF), title and names boosted
 * @param names       proper names the text uses (people, places, organisations, tagged officials)
 * @param countries   ISO codes of tagged countries
 * @param officials   normalised keys of tagged officials
 * @param dates       the day written and the day reported, when the text tells
 * @param shingleHash MinHash signature of the word shingles, for near-duplicate detection
 */
public record ArticleProfile(Map<String, Double> termWeights, Set<String> names, Set<String> countries,
                             Set<String> officials, DateMentions.Reading dates, int[] shingleHash) {

    public LocalDate day() {
        return dates.bestDay();
    }
}
