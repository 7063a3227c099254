package io.newsflow.enrich.grouping;

import io.newsflow.enrich.cleaning.PageChrome;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 *   <li>The clusters become the neighbourhood's events: ids kept where members stay together,
 *       events merged (tombstone, {@code absorbedEventIds}) or split (a new id) where the clusters
 *       say so; only events whose members changed are published anew.</li>
 * </ol>
 */
public final class EventGrouper {

    private static final Logger LOG = LoggerFactory.getLogger(EventGrouper.class);
    private static final int SUMMARY_CHARS = 300;
    /** Weight of the background frequencies, in documents (see {@link BackgroundFrequencies}). */
    private static final double PRIOR_DOCUMENTS = 50;
    private static final int NAMES_INDEXED = 15;

    private final GroupingSettings settings;
    private final GroupingStores stores;
    private final TextFeatures features;
    private final MinHash minHash;
    private final double halfLifeMillis;
    private final BackgroundFrequencies background = BackgroundFrequencies.standard();
    /** Largest value first, then by key: a total order, so a top-k selection equals a full sort. */
    private static final Comparator<Map.Entry<String, Double>> LARGEST_FIRST =
            Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    public EventGrouper(GroupingSettings settings, GroupingStores stores) {
        this.settings = settings;
        this.stores = stores;
        this.minHash = MinHash.standard();
        this.features = new TextFeatures(minHash);
        this.halfLifeMillis = settings.frequencyHalfLife().toMillis();
    }

    /** What placing one article changed: events to publish anew and event ids absorbed by a merge. */
    public record Outcome(List<EventState> changed, List<String> absorbedIds) {

        static Outcome none() {
            return new Outcome(List.of(), List.of());
        }
    }

    /** A scored candidate. */
    record Candidate(EventState event, EventSimilarity.Score score) {
    }

    /** Forgets what memory holds beyond the stores: after a failed placement, the stores are right. */
    public void recover() {
        stores.forgetDecoded();
    }

    public Outcome place(RawArticle article, ArticleTags tags, long eventTime) {
        String articleId = article.getArticleId();
        GroupingStores.requireNoSeparator(articleId);
        Outcome repeat = refreshKnownArticle(article, eventTime);
        if (repeat != null) {
            return repeat;
        }
        LocalDate published = article.getPublishedAt() == null ? null
                : LocalDate.ofInstant(article.getPublishedAt(), ZoneOffset.UTC);
        String body = PageChrome.strip(article.getBody());
        ArticleProfile profile = features.profile(article.getTitle(), body, article.getBody(), published, tags);
        List<EventSimilarity.Holder> officials = EventSimilarity.holders(tags);

        Map<String, Double> frequencies = stores.countDocument(profile.termWeights().keySet(), eventTime, halfLifeMillis);
        Map<String, Double> vector = tfIdf(profile.termWeights(), frequencies, eventTime);
        // The background prior is evidence about word rarity too: it counts as documents seen.
        double streamDocuments = stores.documentCount(eventTime, halfLifeMillis) + PRIOR_DOCUMENTS;

        MemberFeatures features = MemberFeatures.of(vector, profile, tags, lead(body), settings.memberTerms());
        GroupingStores.ArticleRecord original = nearestCopy(profile.shingleHash());
        EventState copied = original == null ? null : stores.event(original.eventId());
        if (copied != null) {
            String copyOf = original.copyOf() != null ? original.copyOf() : original.articleId();
            EventSimilarity.Score evidence = EventSimilarity.score(vector, profile, officials, copied, settings);
            long previousActivity = copied.lastUpdatedAt;
            addMember(copied, article, features, eventTime, evidence.value(), copyOf);
            store(copied, previousActivity);
            putArticle(article, copied.eventId, copyOf, profile);
            return new Outcome(List.of(copied), List.of());
        }
        List<Candidate> candidates = candidates(vector, profile, officials);
        if (LOG.isDebugEnabled()) {
            LOG.debug("article {} day={} candidates={}", articleId, profile.day(), candidates.stream()
                    .map(c -> c.event().eventId + "=" + String.format("%.3f", c.score().value()) + (c.score().vetoed() ? "V" : ""))
                    .toList());
        }
        Neighbourhood region = neighbourhood(article, features, eventTime, candidates);
        List<List<Integer>> clusters = SharedNeighbourClustering.cluster(region.items(), settings.clustering(),
                pairs -> EventSimilarity.required(settings, pairs, streamDocuments));
        Outcome outcome = regroup(region, clusters, article, eventTime);
        putArticle(article, region.eventOf(0).eventId, null, profile);
        return outcome;
    }

