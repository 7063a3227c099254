package io.newsflow.enrich.grouping;

import io.newsflow.enrich.grouping.clustering.EventSimilarity;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.clustering.Neighbourhood;
import io.newsflow.enrich.grouping.clustering.SharedNeighbourClustering;
import io.newsflow.enrich.grouping.state.EventReach;
import io.newsflow.enrich.grouping.state.EventState;
import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.enrich.grouping.state.MemberFeatures;
import io.newsflow.enrich.grouping.text.ArticleProfile;
import io.newsflow.enrich.grouping.text.ArticleReading;
import io.newsflow.enrich.grouping.text.MinHash;
import io.newsflow.enrich.grouping.text.TextFeatures;
import io.newsflow.enrich.grouping.text.WireHeadline;
import io.newsflow.enrich.grouping.vectors.BackgroundFrequencies;
import io.newsflow.enrich.grouping.vectors.TermSlots;
import io.newsflow.enrich.grouping.vectors.TermVector;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places each arriving article: in the event it reports, or in a new one, and mends earlier
 * placements that the new article shows were wrong. Pure decision logic over {@link GroupingStores}.
 *
 * <p>Order of questions for each article:
 * <ol>
 *   <li>Is it an article already placed (same id, canonical URL or content hash)? Then its entry
 *       is refreshed; it is not a new source.</li>
 *   <li>Is it a near-identical copy of a placed article (MinHash over word shingles)? Then it
 *       joins that article's event, marked as a copy of it.</li>
 *   <li>Which open events share its rarest terms and names (inverted index)? Their recent members
 *       that it resembles, and the article, form its neighbourhood, which is clustered anew
 *       ({@link SharedNeighbourClustering}).</li>
 *   <li>The clusters become the neighbourhood's events ({@link Regrouping}): ids kept where members
 *       stay together, events merged (tombstone, {@code absorbedEventIds}) or split (a new id) where
 *       the clusters say so; only events whose members changed are published anew.</li>
 * </ol>
 */
public final class EventGrouper {

    private static final Logger LOG = LoggerFactory.getLogger(EventGrouper.class);
    /** Weight of the background frequencies, in documents (see {@link BackgroundFrequencies}). */
    private static final double PRIOR_DOCUMENTS = 50;

    private final GroupingSettings settings;
    private final GroupingStores stores;
    private final TextFeatures features;
    private final double halfLifeMillis;
    private final EventUpdates updates;
    private final Regrouping regrouping;
    private final BackgroundFrequencies background = BackgroundFrequencies.standard();

    public EventGrouper(GroupingSettings settings, GroupingStores stores) {
        this.settings = settings;
        this.stores = stores;
        this.features = new TextFeatures(stores.minHash());
        this.halfLifeMillis = settings.frequencyHalfLife().toMillis();
        this.updates = new EventUpdates(settings, stores);
        this.regrouping = new Regrouping(settings, stores, updates);
    }

    /** What placing one article changed: events to publish anew and event ids absorbed by a merge. */
    /**
     * What a placement changed, with the lineage consumers see (NewsEvent.change).
     *
     * @param changed          events stored anew, survivors and split-off events included
     * @param absorbed         events merged away, as they were before their members moved
     * @param survivorOf       absorbed event id -> the event that absorbed it
     * @param splitFrom        id of an event formed of members moved out of another -> that other event's id
     * @param continuesEventId the closed event an earlier version of the placed article belonged to, or null
     */
    public record Outcome(List<EventState> changed, List<EventState> absorbed, Map<String, String> survivorOf,
                          Map<String, String> splitFrom, String continuesEventId) {

        static Outcome none() {
            return of(List.of());
        }

        static Outcome of(List<EventState> changed) {
            return new Outcome(changed, List.of(), Map.of(), Map.of(), null);
        }

        public List<String> absorbedIds() {
            return absorbed.stream().map(e -> e.eventId).toList();
        }

        Outcome continuing(String closedEventId) {
            return closedEventId == null ? this : new Outcome(changed, absorbed, survivorOf, splitFrom, closedEventId);
        }
    }

    /** A scored candidate. */
    record Candidate(EventState event, EventSimilarity.Score score) {
    }

    /** Higher score first, then the smaller event id. */
    private static final Comparator<Candidate> BEST_FIRST = (a, b) -> {
        int byScore = Double.compare(b.score().value(), a.score().value());
        return byScore != 0 ? byScore : a.event().eventId.compareTo(b.event().eventId);
    };

