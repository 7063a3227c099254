package io.newsflow.enrich.grouping.clustering;

import io.newsflow.enrich.grouping.text.MinHash;
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

    /** How long an event stays open without news by default (NEWSFLOW_EVENT_IDLE_HOURS): a week. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofDays(7);

    /** The defaults (see {@link Builder}) with this idle timeout. */
    public static GroupingSettings defaults(Duration idleTimeout) {
        return builder().idleTimeout(idleTimeout).build();
    }

    /** Settings starting from the defaults, each one named. */
    public static Builder builder() {
        return new Builder();
    }

    /** These settings, to change some. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public GroupingSettings withLinkThresholds(double link, double smallSample, double coldStart) {
        return toBuilder().linkThreshold(link).smallSampleMargin(smallSample).coldStartMargin(coldStart).build();
    }

    public GroupingSettings withClustering(SharedNeighbourClustering.Settings clustering) {
        return toBuilder().clustering(clustering).build();
    }

    public GroupingSettings withRegion(int regionSize, int regionMembersPerEvent, int memberTerms) {
        return toBuilder().regionSize(regionSize).regionMembersPerEvent(regionMembersPerEvent).memberTerms(memberTerms)
                .build();
    }

    /**
     * Grouping settings by name, from the defaults. Clustering: up to ten neighbours (the closer half of an
     * article's similar articles), and a share of 0.4 of them in common: the middle of the range that worked
     * offline and online on the development data and on random halves and thirds of it (denser and sparser
     * streams). No day veto: reports of one event go on for weeks (a trial, a recovery, a follow-up), so
     * publication days far apart do not make two events; an event closes after the idle timeout instead.
     */
    public static final class Builder {

        private double linkThreshold = 0.0;
        private double smallSampleMargin = 0.10;
        private double coldStartMargin = 1.0;
        private double copyThreshold = 0.80;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration frequencyHalfLife = Duration.ofDays(30);
        private int candidateEvents = 20;
        private int queryTerms = 30;
        private int indexTermsPerEvent = 40;
        private int centroidTerms = 300;
        private int maxPostings = 100;
        private SharedNeighbourClustering.Settings clustering = new SharedNeighbourClustering.Settings(10, 0.5, 0.05, 0.4, 0);
        private int regionSize = 60;
        private int regionMembersPerEvent = 30;
        private int memberTerms = 150;

        private Builder() {
        }

        private Builder(GroupingSettings s) {
            linkThreshold = s.linkThreshold();
            smallSampleMargin = s.smallSampleMargin();
            coldStartMargin = s.coldStartMargin();
            copyThreshold = s.copyThreshold();
            idleTimeout = s.idleTimeout();
            frequencyHalfLife = s.frequencyHalfLife();
            candidateEvents = s.candidateEvents();
            queryTerms = s.queryTerms();
            indexTermsPerEvent = s.indexTermsPerEvent();
            centroidTerms = s.centroidTerms();
            maxPostings = s.maxPostings();
            clustering = s.clustering();
            regionSize = s.regionSize();
            regionMembersPerEvent = s.regionMembersPerEvent();
            memberTerms = s.memberTerms();
        }

        public Builder linkThreshold(double value) {
            linkThreshold = value;
            return this;
        }

        public Builder smallSampleMargin(double value) {
            smallSampleMargin = value;
            return this;
        }

        public Builder coldStartMargin(double value) {
            coldStartMargin = value;
            return this;
        }

        public Builder copyThreshold(double value) {
            copyThreshold = value;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        public Builder frequencyHalfLife(Duration value) {
            frequencyHalfLife = value;
            return this;
        }

        public Builder candidateEvents(int value) {
            candidateEvents = value;
            return this;
        }

        public Builder queryTerms(int value) {
            queryTerms = value;
            return this;
        }

        public Builder indexTermsPerEvent(int value) {
            indexTermsPerEvent = value;
            return this;
        }

        public Builder centroidTerms(int value) {
            centroidTerms = value;
            return this;
        }

        public Builder maxPostings(int value) {
            maxPostings = value;
            return this;
        }

        public Builder clustering(SharedNeighbourClustering.Settings value) {
            clustering = value;
            return this;
        }

        public Builder regionSize(int value) {
            regionSize = value;
            return this;
        }

        public Builder regionMembersPerEvent(int value) {
            regionMembersPerEvent = value;
            return this;
        }

        public Builder memberTerms(int value) {
            memberTerms = value;
            return this;
        }

        public GroupingSettings build() {
            return new GroupingSettings(linkThreshold, smallSampleMargin, coldStartMargin, copyThreshold, idleTimeout,
                    frequencyHalfLife, candidateEvents, queryTerms, indexTermsPerEvent, centroidTerms, maxPostings,
                    clustering, regionSize, regionMembersPerEvent, memberTerms);
        }
    }
}