    /**
     * The arriving article (item 0) and members of the candidate events that could be its
     * neighbours: of each candidate, best first, its most recent members (as many as the room left
     * allows), and of those only events with a member at least as similar as the clustering's
     * neighbour floor.
     */
    private Neighbourhood neighbourhood(RawArticle article, MemberFeatures features, long eventTime,
                                        List<Candidate> candidates) {
        Neighbourhood region = new Neighbourhood();
        region.add(null, article.getArticleId(), features, eventTime);
        for (Candidate c : candidates) {
            int room = Math.min(settings.regionMembersPerEvent(), settings.regionSize() - region.size());
            if (room <= 0) {
                break;
            }
            EventState event = c.event();
            List<EventState.Member> recent = event.members.subList(Math.max(0, event.members.size() - room),
                    event.members.size());
            boolean near = false;
            for (EventState.Member m : recent) {
                MemberFeatures f = event.features.get(m.articleId());
                if (f != null && EventSimilarity.dot(features.vector(), f.vector()) >= settings.clustering().floor()) {
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
                    region.add(event, m.articleId(), f, m.eventTime());
                }
            }
        }
        return region;
    }

    /** Articles being re-grouped: item 0 is the arriving article (no event yet), the rest are members of events. */
    private static final class Neighbourhood {
        private final List<EventState> events = new ArrayList<>();
        private final List<String> articleIds = new ArrayList<>();
        private final List<MemberFeatures> features = new ArrayList<>();
        private final List<SharedNeighbourClustering.Item> items = new ArrayList<>();
        /** The events of the region, in the order they were first met. */
        private final Map<String, EventState> regionEvents = new LinkedHashMap<>();
        private final Map<Integer, EventState> placed = new HashMap<>();

        void add(EventState event, String articleId, MemberFeatures f, long eventTime) {
            events.add(event);
            articleIds.add(articleId);
            features.add(f);
            items.add(new SharedNeighbourClustering.Item(f.vector(), f.day(), f.holders()));
            if (event != null) {
                regionEvents.putIfAbsent(event.eventId, event);
            }
        }

        int size() {
            return items.size();
        }

        List<SharedNeighbourClustering.Item> items() {
            return items;
        }

        EventState eventOf(int item) {
            return placed.get(item);
        }
    }