    public Outcome place(RawArticle article, ArticleTags tags, long eventTime) {
        return place(article, tags, null, eventTime);
    }

    /** Places the article; its reading is done here when the tagging step did not (records of an earlier version). */
    public Outcome place(RawArticle article, ArticleTags tags, ArticleReading reading, long eventTime) {
        Supplier<ArticleReading> lazyReading = () -> reading != null ? reading : ArticleReading.of(article, tags, features);
        // Looked up before the placement writes this article's new record.
        GroupingStores.ArticleRecord known = knownRecord(article);
        Outcome repeat = known == null ? null : refreshKnownArticle(known, article, tags, lazyReading, eventTime);
        if (repeat != null) {
            return repeat;
        }
        // An earlier version of it in a closed event (its record stays until the tombstone) is the surer link;
        // else a closed event it copies (see placeNew).
        String closed = known == null || stores.holdsEvent(known.eventId()) ? null : known.eventId();
        return placeNew(article, tags, lazyReading, eventTime).continuing(closed);
    }

    private Outcome placeNew(RawArticle article, ArticleTags tags, Supplier<ArticleReading> lazyReading, long eventTime) {
        String articleId = article.getArticleId();
        ArticleReading read = lazyReading.get();
        ArticleProfile profile = read.profile();
        List<EventSimilarity.Holder> officials = EventSimilarity.holders(tags);

        GroupingStores.Bands bands = stores.articlesInBands(profile.shingleHash(), settings.maxPostings());
        Story story = new Story(profile.shingleHash(), article.getTitle(), read.lead());
        CopyMatch original = nearestCopy(story, bands);
        // A copy of an article of a closed event (its record stays until the tombstone) links a new event to it.
        String closedOriginal = original != null && !stores.holdsEvent(original.original().eventId())
                ? original.original().eventId() : null;
        // Weighed as if counted; counted only once it is known to be no copy (see below).
        Weighing weighing = weigh(profile, eventTime);
        TermVector vector = weighing.vector();
        double streamDocuments = weighing.streamDocuments();
        TermSlots.Spread spread = new TermSlots.Spread(vector);
        MemberFeatures features = MemberFeatures.of(vector, profile, tags, read.lead(), settings.memberTerms());
        Neighbourhood region = null;
        if (original == null || stores.event(original.original().eventId()) == null) {
            List<Candidate> candidates = candidates(vector, spread, profile, officials, features.vector());
            if (LOG.isDebugEnabled()) {
                LOG.debug("article {} day={} candidates={}", articleId, profile.day(), candidates.stream()
                        .map(c -> c.event().eventId + "=" + String.format("%.3f", c.score().value()) + (c.score().vetoed() ? "V" : ""))
                        .toList());
            }
            region = neighbourhood(article, features, candidates);
            original = copyAmongNearest(region, spread, story);
        }
        EventState copied = original == null ? null : stores.event(original.original().eventId());
        if (copied != null) {
            String copyOf = original.original().articleId();
            EventSimilarity.Score evidence = EventSimilarity.score(spread, profile, officials, copied, settings);
            long previousActivity = copied.lastUpdatedAt;
            if (original.fuller()) {
                // The fuller text is the original: the copy that came first, and its copies, become its copies.
                takeOver(copied, original.original(), article.getArticleId());
                copyOf = null;
            }
            updates.addMember(copied, article, features, eventTime, evidence.value(), copyOf);
            updates.store(copied, previousActivity);
            putArticle(article, copied.eventId, copyOf, profile, bands);
            return Outcome.of(List.of(copied));
        }
        // A copy is no new document: counted, a story syndicated fifty times would make its own
        // words look common, and the stream look older than it is (see EventSimilarity.required).
        stores.countDocument(weighing.terms(), eventTime, halfLifeMillis);
        List<List<Integer>> clusters = SharedNeighbourClustering.cluster(region.items(), settings.clustering(),
                pairs -> EventSimilarity.required(settings, pairs, streamDocuments));
        Outcome outcome = regrouping.apply(region, clusters, article, eventTime);
        putArticle(article, region.arrivingArticleEvent().eventId, null, profile, bands);
        return outcome.continuing(closedOriginal);
    }

    /** Neighbours whose text is checked for a copy the MinHash bands missed: the nearest, and a few in case of ties. */
    private static final int NEAREST_CHECKED_FOR_COPY = 3;

