package io.newsflow.enrich.grouping;

import io.newsflow.schemas.RawArticle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes that both ways of placing an article share: adding a member to an event, and storing an event with its index entries. */
final class EventUpdates {

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
        event.features.put(article.getArticleId(), features);
        event.retireOldest(settings.regionMembersPerEvent());
        event.rebuild(settings.centroidTerms());
        event.version++;
        event.firstSeenAt = Math.min(event.firstSeenAt, eventTime);
        event.lastUpdatedAt = Math.max(event.lastUpdatedAt, eventTime);
    }

    /** Keeps the event findable by its current terms and writes it. */
    void store(EventState event, long previousActivity) {
        reindex(event);
        stores.putEvent(event, previousActivity);
    }

    /** Keeps the event findable under its strongest terms and most used names. */
    private void reindex(EventState event) {
        Set<String> wanted = new LinkedHashSet<>();
        for (int i : event.centroid.strongest(settings.indexTermsPerEvent())) {
            wanted.add(TermVector.indexKey(event.centroid.term(i)));
        }
        event.names.entrySet().stream()
                .filter(e -> event.centroid.contains(TermVector.termOf(e.getKey())))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(NAMES_INDEXED)
                .forEach(e -> wanted.add(TermVector.indexKey(TermVector.termOf(e.getKey()))));
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
}
