package io.newsflow.enrich.grouping;

import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.OfficialTag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Publishes an {@link EventState} as the public {@link NewsEvent} contract. */
final class EventSnapshots {

    private EventSnapshots() {
    }

    static NewsEvent snapshot(EventState event) {
        List<EventArticle> articles = new ArrayList<>(event.members.size());
        for (EventState.Member m : event.members) {
            articles.add(EventArticle.newBuilder()
                    .setArticleId(m.articleId())
                    .setSource(m.source())
                    .setUrl(m.url())
                    .setTitle(m.title())
                    .setPublishedAt(m.publishedAt() == null ? null : Instant.ofEpochMilli(m.publishedAt()))
                    .setScore(m.score())
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
        return NewsEvent.newBuilder()
                .setEventId(event.eventId)
                .setVersion(event.version)
                .setFirstSeenAt(Instant.ofEpochMilli(event.firstSeenAt))
                .setLastUpdatedAt(Instant.ofEpochMilli(event.lastUpdatedAt))
                .setEventDate(day == null ? null : LocalDate.ofEpochDay(day))
                .setTitle(event.title == null ? "" : event.title)
                .setSummary(event.summary == null ? "" : event.summary)
                .setArticles(articles)
                .setIndependentSources(event.independentSources())
                .setCountries(new ArrayList<>(countries))
                .setOfficials(new ArrayList<>(officials))
                .setAbsorbedEventIds(new ArrayList<>(event.absorbedEventIds))
                .build();
    }
}