    /**
     * The article's original among its nearest neighbours, if it copies one. The MinHash bands
     * find copies whose Jaccard similarity is high; a copy cut to half its original (an
     * "UPDATE 1-" of a short story) shares a band only by luck, but its original is its nearest
     * neighbour by cosine.
     */
    private CopyMatch copyAmongNearest(Neighbourhood region, TermSlots.Spread arriving, Story story) {
        Integer[] order = new Integer[region.size() - 1];
        double[] cosine = new double[region.size()];
        for (int i = 1; i < region.size(); i++) {
            order[i - 1] = i;
            cosine[i] = arriving.dot(region.features.get(i).vector());
        }
        Arrays.sort(order, (a, b) -> cosine[a] != cosine[b] ? Double.compare(cosine[b], cosine[a]) : Integer.compare(a, b));
        List<String> nearest = new ArrayList<>();
        for (int n = 0; n < Math.min(NEAREST_CHECKED_FOR_COPY, order.length); n++) {
            nearest.add(region.articleIds.get(order[n]));
        }
        return surestCopied(story, nearest);
    }

    /**
     * The arriving article (item 0) and members of the candidate events that could be its
     * neighbours: of each candidate, best first, its most recent members (as many as the room left
     * allows), and of those only events with a member at least as similar as the clustering's
     * neighbour floor.
     */
    private Neighbourhood neighbourhood(RawArticle article, MemberFeatures features, List<Candidate> candidates) {
        Neighbourhood region = new Neighbourhood();
        region.add(null, article.getArticleId(), features);
        TermSlots.Spread arriving = new TermSlots.Spread(features.vector());
        for (Candidate c : candidates) {
            int room = Math.min(settings.regionMembersPerEvent(), settings.regionSize() - region.size());
            if (room <= 0) {
                break;
            }
            EventState event = c.event();
            List<EventState.Member> recent = event.recentWithFeatures(room);
            boolean near = false;
            for (EventState.Member m : recent) {
                MemberFeatures f = event.features.get(m.articleId());
                if (f != null && arriving.dot(f.vector()) >= settings.clustering().floor()) {
                    near = true;
                    break;
                }
            }
            if (!near) {
                continue;
            }
            for (EventState.Member m : recent) {
                MemberFeatures f = event.features.get(m.articleId());
                if (f != null) {
                    region.add(event, m.articleId(), f);
                }
            }
        }
        return region;
    }

    /** What names the event an article founds: the article and the time it arrived. */
    public static String foundingKey(String articleId, long eventTime) {
        return articleId + "@" + eventTime;
    }

    private void putArticle(RawArticle article, String eventId, String copyOf, ArticleProfile profile,
                            GroupingStores.Bands bands) {
        putArticle(article.getArticleId(), eventId, article.getCanonicalUrl(), article.getContentHash(), copyOf, profile, bands);
    }

    private void putArticle(String articleId, String eventId, String canonicalUrl, String contentHash, String copyOf,
                            ArticleProfile profile, GroupingStores.Bands bands) {
        stores.putArticle(new GroupingStores.ArticleRecord(articleId, eventId, canonicalUrl, contentHash, copyOf,
                profile.shingleHash()), bands);
    }

    /**
     * Closes the events idle since before the cutoff (oldest first, at most limit): they leave the
     * candidate index and the events store, and each gets one more version, its CLOSED snapshot. Their
     * article records stay until the tombstone ({@link #expireClosed}), so that an article of a closed
     * event coming back starts a new event that names it (NewsEvent.continuesEventId).
     */
    public List<EventState> closeIdle(long cutoff, int limit) {
        List<EventState> closed = new ArrayList<>();
        for (String eventId : stores.idleEvents(cutoff, limit)) {
            EventState event = stores.event(eventId);
            if (event == null) {
                continue;
            }
            updates.unindex(event);
            stores.deleteEvent(event.eventId, event.lastUpdatedAt);
            stores.markClosed(event);
            event.version++;
            closed.add(event);
        }
        return closed;
    }

