package io.newsflow.enrich.grouping;

import java.time.Duration;

/**
 * How grouping decides. The defaults are chosen on principle (see README, "Grouping") and checked
 * on the ECB+ development set; they are not fitted per topic.
 *
 * @param joinThreshold        least similarity for an article to join an event
 * @param mergeThreshold       least similarity of an article to a second event for the article to
 *                             merge it with the one it joins (the two events must also match each
 *                             other as well as an article must match to join)
 * @param copyThreshold        least estimated shingle Jaccard for a syndicated copy
 * @param dayVetoDays          two dated reports this many days apart are different events
 * @param idleTimeout          an event with no new article for this long (event time) closes
 * @param frequencyHalfLife    document frequencies halve over this much event time
 * @param candidateEvents      most candidate events scored per article
 * @param queryTerms           most of an article's terms used to look up candidates
 * @param indexTermsPerEvent   terms under which an event is indexed
 * @param centroidTerms        terms an event's centroid keeps
 * @param maxPostings          events kept per index term (newest)
 */
public record GroupingSettings(double joinThreshold, double mergeThreshold, double copyThreshold, int dayVetoDays,
                               Duration idleTimeout, Duration frequencyHalfLife, int candidateEvents, int queryTerms,
                               int indexTermsPerEvent, int centroidTerms, int maxPostings) {

    public static GroupingSettings defaults(Duration idleTimeout) {
        return new GroupingSettings(0.45, 0.70, 0.80, 10, idleTimeout, Duration.ofDays(30), 20, 30, 40, 300, 100);
    }

    public GroupingSettings withJoinThreshold(double threshold) {
        return new GroupingSettings(threshold, mergeThreshold, copyThreshold, dayVetoDays, idleTimeout,
                frequencyHalfLife, candidateEvents, queryTerms, indexTermsPerEvent, centroidTerms, maxPostings);
    }

    public GroupingSettings withMergeThreshold(double threshold) {
        return new GroupingSettings(joinThreshold, threshold, copyThreshold, dayVetoDays, idleTimeout,
                frequencyHalfLife, candidateEvents, queryTerms, indexTermsPerEvent, centroidTerms, maxPostings);
    }
}
