package io.newsflow.enrich.grouping;

import java.time.Duration;

/**
 * How grouping decides. Around each arriving article, the articles of the events it may belong
 * to are clustered anew by shared nearest neighbours ({@link SharedNeighbourClustering}). Two
 * clusters join only if, besides sharing neighbours, the mean cosine of their article pairs
 * reaches {@code linkThreshold + smallSampleMargin / sqrt(pairs) + coldStartMargin / sqrt(1 + articlesSeen)}:
 * a mean over few pairs, or over term weights learnt from few articles, is weak evidence (see
 * {@link EventSimilarity#required}); in a young stream every article is every other's neighbour,
 * so this guard is what keeps unrelated stories apart there. The defaults were chosen on these
 * principles and checked on the seeds and the ECB+ development set, not fitted per topic.
 *
 * @param linkThreshold         least mean cosine between two clusters backed by many pairs
 * @param smallSampleMargin     extra mean cosine a link on a single pair needs (shrinks as 1/sqrt(pairs))
 * @param coldStartMargin       extra mean cosine while the document-frequency store is young
 *                              (shrinks as 1/sqrt(1 + articles seen))
 * @param copyThreshold         least estimated shingle containment (see {@link MinHash#containment}) for a syndicated copy
 * @param idleTimeout           an event with no new article for this long (event time) closes
 * @param frequencyHalfLife     document frequencies halve over this much event time
 * @param candidateEvents       most candidate events looked up per article
 * @param queryTerms            most of an article's terms used to look up candidates
 * @param indexTermsPerEvent    terms under which an event is indexed
 * @param centroidTerms         terms an event's centroid keeps
 * @param maxPostings           events kept per index term (newest)
 * @param clustering            how the articles of a neighbourhood are clustered
 * @param regionSize            most articles re-grouped around one arriving article
 * @param regionMembersPerEvent most recent members of one candidate event taken into the neighbourhood
 * @param memberTerms           strongest terms kept of each member article
 */
public record GroupingSettings(double linkThreshold, double smallSampleMargin, double coldStartMargin,
                               double copyThreshold, Duration idleTimeout, Duration frequencyHalfLife,
                               int candidateEvents, int queryTerms, int indexTermsPerEvent, int centroidTerms,
                               int maxPostings, SharedNeighbourClustering.Settings clustering, int regionSize,
                               int regionMembersPerEvent, int memberTerms) {

    /**
     * Up to ten neighbours (the closer half of an article's similar articles), and a share of 0.4
     * of them in common: the middle of the range that worked offline and online on the development
     * data and on random halves and thirds of it (denser and sparser streams). No day veto: reports of
     * one event go on for weeks (a trial, a recovery, a follow-up), so publication days far apart do
     * not make two events; an event closes after the idle timeout instead.
     */
    /** How long an event stays open without news by default (NEWSFLOW_EVENT_IDLE_HOURS): a week. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofDays(7);

    public static GroupingSettings defaults(Duration idleTimeout) {
        return new GroupingSettings(0.0, 0.10, 1.0, 0.80, idleTimeout, Duration.ofDays(30), 20, 30, 40, 300, 100,
                new SharedNeighbourClustering.Settings(10, 0.5, 0.05, 0.4, 0), 60, 30, 150);
    }

    public GroupingSettings withLinkThresholds(double link, double smallSample, double coldStart) {
        return new GroupingSettings(link, smallSample, coldStart, copyThreshold, idleTimeout, frequencyHalfLife,
                candidateEvents, queryTerms, indexTermsPerEvent, centroidTerms, maxPostings, clustering, regionSize,
                regionMembersPerEvent, memberTerms);
    }

    public GroupingSettings withClustering(SharedNeighbourClustering.Settings clustering) {
        return new GroupingSettings(linkThreshold, smallSampleMargin, coldStartMargin, copyThreshold, idleTimeout,
                frequencyHalfLife, candidateEvents, queryTerms, indexTermsPerEvent, centroidTerms, maxPostings, clustering,
                regionSize, regionMembersPerEvent, memberTerms);
    }

    public GroupingSettings withRegion(int regionSize, int regionMembersPerEvent, int memberTerms) {
        return new GroupingSettings(linkThreshold, smallSampleMargin, coldStartMargin, copyThreshold, idleTimeout,
                frequencyHalfLife, candidateEvents, queryTerms, indexTermsPerEvent, centroidTerms, maxPostings, clustering,
                regionSize, regionMembersPerEvent, memberTerms);
    }
}