    /**
     * Ends the closed events whose last activity is before the cutoff (oldest first, at most limit): their
     * article records are forgotten, and their ids are returned for tombstones.
     */
    public List<Expired> expireClosed(long cutoff, int limit) {
        List<Expired> expired = new ArrayList<>();
        for (GroupingStores.ClosedEvent closed : stores.closedBefore(cutoff, limit)) {
            List<String> forgotten = new ArrayList<>();
            for (String articleId : closed.memberIds()) {
                GroupingStores.ArticleRecord record = stores.article(articleId);
                if (record != null && record.eventId().equals(closed.eventId())) {
                    stores.forgetArticle(record);
                    forgotten.add(articleId);
                }
            }
            stores.forgetClosed(closed);
            expired.add(new Expired(closed.eventId(), forgotten));
        }
        return expired;
    }

    /**
     * A closed event tombstoned: its id, and its articles that are still its own (not placed again since, in a
     * new event), whose event-articles records are tombstoned too.
     */
    public record Expired(String eventId, List<String> articleIds) {
    }

    /**
     * The record of this article as placed before (by id, canonical URL or content hash), or null. The same
     * text from another outlet at another URL is no version of it but a syndicated copy (see placeNew).
     */
    private GroupingStores.ArticleRecord knownRecord(RawArticle article) {
        GroupingStores.ArticleRecord byId = stores.article(article.getArticleId());
        if (byId != null) {
            return byId;
        }
        String byUrl = stores.articleIdByUrl(article.getCanonicalUrl());
        if (byUrl != null) {
            return stores.article(byUrl);
        }
        String byHash = stores.articleIdByHash(article.getContentHash());
        GroupingStores.ArticleRecord record = byHash == null ? null : stores.article(byHash);
        return record == null || republishedElsewhere(record, article) ? null : record;
    }

    /** Whether the placed article is a member of an open event from an outlet other than the arriving article's. */
    private boolean republishedElsewhere(GroupingStores.ArticleRecord placed, RawArticle article) {
        EventState event = stores.event(placed.eventId());
        EventState.Member entry = event == null ? null : event.member(placed.articleId());
        return entry != null && !Objects.equals(entry.source(), EventUpdates.sourceOf(article));
    }

