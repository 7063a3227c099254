package io.newsflow.enrich.grouping;

import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.EventState;
import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.enrich.grouping.state.MemberFeatures;
import io.newsflow.enrich.grouping.vectors.TermVector;
import io.newsflow.schemas.RawArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Writes that both ways of placing an article share: adding a member to an event, and storing an event with its index entries. */
final class EventUpdates {

    /** The highest score a snapshot shows for a member other than the first: 1.0 marks the founder (EventSnapshots). */
    static final double MAX_JOINER_SCORE = 0.999;

    private static final int NAMES_INDEXED = 15;

    private final GroupingSettings settings;
    private final GroupingStores stores;

    EventUpdates(GroupingSettings settings, GroupingStores stores) {
        this.settings = settings;
        this.stores = stores;
    }

    /** Adds the article to the event with its evidence, and re-forms the event's aggregates. */
    void addMember(EventState event, RawArticle article, MemberFeatures features, long eventTime, double score,
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
        event.joined(List.of(article.getArticleId()));
        if (copyOf == null) {
            // A copy says nothing its original does not: it neither votes in neighbourhoods nor
            // weighs twice in the event's aggregates; it follows its original (see Regrouping).
            event.features.put(article.getArticleId(), features);
        }
        event.retireOldest(settings.regionMembersPerEvent());
        event.rebuild(settings.centroidTerms());
        event.version++;
        event.firstSeenAt = Math.min(event.firstSeenAt, eventTime);
        event.lastUpdatedAt = Math.max(event.lastUpdatedAt, eventTime);
    }

    /** Writes the event, findable under its strongest terms and most used names. */
    void store(EventState event, long previousActivity) {
        long[] indexed = event.indexedTerms;
        event.indexedTerms = wantedTerms(event);
        stores.putEvent(event, previousActivity, indexed);
    }

    /** Takes the event out of the candidate index: it closed, or another event absorbed it. */
    void unindex(EventState event) {
        stores.unindex(event);
        event.indexedTerms = new long[0];
    }

    /** The centroid's strongest terms and the most used names among its terms, ascending, each once. */
    private long[] wantedTerms(EventState event) {
        TermVector centroid = event.centroid;
        int[] strongest = centroid.strongest(settings.indexTermsPerEvent());
        long[] wanted = new long[strongest.length + NAMES_INDEXED];
        int n = 0;
        for (int i : strongest) {
            wanted[n++] = centroid.term(i);
        }
        List<Map.Entry<String, Integer>> names = new ArrayList<>(event.names.entrySet());
        names.sort(MOST_USED_FIRST);
        int taken = 0;
        for (int i = 0; i < names.size() && taken < NAMES_INDEXED; i++) {
            long term = TermVector.termOf(names.get(i).getKey());
            if (centroid.contains(term)) {
                wanted[n++] = term;
                taken++;
            }
        }
        Arrays.sort(wanted, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || wanted[distinct - 1] != wanted[i]) {
                wanted[distinct++] = wanted[i];
            }
        }
        return Arrays.copyOf(wanted, distinct);
    }

    private static final List<String> OUTLET_KEYS = List.of("source", "outlet");

    private static final Comparator<Map.Entry<String, Integer>> MOST_USED_FIRST =
            Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    /** The outlet: ingest names it "source" in the metadata, other producers may say "outlet"; else the source id. */
    static String sourceOf(RawArticle article) {
        Map<String, String> metadata = article.getMetadata();
        for (String key : OUTLET_KEYS) {
            String outlet = metadata == null ? null : metadata.get(key);
            if (outlet != null && !outlet.isBlank()) {
                return outlet;
            }
        }
        return article.getSourceId();
    }
}
