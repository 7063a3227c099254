package io.newsflow.sink;

import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.OfficialTag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Event snapshots for tests: version n of an event has n articles, so a row shows which version it holds. */
final class Snapshots {

    static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

    private Snapshots() {
    }

    static NewsEvent event(String eventId, long version) {
        return builder(eventId, version).build();
    }

    static NewsEvent.Builder builder(String eventId, long version) {
        List<EventArticle> articles = new ArrayList<>();
        for (int i = 0; i < version; i++) {
            articles.add(EventArticle.newBuilder()
                    .setArticleId(eventId + "-a" + i)
                    .setSource("outlet-" + (i % 3))
                    .setUrl(i % 2 == 0 ? "https://news.example/" + eventId + "/" + i : null)
                    .setTitle("Article " + i + " on " + eventId)
                    .setPublishedAt(i % 2 == 0 ? START.plusSeconds(60L * i) : null)
                    .setScore(i == 0 ? 1.0 : 0.8)
                    .build());
        }
        return NewsEvent.newBuilder()
                .setEventId(eventId)
                .setVersion(version)
                .setFirstSeenAt(START)
                .setLastUpdatedAt(START.plusSeconds(60L * version))
                .setEventDate(version % 2 == 0 ? LocalDate.of(2026, 6, 1) : null)
                .setTitle("Event " + eventId + " v" + version)
                .setSummary("Summary of " + eventId + " at version " + version)
                .setArticles(articles)
                .setIndependentSources(articles.size())
                .setArticleCount(articles.size())
                .setCountries(List.of(
                        CountryTag.newBuilder().setCode("KR").setName("South Korea").setMentions(3)
                                .setInTitleOrLead(true).build(),
                        CountryTag.newBuilder().setCode("CN").setName("China").setMentions(1).build()))
                .setOfficials(List.of(OfficialTag.newBuilder().setName("Kim Hong-kyun").setKey("kim hong kyun")
                        .setRole("vice foreign minister").setCountry("KR").setMentions(2).build()))
                .setAbsorbedEventIds(List.of());
    }

    /** The event-articles records that go with the snapshot, as enrich publishes them: one per article it lists. */
    static List<EventMember> members(NewsEvent event) {
        List<EventMember> members = new ArrayList<>();
        for (EventArticle a : event.getArticles()) {
            members.add(EventMember.newBuilder().setArticleId(a.getArticleId()).setEventId(event.getEventId())
                    .setEventVersion(event.getVersion()).setSource(a.getSource()).setUrl(a.getUrl())
                    .setTitle(a.getTitle()).setPublishedAt(a.getPublishedAt()).setScore(a.getScore())
                    .setCopyOf(a.getCopyOf()).build());
        }
        return members;
    }
}