    /** Deterministic: the same founding key always gives the same event id. */
    public static String eventIdFor(String foundingKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(foundingKey.getBytes(StandardCharsets.UTF_8));
            return "ev-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same article again (same id, canonical URL or content hash): a repeat changes nothing; a
     * new version (another headline, URL, date or body) updates its entry and the event's snapshot.
     * An edited body is read anew: its features replace the former ones in the event's aggregates,
     * and its content hash and MinHash signature those of its record, so the edit sent again is a
     * repeat and copies of the new text are found. The article stays in its event.
     */
    private Outcome refreshKnownArticle(GroupingStores.ArticleRecord record, RawArticle article, ArticleTags tags,
                                        Supplier<ArticleReading> reading, long eventTime) {
        String knownId = record.articleId();
        EventState event = stores.event(record.eventId());
        if (event == null) {
            return null;
        }
        for (int i = 0; i < event.members.size(); i++) {
            EventState.Member m = event.members.get(i);
            if (!m.articleId().equals(knownId)) {
                continue;
            }
            String url = article.getUrl() != null ? article.getUrl() : m.url();
            // Boxed on both sides: an undated article refreshed again must not unbox a null.
            Long published = article.getPublishedAt() != null ? Long.valueOf(article.getPublishedAt().toEpochMilli())
                    : m.publishedAt();
            boolean edited = article.getContentHash() != null && !article.getContentHash().equals(record.contentHash());
            boolean changed = edited || !Objects.equals(url, m.url()) || !Objects.equals(published, m.publishedAt())
                    || !article.getTitle().equals(m.title());
            if (!changed) {
                return Outcome.none();
            }
            event.members.set(i, new EventState.Member(m.articleId(), m.source(), url, article.getTitle(), published,
                    m.eventTime(), m.score(), m.sharedOfficials(), m.sharedCountries(), m.timeGapHours(), m.copyOf()));
            event.entryChanged(m.articleId());
            long previous = event.lastUpdatedAt;
            event.version++;
            event.lastUpdatedAt = Math.max(event.lastUpdatedAt, eventTime);
            if (edited) {
                ArticleReading read = reading.get();
                ArticleProfile profile = read.profile();
                if (event.features.containsKey(knownId)) {
                    TermVector vector = weigh(profile, eventTime).vector();
                    event.features.put(knownId, MemberFeatures.of(vector, profile, tags, read.lead(),
                            settings.memberTerms()));
                    event.rebuild(settings.centroidTerms());
                }
                stores.forgetArticle(record);
                putArticle(knownId, record.eventId(), firstNonNull(article.getCanonicalUrl(), record.canonicalUrl()),
                        article.getContentHash(), record.copyOf(), profile,
                        stores.articlesInBands(profile.shingleHash(), settings.maxPostings()));
                updates.store(event, previous);
            } else {
                stores.putEvent(event, previous, event.indexedTerms);
            }
            return Outcome.of(List.of(event));
        }
        return null;
    }

    /** An article's terms, its TF-IDF vector, and the documents (stream and prior) its weights were learnt from. */
    private record Weighing(long[] terms, TermVector vector, double streamDocuments) {
    }

    /**
     * Weighs the profile's terms as if the article were counted as one more document, counting
     * nothing: {@link GroupingStores#countDocument} would give these frequencies; only a new
     * document (not a copy, not an edit) is counted, once that is known.
     */
    private Weighing weigh(ArticleProfile profile, long eventTime) {
        int n = profile.termWeights().size();
        String[] words = new String[n];
        long[] terms = new long[n];
        double[] termFrequencies = new double[n];
        int at = 0;
        for (Map.Entry<String, Double> e : profile.termWeights().entrySet()) {
            words[at] = e.getKey();
            terms[at] = TermVector.termOf(e.getKey());
            termFrequencies[at++] = e.getValue();
        }
        double[] documentFrequencies = stores.documentFrequenciesWith(terms, eventTime, halfLifeMillis);
        // The background prior is evidence about word rarity too: it counts as documents seen.
        double streamDocuments = stores.documentCount(eventTime, halfLifeMillis) + 1.0 + PRIOR_DOCUMENTS;
        return new Weighing(terms, tfIdf(words, terms, termFrequencies, documentFrequencies, streamDocuments),
                streamDocuments);
    }

    private TermVector tfIdf(String[] words, long[] terms, double[] termFrequencies, double[] documentFrequencies,
                             double documents) {
        double[] weights = new double[terms.length];
        double norm = 0;
        for (int i = 0; i < terms.length; i++) {
            double df = Math.max(1e-9, documentFrequencies[i] + PRIOR_DOCUMENTS * background.share(words[i]));
            double w = termFrequencies[i] * Math.log(1.0 + documents / df);
            weights[i] = w;
            norm += w * w;
        }
        double length = Math.sqrt(norm);
        for (int i = 0; length > 0 && i < terms.length; i++) {
            weights[i] /= length;
        }
        return TermVector.sorted(terms, weights, terms.length);
    }

    /**
     * The placed article this one copies, if any: among the articles sharing a MinHash band with
     * it, the one whose original (itself, or the article it copies) it copies most surely
     * ({@link #copyEvidence}), at least {@link GroupingSettings#copyThreshold}: a copy adds little
     * to its original (a credit line) or cuts it, while a round-up holding the original and another
     * story adds half. Compared with the original, not with a copy of it: a cut copy would
     * otherwise make any text that holds it a copy too.
     */
    private CopyMatch nearestCopy(Story story, GroupingStores.Bands bands) {
        Set<String> listed = new LinkedHashSet<>();
        bands.listed().forEach(listed::addAll);
        return surestCopied(story, listed);
    }

    /** Of these placed articles, the one the arriving text copies most surely, at least {@link GroupingSettings#copyThreshold}; the later of equals. */
    private CopyMatch surestCopied(Story arriving, Collection<String> articleIds) {
        CopyMatch best = null;
        double bestEvidence = settings.copyThreshold();
        for (String id : articleIds) {
            GroupingStores.ArticleRecord record = stores.article(id);
            if (record == null) {
                continue;
            }
            CopyMatch match = copyEvidence(arriving, record);
            if (match != null && match.evidence() >= bestEvidence) {
                bestEvidence = match.evidence();
                best = match;
            }
        }
        return best;
    }

    /**
     * New shingles one line of up to a dozen words brings (its words and the three shingles that
     * span its start): a dateline, a "Reporting by" or copyright line. A story of its own, even a
     * three-sentence brief, brings more.
     */
    private static final double ONE_LINE_SHINGLES = 15;

    /**
     * How the arriving text copies a placed original, if it does: the share of it the original
     * holds (a cut or credited copy adds little); or, for a text that holds all but a little of the
     * original, the share of the original it holds when it adds no more than a line to it (a credit
     * line is a large share of a short story: a third of a three-sentence brief), or when it adds
     * more but is the same story (headline, or opening where there is none: {@link WireHeadline}).
     * Then it is the fuller version: the full text arriving after a copy with its last paragraph
     * cut. A round-up that holds a brief adds a whole story under a headline of its own.
     */
    private CopyMatch copyEvidence(Story arriving, GroupingStores.ArticleRecord placed) {
        GroupingStores.ArticleRecord root = placed.copyOf() == null ? placed : stores.article(placed.copyOf());
        if (root == null) {
            return null;
        }
        double contained = MinHash.containment(arriving.signature(), root.signature());
        if (contained >= settings.copyThreshold()) {
            return new CopyMatch(root, contained, false);
        }
        double holds = MinHash.containment(root.signature(), arriving.signature());
        if (holds < settings.copyThreshold()) {
            return null;
        }
        if (MinHash.addedShingles(arriving.signature(), root.signature()) <= ONE_LINE_SHINGLES) {
            return new CopyMatch(root, holds, false);
        }
        return sameStory(arriving, root) ? new CopyMatch(root, holds, true) : null;
    }

    /** Whether the placed article tells the arriving text's story under its headline, or its opening where it has none. */
    private boolean sameStory(Story arriving, GroupingStores.ArticleRecord placed) {
        EventState event = stores.event(placed.eventId());
        EventState.Member entry = event == null ? null : event.member(placed.articleId());
        if (entry == null) {
            return false;
        }
        MemberFeatures f = event.features.get(placed.articleId());
        return WireHeadline.sameStory(arriving.headline(), arriving.lead(), entry.title(), f == null ? null : f.lead());
    }

    /**
     * The arriving fuller text takes the place of the original it was found to hold: that article
     * and its copies become copies of the arriving one, and it keeps no features (the arriving
     * text's take their place when it is added). Its document stays counted: it is one document.
     */
    private void takeOver(EventState event, GroupingStores.ArticleRecord original, String fullerId) {
        event.features.remove(original.articleId());
        for (int i = 0; i < event.members.size(); i++) {
            EventState.Member m = event.members.get(i);
            if (m.articleId().equals(original.articleId()) || original.articleId().equals(m.copyOf())) {
                event.members.set(i, new EventState.Member(m.articleId(), m.source(), m.url(), m.title(), m.publishedAt(),
                        m.eventTime(), m.score(), m.sharedOfficials(), m.sharedCountries(), m.timeGapHours(), fullerId));
                event.entryChanged(m.articleId());
                GroupingStores.ArticleRecord record = stores.article(m.articleId());
                if (record != null) {
                    stores.markCopy(record, fullerId);
                }
            }
        }
    }

    /** What the arriving text is compared by: its shingles, and the headline and opening it is known by. */
    private record Story(int[] signature, String headline, String lead) {
    }

    /**
     * A placed original the arriving text copies: how surely, and whether the arriving text is its
     * fuller version (then it becomes the original).
     */
    private record CopyMatch(GroupingStores.ArticleRecord original, double evidence, boolean fuller) {
    }

    /**
     * The candidate events of the article that may join its neighbourhood, scored: of the events
     * the index gives, those none of whose recent members can be the article's neighbour (see
     * {@link #neighbourhood}) are left out unread.
     */
    private List<Candidate> candidates(TermVector vector, TermSlots.Spread spread, ArticleProfile profile,
                                       List<EventSimilarity.Holder> officials, TermVector memberVector) {
        int[] strongest = vector.strongest(settings.queryTerms());
        long[] terms = new long[strongest.length];
        double[] weights = new double[strongest.length];
        for (int i = 0; i < strongest.length; i++) {
            terms[i] = vector.term(strongest[i]);
            weights[i] = vector.weight(strongest[i]);
        }
        // Each event indexed under a strong term gets the term's weight as a vote (see mostVoted).
        List<Candidate> scored = new ArrayList<>();
        EventReach.Probe probe = new EventReach.Probe(memberVector);
        for (String eventId : stores.mostVoted(terms, weights, settings.candidateEvents(), settings.maxPostings())) {
            if (!stores.mayReach(eventId, probe, settings.clustering().floor())) {
                continue;
            }
            EventState event = stores.event(eventId);
            if (event != null) {
                scored.add(new Candidate(event, EventSimilarity.score(spread, profile, officials, event, settings)));
            }
        }
        scored.sort(BEST_FIRST);
        return scored;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