    /**
     * Turns the clusters of a neighbourhood into events, keeping ids stable: each cluster takes the
     * id of the event it shares most members with (largest overlap first, older event on a tie);
     * a cluster left without one is a new event; an event whose id no cluster took was absorbed,
     * and its members outside the neighbourhood follow it into the cluster that holds most of its
     * members. Only events whose members changed are stored and published anew.
     */
    private Outcome regroup(Neighbourhood region, List<List<Integer>> clusters, RawArticle article, long eventTime) {
        List<EventState> oldEvents = new ArrayList<>(region.regionEvents.values());
        int[][] overlap = new int[clusters.size()][oldEvents.size()];
        for (int c = 0; c < clusters.size(); c++) {
            for (int item : clusters.get(c)) {
                EventState e = region.events.get(item);
                if (e != null) {
                    overlap[c][oldEvents.indexOf(e)]++;
                }
            }
        }
        EventState[] targetOf = assignIds(clusters.size(), oldEvents, overlap);
        Map<String, Integer> survivorOfAbsorbed = new LinkedHashMap<>();
        for (int e = 0; e < oldEvents.size(); e++) {
            EventState old = oldEvents.get(e);
            if (!Arrays.asList(targetOf).contains(old)) {
                int best = 0;
                for (int c = 1; c < clusters.size(); c++) {
                    if (overlap[c][e] > overlap[best][e]) {
                        best = c;
                    }
                }
                survivorOfAbsorbed.put(old.eventId, best);
            }
        }
        Map<String, Long> previousActivity = new HashMap<>();
        for (EventState old : oldEvents) {
            previousActivity.put(old.eventId, old.lastUpdatedAt);
        }
        // Who belongs where, as article ids per cluster.
        List<Set<String>> wanted = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Set<String> ids = new LinkedHashSet<>();
            for (int item : clusters.get(c)) {
                ids.add(region.articleIds.get(item));
            }
            wanted.add(ids);
        }
        Set<String> inRegion = new HashSet<>(region.articleIds);
        for (EventState old : oldEvents) {
            Integer survivor = survivorOfAbsorbed.get(old.eventId);
            int keeper = survivor != null ? survivor : Arrays.asList(targetOf).indexOf(old);
            for (EventState.Member m : old.members) {
                if (!inRegion.contains(m.articleId())) {
                    wanted.get(keeper).add(m.articleId());
                }
            }
        }
        // Every member record and its features, wherever it is now.
        Map<String, EventState.Member> memberById = new HashMap<>();
        Map<String, MemberFeatures> featuresById = new HashMap<>();
        for (EventState old : oldEvents) {
            for (EventState.Member m : old.members) {
                memberById.put(m.articleId(), m);
                MemberFeatures f = old.features.get(m.articleId());
                if (f != null) {
                    featuresById.put(m.articleId(), f);
                }
            }
        }
        List<EventState> changed = new ArrayList<>();
        List<String> absorbed = new ArrayList<>();
        EventState[] result = new EventState[clusters.size()];
        Set<String> given = new HashSet<>();
        oldEvents.forEach(e -> given.add(e.eventId));
        for (int c = 0; c < clusters.size(); c++) {
            EventState target = targetOf[c];
            boolean fresh = target == null;
            if (fresh) {
                target = new EventState(newEventId(clusters.get(c), region, article, eventTime, given));
                given.add(target.eventId);
            }
            result[c] = target;
            Set<String> before = new HashSet<>();
            target.members.forEach(m -> before.add(m.articleId()));
            if (before.equals(wanted.get(c))) {
                continue;
            }
            List<EventState.Member> kept = new ArrayList<>();
            for (EventState.Member m : target.members) {
                if (wanted.get(c).contains(m.articleId())) {
                    kept.add(m);
                }
            }
            List<EventState.Member> arriving = new ArrayList<>();
            for (String id : wanted.get(c)) {
                if (!before.contains(id) && memberById.containsKey(id)) {
                    arriving.add(memberById.get(id));
                }
            }
            arriving.sort(Comparator.comparingLong(EventState.Member::eventTime).thenComparing(EventState.Member::articleId));
            target.members.clear();
            target.members.addAll(kept);
            target.members.addAll(arriving);
            target.features.keySet().retainAll(wanted.get(c));
            for (EventState.Member m : arriving) {
                MemberFeatures f = featuresById.get(m.articleId());
                if (f != null) {
                    target.features.put(m.articleId(), f);
                }
            }
            for (EventState.Member m : arriving) {
                GroupingStores.ArticleRecord record = stores.article(m.articleId());
                if (record != null) {
                    stores.moveArticle(record, target.eventId);
                }
            }
            if (!target.members.isEmpty()) {
                target.firstSeenAt = firstSeen(target);
            }
            int newcomer = clusters.get(c).indexOf(0);
            if (newcomer >= 0) {
                region.placed.put(0, target);
                MemberFeatures f = region.features.get(0);
                addMember(target, article, f, eventTime, fresh && target.members.isEmpty() ? 1.0
                        : meanCosine(f, target), null);
            } else {
                target.version++;
                target.retireOldest(settings.regionMembersPerEvent());
                target.rebuild(settings.centroidTerms());
            }
            if (fresh && target.members.size() > 0) {
                EventState.Member founder = target.members.get(0);
                target.title = founder.title();
                MemberFeatures f = target.features.get(founder.articleId());
                target.summary = f == null ? "" : f.lead();
            }
            changed.add(target);
        }
        for (EventState old : oldEvents) {
            Integer survivor = survivorOfAbsorbed.get(old.eventId);
            if (survivor == null) {
                continue;
            }
            EventState into = result[survivor];
            // its members outside the neighbourhood came along: so do the sums of its retired ones
            into.retired.add(old.retired);
            into.rebuild(settings.centroidTerms());
            into.absorbedEventIds.add(old.eventId);
            into.absorbedEventIds.addAll(old.absorbedEventIds);
            for (String term : old.indexedTerms) {
                stores.unindex(term, old.eventId);
            }
            stores.deleteEvent(old.eventId, previousActivity.get(old.eventId));
            absorbed.add(old.eventId);
        }
        for (EventState e : changed) {
            e.lastUpdatedAt = Math.max(e.lastUpdatedAt, eventTime);
            store(e, previousActivity.getOrDefault(e.eventId, -1L));
        }
        return new Outcome(changed, absorbed);
    }

    /** Greedy, deterministic: largest overlaps first; among equal overlaps the older event, then the smaller id. */
    private static EventState[] assignIds(int clusterCount, List<EventState> oldEvents, int[][] overlap) {
        record Pair(int cluster, int event, int overlap) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int c = 0; c < clusterCount; c++) {
            for (int e = 0; e < oldEvents.size(); e++) {
                if (overlap[c][e] > 0) {
                    pairs.add(new Pair(c, e, overlap[c][e]));
                }
            }
        }
        pairs.sort(Comparator.comparingInt((Pair p) -> -p.overlap())
                .thenComparingLong(p -> oldEvents.get(p.event()).firstSeenAt)
                .thenComparing(p -> oldEvents.get(p.event()).eventId)
                .thenComparingInt(Pair::cluster));
        EventState[] target = new EventState[clusterCount];
        Set<Integer> used = new HashSet<>();
        for (Pair p : pairs) {
            if (target[p.cluster()] == null && used.add(p.event())) {
                target[p.cluster()] = oldEvents.get(p.event());
            }
        }
        return target;
    }

    /**
     * A new event founded by the arriving article is named after the article and its arrival time:
     * an article that comes back after its event closed (and left the stores) founds a new event,
     * it does not bring back the closed event's id at version 1 (consumers keep the higher version).
     * One split off from older events is named after its earliest member and the article that split
     * it. Should the id be taken (an event in this neighbourhood or open in the store), a counter is
     * added: still deterministic, never two events under one key.
     */
    private String newEventId(List<Integer> cluster, Neighbourhood region, RawArticle article, long eventTime,
                              Set<String> given) {
        String base = cluster.contains(0) ? foundingKey(article.getArticleId(), eventTime)
                : region.articleIds.get(cluster.get(0)) + "/" + foundingKey(article.getArticleId(), eventTime);
        String id = eventIdFor(base);
        for (int n = 2; given.contains(id) || stores.event(id) != null; n++) {
            id = eventIdFor(base + "#" + n);
        }
        return id;
    }

    /** What names the event an article founds: the article and the time it arrived. */
    static String foundingKey(String articleId, long eventTime) {
        return articleId + "@" + eventTime;
    }

    private static long firstSeen(EventState event) {
        long first = Long.MAX_VALUE;
        for (EventState.Member m : event.members) {
            first = Math.min(first, m.eventTime());
        }
        return first;
    }

    /** The newcomer's mean cosine with the members it joins: its evidence score. */
    private static double meanCosine(MemberFeatures newcomer, EventState event) {
        double sum = 0;
        int n = 0;
        // In member order, which a restarted task reads back the same: the sum comes out the same.
        for (EventState.Member m : event.members) {
            MemberFeatures f = event.features.get(m.articleId());
            if (f != null) {
                sum += EventSimilarity.dot(newcomer.vector(), f.vector());
                n++;
            }
        }
        return n == 0 ? 1.0 : sum / n;
    }

    private void store(EventState event, long previousActivity) {
        reindex(event);
        stores.putEvent(event, previousActivity);
    }

    private void putArticle(RawArticle article, String eventId, String copyOf, ArticleProfile profile) {
        stores.putArticle(new GroupingStores.ArticleRecord(article.getArticleId(), eventId, article.getCanonicalUrl(),
                article.getContentHash(), copyOf, profile.shingleHash()), minHash.bandKeys(profile.shingleHash()),
                settings.maxPostings());
    }

    /** Closes events idle since before the cutoff; returns how many closed. */
    public int closeIdle(long cutoff, int limit) {
        List<String> idle = stores.idleEvents(cutoff, limit);
        for (String eventId : idle) {
            EventState event = stores.event(eventId);
            if (event == null) {
                continue;
            }
            for (String term : event.indexedTerms) {
                stores.unindex(term, eventId);
            }
            for (EventState.Member m : event.members) {
                GroupingStores.ArticleRecord record = stores.article(m.articleId());
                if (record != null && record.eventId().equals(eventId)) {
                    stores.forgetArticle(record, minHash.bandKeys(record.signature()));
                }
            }
            stores.deleteEvent(event.eventId, event.lastUpdatedAt);
        }
        return idle.size();
    }

    /** Deterministic: the same founding key always gives the same event id. */
    static String eventIdFor(String foundingKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(foundingKey.getBytes(StandardCharsets.UTF_8));
            return "ev-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Outcome refreshKnownArticle(RawArticle article, long eventTime) {
        String knownId = stores.article(article.getArticleId()) != null ? article.getArticleId()
                : firstNonNull(stores.articleIdByUrl(article.getCanonicalUrl()), stores.articleIdByHash(article.getContentHash()));
        if (knownId == null) {
            return null;
        }
        GroupingStores.ArticleRecord record = stores.article(knownId);
        EventState event = record == null ? null : stores.event(record.eventId());
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
            boolean changed = !Objects.equals(url, m.url()) || !Objects.equals(published, m.publishedAt())
                    || !article.getTitle().equals(m.title());
            if (!changed) {
                return Outcome.none();
            }
            event.members.set(i, new EventState.Member(m.articleId(), m.source(), url, article.getTitle(), published,
                    m.eventTime(), m.score(), m.sharedOfficials(), m.sharedCountries(), m.timeGapHours(), m.copyOf()));
            long previous = event.lastUpdatedAt;
            event.version++;
            event.lastUpdatedAt = Math.max(event.lastUpdatedAt, eventTime);
            stores.putEvent(event, previous);
            return new Outcome(List.of(event), List.of());
        }
        return null;
    }

    private Map<String, Double> tfIdf(Map<String, Double> termWeights, Map<String, Double> frequencies, long now) {
        double documents = stores.documentCount(now, halfLifeMillis) + PRIOR_DOCUMENTS;
        Map<String, Double> vector = new HashMap<>(termWeights.size() * 2);
        double norm = 0;
        for (Map.Entry<String, Double> e : termWeights.entrySet()) {
            double df = Math.max(1e-9, frequencies.getOrDefault(e.getKey(), 0.0)
                    + PRIOR_DOCUMENTS * background.share(e.getKey()));
            double w = e.getValue() * Math.log(1.0 + documents / df);
            vector.put(e.getKey(), w);
            norm += w * w;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            vector.replaceAll((k, v) -> v / length);
        }
        return vector;
    }

    private GroupingStores.ArticleRecord nearestCopy(int[] signature) {
        GroupingStores.ArticleRecord best = null;
        double bestSimilarity = settings.copyThreshold();
        Set<String> seen = new HashSet<>();
        for (String band : minHash.bandKeys(signature)) {
            for (String id : stores.articlesInBand(band)) {
                if (!seen.add(id)) {
                    continue;
                }
                GroupingStores.ArticleRecord record = stores.article(id);
                if (record == null) {
                    continue;
                }
                double similarity = MinHash.similarity(signature, record.signature());
                if (similarity >= bestSimilarity) {
                    bestSimilarity = similarity;
                    best = record;
                }
            }
        }
        return best;
    }

    private List<Candidate> candidates(Map<String, Double> vector, ArticleProfile profile,
                                       List<EventSimilarity.Holder> officials) {
        List<Map.Entry<String, Double>> strongest = TopK.largestValues(vector, settings.queryTerms());
        // Each event indexed under a strong term gets the term's weight as a vote (see mostVoted).
        List<Candidate> scored = new ArrayList<>();
        for (String eventId : stores.mostVoted(strongest, settings.candidateEvents())) {
            EventState event = stores.event(eventId);
            if (event != null) {
                scored.add(new Candidate(event, EventSimilarity.score(vector, profile, officials, event, settings)));
            }
        }
        scored.sort(Comparator.comparingDouble((Candidate c) -> c.score().value()).reversed()
                .thenComparing(c -> c.event().eventId));
        return scored;
    }

    /** Adds the article to the event with its evidence, and re-forms the event's aggregates. */
    private void addMember(EventState event, RawArticle article, MemberFeatures features, long eventTime, double score,
                           String copyOf) {
        boolean founding = event.members.isEmpty();
        List<String> sharedOfficials = founding ? List.of() : features.officials().stream()
                .map(EventState.OfficialCount::key).filter(event.officials::containsKey).distinct().sorted().toList();
        List<String> sharedCountries = founding ? List.of() : features.countries().stream()
                .map(EventState.CountryCount::code).filter(event.countries::containsKey).distinct().sorted().toList();
        if (founding) {
            event.firstSeenAt = eventTime;
        }
        Double gap = founding ? null : Math.abs(eventTime - event.firstSeenAt) / 3_600_000.0;
        double rounded = founding ? 1.0 : Math.round(score * 1000) / 1000.0;
        event.members.add(new EventState.Member(article.getArticleId(), sourceOf(article), article.getUrl(),
                article.getTitle(), article.getPublishedAt() == null ? null : article.getPublishedAt().toEpochMilli(),
                eventTime, rounded, sharedOfficials, sharedCountries, gap, copyOf));
        event.features.put(article.getArticleId(), features);
        event.retireOldest(settings.regionMembersPerEvent());
        event.rebuild(settings.centroidTerms());
        event.version++;
        event.firstSeenAt = Math.min(event.firstSeenAt, eventTime);
        event.lastUpdatedAt = Math.max(event.lastUpdatedAt, eventTime);
    }

    /** Keeps the event findable under its strongest terms and most used names. */
    private void reindex(EventState event) {
        Set<String> wanted = new LinkedHashSet<>();
        TopK.first(event.centroid.entrySet(), settings.indexTermsPerEvent(), LARGEST_FIRST)
                .forEach(e -> wanted.add(e.getKey()));
        event.names.entrySet().stream()
                .filter(e -> event.centroid.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(NAMES_INDEXED)
                .forEach(e -> wanted.add(e.getKey()));
        for (String term : new ArrayList<>(event.indexedTerms)) {
            if (!wanted.contains(term)) {
                stores.unindex(term, event.eventId);
                event.indexedTerms.remove(term);
            }
        }
        for (String term : wanted) {
            if (event.indexedTerms.add(term)) {
                stores.index(term, event.eventId, settings.maxPostings());
            }
        }
    }

    private static String sourceOf(RawArticle article) {
        Map<String, String> metadata = article.getMetadata();
        String outlet = metadata == null ? null : metadata.get("outlet");
        return outlet != null && !outlet.isBlank() ? outlet : article.getSourceId();
    }

    private static String lead(String body) {
        String first = body.split("\\n\\s*\\n", 2)[0].strip();
        return first.length() <= SUMMARY_CHARS ? first : first.substring(0, SUMMARY_CHARS).strip() + "…";
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
