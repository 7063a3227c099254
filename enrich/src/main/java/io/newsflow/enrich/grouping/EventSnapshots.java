package io.newsflow.enrich.grouping;

import io.newsflow.enrich.grouping.state.EventState;
import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.EventChange;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.OfficialTag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Publishes an {@link EventState} as the public {@link NewsEvent} contract. */
public final class EventSnapshots {

    private EventSnapshots() {
    }

    /** Members a snapshot lists at most: the founder and the most recent others. */
    public static final int LISTED_ARTICLES = 50;
    static final int LISTED_COUNTRIES = 50;
    static final int LISTED_OFFICIALS = 50;
    static final int LISTED_ABSORBED_IDS = 100;
    /** Evidence entries per member at most. */
    static final int LISTED_EVIDENCE = 20;
    /** Longest text, in UTF-8 bytes: a headline, summary or source; a URL; a name, office or country name; a key. */
    static final int MAX_TEXT = 500;
    static final int MAX_URL = 2048;
    static final int MAX_NAME = 200;
    static final int MAX_KEY = 100;

    /**
     * The snapshot of the event as of its current version, recording {@code change}; lineage ids are set by the
     * caller. Bounded whatever the event's size (NewsEvent's doc): the member list, the tags and every text are cut.
     */
    static NewsEvent.Builder snapshot(EventState event, EventChange change) {
        List<EventArticle> articles = new ArrayList<>(Math.min(event.members.size(), LISTED_ARTICLES));
        for (int i : listedMembers(event.members.size())) {
            articles.add(article(event.members.get(i), i == 0));
        }
        List<CountryTag> countries = event.countries.values().stream()
                .sorted(Comparator.comparingInt(EventState.CountryCount::mentions).reversed()
                        .thenComparing(EventState.CountryCount::code))
                .limit(LISTED_COUNTRIES)
                .map(c -> CountryTag.newBuilder().setCode(c.code()).setName(cut(c.name(), MAX_NAME)).setMentions(c.mentions())
                        .setInTitleOrLead(c.inTitleOrLead()).build())
                .toList();
        List<OfficialTag> officials = event.officials.values().stream()
                .sorted(Comparator.comparingInt(EventState.OfficialCount::mentions).reversed()
                        .thenComparing(EventState.OfficialCount::key))
                .limit(LISTED_OFFICIALS)
                .map(o -> OfficialTag.newBuilder().setName(cut(o.name(), MAX_NAME)).setKey(cut(o.key(), MAX_KEY))
                        .setRole(cut(o.role(), MAX_NAME)).setRoleAsWritten(cut(o.roleAsWritten(), MAX_NAME))
                        .setCountry(o.country()).setMentions(o.mentions()).build())
                .toList();
        List<String> absorbed = event.absorbedEventIds;
        Long day = event.day();
        Long firstPublished = null;
        for (EventState.Member m : event.members) {
            if (m.publishedAt() != null && (firstPublished == null || m.publishedAt() < firstPublished)) {
                firstPublished = m.publishedAt();
            }
        }
        return NewsEvent.newBuilder()
                .setEventId(event.eventId)
                .setVersion(event.version)
                .setFirstSeenAt(Instant.ofEpochMilli(event.firstSeenAt))
                .setLastUpdatedAt(Instant.ofEpochMilli(event.lastUpdatedAt))
                .setEventDate(day == null ? null : LocalDate.ofEpochDay(day))
                .setFirstPublishedAt(firstPublished == null ? null : Instant.ofEpochMilli(firstPublished))
                .setTitle(cut(title(event), MAX_TEXT))
                .setSummary(event.summary == null ? "" : cut(event.summary, MAX_TEXT))
                .setArticles(articles)
                .setIndependentSources(event.independentSources())
                .setArticleCount(event.members.size())
                .setArticlesAdded(event.joinedCount)
                .setArticlesRemoved(event.leftCount)
                .setCountries(new ArrayList<>(countries))
                .setOfficials(new ArrayList<>(officials))
                .setAbsorbedEventIds(new ArrayList<>(absorbed.subList(Math.max(0, absorbed.size() - LISTED_ABSORBED_IDS),
                        absorbed.size())))
                .setChange(change);
    }

