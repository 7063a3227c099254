package io.newsflow.enrich.grouping;

import java.time.Duration;

/**
 * How grouping decides. An article joins an event, and two events merge, when the mean
 * similarity of their article pairs (group-average link) reaches
 * {@code linkThreshold + smallSampleMargin / sqrt(pairs) + coldStartMargin / sqrt(1 + articlesSeen)}:
 * a mean over few pairs, or over term weights learnt from few articles, is weak evidence, so it
 * must be stronger (see {@link EventSimilarity#required}). The defaults were chosen on these
 * principles and checked on the seeds and the ECB+ development set, not fitted per topic.
 *
 * @param linkThreshold      least mean pair similarity for a link backed by many pairs
 * @param smallSampleMargin  extra similarity a link on a single pair needs (shrinks as 1/sqrt(pairs))
 * @param coldStartMargin    extra similarity while the document-frequency store is young
 *                           (shrinks as 1/sqrt(1 + articles seen))
 * @param copyThreshold      least estimated shingle Jaccard for a syndicated copy
 * @param dayVetoDays        two dated reports this many days apart are different events
 * @param idleTimeout        an event with no new article for this long (event time) closes
 * @param frequencyHalfLife  document frequencies halve over this much event time
 * @param candidateEvents    most candidate events scored per article
 * @param queryTerms         most of an article's terms used to look up candidates
 * @param indexTermsPerEvent terms under which an event is indexed
 * @param centroidTerms      terms an event's centroid keeps
 * @param maxPostings        events kept per index term (newest)
 */
public record GroupingSettings(double linkThreshold, double smallSampleMargin, double coldStartMargin,
                               double copyThreshold, int dayVetoDays, Duration idleTimeout, Duration frequencyHalfLife,
                               int candidateEvents, int queryTerms, int indexTermsPerEvent, int centroidTerms,
                               int maxPostings) {

    public static GroupingSettings defaults(Duration idleTimeout) {
        return new GroupingSettings(0.12, 0.10, 0.50, 0.80, 10, idleTimeout, Duration.ofDays(30), 20, 30, 40, 300, 100);
    }

    public GroupingSettings withLinkThresholds(double link, double smallSample, double coldStart) {
        return new GroupingSettings(link, smallSample, coldStart, copyThreshold, dayVetoDays, idleTimeout,
                frequencyHalfLife, candidateEvents, queryTerms, indexTermsPerEvent, centroidTerms, maxPostings);
    }
}
