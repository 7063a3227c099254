package io.newsflow.enrich.grouping;

import io.newsflow.enrich.cleaning.PageChrome;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.CountryMention;
import io.newsflow.enrich.tagging.OfficialMention;
import io.newsflow.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places each arriving article: in the event it reports, or in a new one; merges two events
 * when an article shows they are one. Pure decision logic over {@link GroupingStores}.
 *
 * <p>Order of questions for each article:
 * <ol>
 *   <li>Is it an article already placed (same id, canonical URL or content hash)? Then its entry
 *       is refreshed; it is not a new source.</li>
 *   <li>Is it a near-identical copy of a placed article (MinHash over word shingles)? Then it
 *       joins that article's event, marked as a copy of it.</li>
 *   <li>Which open events share its rarest terms and names (inverted index)? Each is scored by
 *       {@link EventSimilarity}; the best at or above the join threshold takes it, unless a veto
 *       (reports dated far apart) rules it out.</li>
 *   <li>Does it also match a second event strongly, and do the two events match each other? Then
 *       they are one event and merge into the older.</li>
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

        EventState target = null;
        EventSimilarity.Score evidence = null;
        String copyOf = null;
        GroupingStores.ArticleRecord original = nearestCopy(profile.shingleHash());
        if (original != null) {
            target = stores.event(original.eventId());
            if (target != null) {
                copyOf = original.copyOf() != null ? original.copyOf() : original.articleId();
                evidence = EventSimilarity.score(vector, profile, officials, target, settings);
            }
        }
        List<Candidate> candidates = List.of();
        if (target == null) {
            candidates = candidates(vector, profile, officials);
            if (!candidates.isEmpty() && candidates.get(0).score().value()
                    >= EventSimilarity.required(settings, candidates.get(0).event().members.size(), streamDocuments)) {
                target = candidates.get(0).event();
                evidence = candidates.get(0).score();
            }
        }

        if (LOG.isDebugEnabled()) {
            LOG.debug("article {} copyOf={} day={} candidates={}", articleId, copyOf, profile.day(), candidates.stream()
                    .map(c -> c.event().eventId + "(" + c.event().members.get(0).articleId() + ")="
                            + String.format("%.3f/%.3f", c.score().value(), c.score().cosine()) + (c.score().vetoed() ? "V" : ""))
                    .toList());
        }
        List<String> absorbed = new ArrayList<>();
        long previousActivity;
        if (target == null) {
            target = new EventState(eventIdFor(articleId));
            target.firstSeenAt = eventTime;
            target.title = article.getTitle();
            target.summary = lead(body);
            previousActivity = -1;
        } else {
            previousActivity = target.lastUpdatedAt;
        }
        addMember(target, article, tags, profile, vector, eventTime, evidence, copyOf);

        for (Candidate other : candidates) {
            if (other.event() != target && EventSimilarity.eventsAgree(target, other.event(), settings, streamDocuments)) {
                EventState survivor = older(target, other.event());
                EventState loser = survivor == target ? other.event() : target;
                long survivorActivity = survivor == target ? previousActivity : survivor.lastUpdatedAt;
                long loserActivity = loser == target ? previousActivity : loser.lastUpdatedAt;
                merge(survivor, loser, loserActivity);
                absorbed.add(loser.eventId);
                target = survivor;
                previousActivity = survivorActivity;
            }
        }
        reindex(target);
        stores.putEvent(target, previousActivity);
        stores.putArticle(new GroupingStores.ArticleRecord(articleId, target.eventId, article.getCanonicalUrl(),
                article.getContentHash(), copyOf, profile.shingleHash()), minHash.bandKeys(profile.shingleHash()),
                settings.maxPostings());
        return new Outcome(List.of(target), absorbed);
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

    /** Deterministic: the same founding article always opens the same event id. */
    static String eventIdFor(String foundingArticleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(foundingArticleId.getBytes(StandardCharsets.UTF_8));
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

    private void addMember(EventState event, RawArticle article, ArticleTags tags, ArticleProfile profile,
                           Map<String, Double> vector,
                           long eventTime, EventSimilarity.Score evidence, String copyOf) {
        boolean founding = event.members.isEmpty();
        List<String> sharedOfficials = founding ? List.of()
                : profile.officials().stream().filter(event.officials::containsKey).sorted().toList();
        List<String> sharedCountries = founding ? List.of()
                : profile.countries().stream().filter(event.countries::containsKey).sorted().toList();
        Double gap = founding ? null : Math.abs(eventTime - event.firstSeenAt) / 3_600_000.0;
        double score = founding || evidence == null ? 1.0 : Math.round(evidence.value() * 1000) / 1000.0;
        event.members.add(new EventState.Member(article.getArticleId(), sourceOf(article), article.getUrl(),
                article.getTitle(), article.getPublishedAt() == null ? null : article.getPublishedAt().toEpochMilli(),
                eventTime, score, sharedOfficials, sharedCountries, gap, copyOf));
        for (Map.Entry<String, Double> e : vector.entrySet()) {
            event.centroid.merge(e.getKey(), asStored(e.getValue()), EventGrouper::sumAsStored);
        }
        prune(event.centroid, settings.centroidTerms());
        for (String name : profile.names()) {
            event.names.merge(name, 1, Integer::sum);
        }
        prune(event.names, settings.centroidTerms());
        LocalDate day = profile.day();
        if (day != null) {
            event.days.merge(day.toEpochDay(), 1, Integer::sum);
        }
        if (tags != null) {
            addTags(event, tags);
        }
        event.version++;
        event.firstSeenAt = Math.min(event.firstSeenAt, eventTime);
        event.lastUpdatedAt = Math.max(event.lastUpdatedAt, eventTime);
    }

    private static void addTags(EventState event, ArticleTags tags) {
        for (CountryMention c : tags.countries()) {
            event.countries.merge(c.code(), new EventState.CountryCount(c.code(), c.name(), c.mentions(), c.inTitleOrLead()),
                    (a, b) -> new EventState.CountryCount(a.code(), a.name(), a.mentions() + b.mentions(),
                            a.inTitleOrLead() || b.inTitleOrLead()));
        }
        for (OfficialMention o : tags.officials()) {
            event.officials.merge(o.key(), new EventState.OfficialCount(o.name(), o.key(), o.role(), o.roleAsWritten(),
                    o.country(), o.mentions()), (a, b) -> new EventState.OfficialCount(a.name(), a.key(),
                    a.role() != null ? a.role() : b.role(), a.roleAsWritten() != null ? a.roleAsWritten() : b.roleAsWritten(),
                    a.country() != null ? a.country() : b.country(), a.mentions() + b.mentions()));
        }
    }

    /** Moves the loser's members and aggregates into the survivor; the loser's stored state goes. */
    private void merge(EventState survivor, EventState loser, long loserStoredActivity) {
        for (EventState.Member m : loser.members) {
            survivor.members.add(m);
            GroupingStores.ArticleRecord record = stores.article(m.articleId());
            if (record != null) {
                stores.moveArticle(record, survivor.eventId);
            }
        }
        loser.centroid.forEach((k, v) -> survivor.centroid.merge(k, v, EventGrouper::sumAsStored));
        prune(survivor.centroid, settings.centroidTerms());
        loser.names.forEach((k, v) -> survivor.names.merge(k, v, Integer::sum));
        loser.days.forEach((k, v) -> survivor.days.merge(k, v, Integer::sum));
        loser.countries.forEach((k, v) -> survivor.countries.merge(k, v, (a, b) -> new EventState.CountryCount(
                a.code(), a.name(), a.mentions() + b.mentions(), a.inTitleOrLead() || b.inTitleOrLead())));
        loser.officials.forEach((k, v) -> survivor.officials.merge(k, v, (a, b) -> new EventState.OfficialCount(
                a.name(), a.key(), a.role(), a.roleAsWritten(), a.country(), a.mentions() + b.mentions())));
        survivor.absorbedEventIds.add(loser.eventId);
        survivor.absorbedEventIds.addAll(loser.absorbedEventIds);
        survivor.firstSeenAt = Math.min(survivor.firstSeenAt, loser.firstSeenAt);
        survivor.lastUpdatedAt = Math.max(survivor.lastUpdatedAt, loser.lastUpdatedAt);
        survivor.version++;
        for (String term : loser.indexedTerms) {
            stores.unindex(term, loser.eventId);
        }
        stores.deleteEvent(loser.eventId, loserStoredActivity);
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

    /**
     * A centroid weight as the event store keeps it (a float): the state held in memory must be the
     * state a restarted or migrated task reads back, or the same articles could be grouped differently
     * after a restart.
     */
    private static double asStored(double weight) {
        return (float) weight;
    }

    private static double sumAsStored(double a, double b) {
        return asStored(a + b);
    }

    private static EventState older(EventState a, EventState b) {
        if (a.firstSeenAt != b.firstSeenAt) {
            return a.firstSeenAt < b.firstSeenAt ? a : b;
        }
        return a.eventId.compareTo(b.eventId) <= 0 ? a : b;
    }

    /** Keeps the {@code keep} largest values (ties by key), once the map is a quarter over. */
    private static <V extends Comparable<V>> void prune(Map<String, V> values, int keep) {
        if (values.size() <= keep * 5 / 4) {
            return;
        }
        Comparator<Map.Entry<String, V>> weakestFirst =
                Map.Entry.<String, V>comparingByValue().thenComparing(Map.Entry.comparingByKey());
        for (Map.Entry<String, V> weak : TopK.first(values.entrySet(), values.size() - keep, weakestFirst)) {
            values.remove(weak.getKey());
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
