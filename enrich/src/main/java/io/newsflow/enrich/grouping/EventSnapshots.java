package io.newsflow.enrich.grouping;

import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.EventChange;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.OfficialTag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Publishes an {@link EventState} as the public {@link NewsEvent} contract. */
final class EventSnapshots {

    private EventSnapshots() {
    }

    /** The snapshot of the event as of its current version, recording {@code change}; lineage ids are set by the caller. */
    static NewsEvent.Builder snapshot(EventState event, EventChange change) {
        List<EventArticle> articles = new ArrayList<>(event.members.size());
        for (EventState.Member m : event.members) {
            // 1.0 marks the founder, the first member. Regrouping moves members with the score they joined with:
            // the founder of a split-off event keeps a lower one, the founder of an absorbed event its 1.0.
            double score = articles.isEmpty() ? 1.0 : Math.min(m.score(), EventUpdates.MAX_JOINER_SCORE);
            articles.add(EventArticle.newBuilder()
                    .setArticleId(m.articleId())
                    .setSource(m.source())
                    .setUrl(m.url())
                    .setTitle(m.title())
                    .setPublishedAt(m.publishedAt() == null ? null : Instant.ofEpochMilli(m.publishedAt()))
                    .setScore(score)
                    .setSharedOfficials(m.sharedOfficials())
                    .setSharedCountries(m.sharedCountries())
                    .setTimeGapHours(m.timeGapHours())
                    .setCopyOf(m.copyOf())
                    .build());
        }
        List<CountryTag> countries = event.countries.values().stream()
                .sorted(Comparator.comparingInt(EventState.CountryCount::mentions).reversed()
                        .thenComparing(EventState.CountryCount::code))
                .map(c -> CountryTag.newBuilder().setCode(c.code()).setName(c.name()).setMentions(c.mentions())
                        .setInTitleOrLead(c.inTitleOrLead()).build())
                .toList();
        List<OfficialTag> officials = event.officials.values().stream()
                .sorted(Comparator.comparingInt(EventState.OfficialCount::mentions).reversed()
                        .thenComparing(EventState.OfficialCount::key))
                .map(o -> OfficialTag.newBuilder().setName(o.name()).setKey(o.key()).setRole(o.role())
                        .setRoleAsWritten(o.roleAsWritten()).setCountry(o.country()).setMentions(o.mentions()).build())
                .toList();
        Long day = event.day();
        Long firstPublished = event.members.stream().map(EventState.Member::publishedAt).filter(Objects::nonNull)
                .min(Long::compare).orElse(null);
        return NewsEvent.newBuilder()
                .setEventId(event.eventId)
                .setVersion(event.version)
                .setFirstSeenAt(Instant.ofEpochMilli(event.firstSeenAt))
                .setLastUpdatedAt(Instant.ofEpochMilli(event.lastUpdatedAt))
                .setEventDate(day == null ? null : LocalDate.ofEpochDay(day))
                .setFirstPublishedAt(firstPublished == null ? null : Instant.ofEpochMilli(firstPublished))
                .setTitle(title(event))
                .setSummary(event.summary == null ? "" : event.summary)
                .setArticles(articles)
                .setIndependentSources(event.independentSources())
                .setCountries(new ArrayList<>(countries))
                .setOfficials(new ArrayList<>(officials))
                .setAbsorbedEventIds(new ArrayList<>(event.absorbedEventIds))
                .setChange(change);
    }

    /** The founding article's headline, or the earliest member's that has one: a page without a headline founds events too. */
    static String title(EventState event) {
        if (event.title != null && !event.title.isBlank()) {
            return event.title;
        }
        return event.members.stream().map(EventState.Member::title).filter(t -> t != null && !t.isBlank())
                .findFirst().orElse("");
    }
}