    /** Which members a snapshot of {@code members} lists, by position: the founder (0) and the most recent others. */
    static List<Integer> listedMembers(int members) {
        List<Integer> listed = new ArrayList<>();
        if (members > 0) {
            listed.add(0);
        }
        for (int i = Math.max(1, members - (LISTED_ARTICLES - 1)); i < members; i++) {
            listed.add(i);
        }
        return listed;
    }

    private static EventArticle article(EventState.Member m, boolean founder) {
        return EventArticle.newBuilder()
                .setArticleId(m.articleId())
                .setSource(cut(m.source(), MAX_TEXT))
                .setUrl(cut(m.url(), MAX_URL))
                .setTitle(cut(m.title(), MAX_TEXT))
                .setPublishedAt(m.publishedAt() == null ? null : Instant.ofEpochMilli(m.publishedAt()))
                .setScore(score(m, founder))
                .setSharedOfficials(evidence(m.sharedOfficials()))
                .setSharedCountries(evidence(m.sharedCountries()))
                .setTimeGapHours(m.timeGapHours())
                .setCopyOf(m.copyOf())
                .build();
    }

    /**
     * The event-articles records of the members whose place or entry changed since the event was last
     * published (EventState#changedMembers), each with the event's version.
     */
    static List<EventMember> changedMembers(EventState event) {
        List<EventMember> records = new ArrayList<>();
        if (event.changedMembers.isEmpty()) {
            return records;
        }
        // from the newest back, as members mostly join at the end: a big event is not scanned whole for one newcomer
        int left = event.changedMembers.size();
        for (int i = event.members.size() - 1; i >= 0 && left > 0; i--) {
            EventState.Member m = event.members.get(i);
            if (event.changedMembers.contains(m.articleId())) {
                records.add(member(event, m, i == 0));
                left--;
            }
        }
        Collections.reverse(records);
        return records;
    }

    /** The event-articles record of one member: its entry as a snapshot lists it, with the event's id and version. */
    static EventMember member(EventState event, EventState.Member m, boolean founder) {
        EventArticle listed = article(m, founder);
        return EventMember.newBuilder()
                .setArticleId(listed.getArticleId())
                .setEventId(event.eventId)
                .setEventVersion(event.version)
                .setSource(listed.getSource())
                .setUrl(listed.getUrl())
                .setTitle(listed.getTitle())
                .setPublishedAt(listed.getPublishedAt())
                .setScore(listed.getScore())
                .setSharedOfficials(listed.getSharedOfficials())
                .setSharedCountries(listed.getSharedCountries())
                .setTimeGapHours(listed.getTimeGapHours())
                .setCopyOf(listed.getCopyOf())
                .build();
    }

    /**
     * 1.0 marks the founder, the first member. Regrouping moves members with the score they joined with: the
     * founder of a split-off event keeps a lower one, the founder of an absorbed event its 1.0.
     */
    private static double score(EventState.Member m, boolean founder) {
        return founder ? 1.0 : Math.min(m.score(), EventUpdates.MAX_JOINER_SCORE);
    }

    private static List<String> evidence(List<String> keys) {
        List<String> listed = new ArrayList<>(Math.min(keys.size(), LISTED_EVIDENCE));
        for (String key : keys.subList(0, Math.min(keys.size(), LISTED_EVIDENCE))) {
            listed.add(cut(key, MAX_KEY));
        }
        return listed;
    }

    /**
     * The text cut to at most {@code maxBytes} bytes of UTF-8, at a character boundary; null stays null. In bytes,
     * not chars: the bound of a record must hold in any script.
     */
    static String cut(String text, int maxBytes) {
        if (text == null || text.length() * 3 <= maxBytes) {
            return text; // no char takes more than 3 bytes, a surrogate pair 4 for its two
        }
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : 3;
            if (bytes + size > maxBytes) {
                return text.substring(0, i);
            }
            bytes += size;
            if (size == 4) {
                i++; // the pair's low surrogate
            }
        }
        return text;
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
