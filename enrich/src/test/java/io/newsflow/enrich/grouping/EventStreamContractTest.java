package io.newsflow.enrich.grouping;

import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.GroupingStores;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.EventChange;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a consumer of the events topic relies on while grouping regroups articles (events merge,
 * members move, events split): over 57 real ECB+ articles of sibling stories, in several orders,
 * every event's versions rise, a tombstoned id never comes back, the surviving events name every
 * absorbed id, and at the end each article is in exactly one event. After every article, the
 * membership a consumer of the event-articles topic holds is the one the live snapshots list (these
 * events are small enough to be listed whole), and each snapshot's counts and delta match its list.
 */
class EventStreamContractTest {

    private static final Path ARTICLES = Path.of("../testdata/ecbplus-tags");

    @TempDir
    Path stateDir;

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void snapshotsStayFollowableWhileArticlesAreRegrouped(long shuffleSeed) {
        List<RawArticle> articles = new ArrayList<>(RawTextArticles.inNameOrder(ARTICLES));
        if (shuffleSeed > 0) {
            Collections.shuffle(articles, new Random(shuffleSeed));
        }
        Map<String, Long> lastVersion = new HashMap<>();
        Set<String> tombstoned = new HashSet<>();
        Map<String, NewsEvent> live = new HashMap<>();
        int moves = 0;
        Set<String> seen = new HashSet<>();
        Set<String> mergedAway = new HashSet<>();
        Map<EventChange, Integer> changes = new java.util.EnumMap<>(EventChange.class);
        Map<String, EventMember> members = new HashMap<>();
        for (Step step : run(articles)) {
            for (TestRecord<String, NewsEvent> record : step.events()) {
                String id = record.key();
                NewsEvent event = record.value();
                assertThat(tombstoned).as("a tombstoned id comes back: %s", id).doesNotContain(id);
                if (event == null) {
                    assertThat(mergedAway).as("a tombstone follows the MERGED_INTO snapshot of %s", id).contains(id);
                    tombstoned.add(id);
                    live.remove(id);
                    continue;
                }
                changes.merge(event.getChange(), 1, Integer::sum);
                lifecycleIsConsistent(event, seen.add(id), live.keySet());
                if (event.getChange() == EventChange.MERGED_INTO) {
                    mergedAway.add(id);
                    lastVersion.put(id, event.getVersion());
                    live.remove(id);
                    continue;
                }
                assertThat(event.getVersion()).as("versions of %s", id).isGreaterThan(lastVersion.getOrDefault(id, 0L));
                lastVersion.put(id, event.getVersion());
                NewsEvent before = live.put(id, event);
                Set<String> now = articleIds(event);
                Set<String> earlier = before == null ? Set.of() : articleIds(before);
                moves += (int) earlier.stream().filter(a -> !now.contains(a)).count();
                assertThat(event.getArticleCount()).as("articleCount of %s", id).isEqualTo(event.getArticles().size());
                assertThat(event.getArticlesAdded()).as("articlesAdded of %s v%d", id, event.getVersion())
                        .isEqualTo((int) now.stream().filter(a -> !earlier.contains(a)).count());
                assertThat(event.getArticlesRemoved()).as("articlesRemoved of %s v%d", id, event.getVersion())
                        .isEqualTo((int) earlier.stream().filter(a -> !now.contains(a)).count());
            }
            for (TestRecord<String, EventMember> record : step.members()) {
                if (record.value() == null) {
                    members.remove(record.key());
                } else {
                    members.put(record.key(), record.value());
                }
            }
            membershipMatchesTheSnapshots(members, live);
        }
        Map<String, String> eventOfArticle = new HashMap<>();
        Set<String> absorbedNamed = new HashSet<>();
        for (NewsEvent event : live.values()) {
            for (String article : articleIds(event)) {
                assertThat(eventOfArticle.put(article, event.getEventId())).as("article %s in two events", article).isNull();
            }
            absorbedNamed.addAll(event.getAbsorbedEventIds());
        }
        assertThat(eventOfArticle.keySet()).hasSize(articles.size());
        assertThat(absorbedNamed).containsAll(tombstoned);
        // Both regrouping paths ran: events lost articles to others, and events were absorbed.
        assertThat(changes.get(EventChange.ABSORBED)).isPositive();
        assertThat(changes.get(EventChange.MERGED_INTO)).isEqualTo(tombstoned.size());
        assertThat(moves).isPositive();
        assertThat(tombstoned).isNotEmpty();
        live.values().forEach(EventStreamContractTest::fieldsMeanWhatTheSchemaSays);
    }

    /** The latest event-articles record of every article names the live event whose snapshot lists it, at its version. */
    private static void membershipMatchesTheSnapshots(Map<String, EventMember> members, Map<String, NewsEvent> live) {
        Map<String, String> listed = new HashMap<>();
        live.values().forEach(e -> e.getArticles().forEach(a -> listed.put(a.getArticleId(), e.getEventId())));
        Map<String, String> assigned = new HashMap<>();
        members.forEach((article, member) -> assigned.put(article, member.getEventId()));
        assertThat(assigned).isEqualTo(listed);
        for (EventMember member : members.values()) {
            NewsEvent event = live.get(member.getEventId());
            EventArticle entry = event.getArticles().stream()
                    .filter(a -> a.getArticleId().equals(member.getArticleId())).findFirst().orElseThrow();
            assertThat(member.getEventVersion()).isLessThanOrEqualTo(event.getVersion());
            assertThat(List.of(member.getScore(), member.getTitle(), String.valueOf(member.getCopyOf())))
                    .as("entry of %s", member.getArticleId())
                    .isEqualTo(List.of(entry.getScore(), entry.getTitle(), String.valueOf(entry.getCopyOf())));
        }
    }

    /** NewsEvent.change and its lineage ids as documented, on every snapshot as it arrives. */
    private static void lifecycleIsConsistent(NewsEvent event, boolean first, Set<String> live) {
        String id = event.getEventId();
        switch (event.getChange()) {
            case CREATED -> assertThat(first).as("CREATED is the first snapshot of %s", id).isTrue();
            case SPLIT_FROM -> {
                assertThat(first).as("SPLIT_FROM is the first snapshot of %s", id).isTrue();
                assertThat(live).as("%s split off a live event", id).contains(event.getSplitFromEventId());
            }
            case MERGED_INTO -> assertThat(live).as("%s merged into a live event", id).contains(event.getMergedIntoEventId());
            case ABSORBED, UPDATED -> assertThat(first).as("%s of %s follows its first snapshot", event.getChange(), id).isFalse();
            default -> throw new AssertionError("unexpected change " + event.getChange() + " of " + id);
        }
        if (event.getChange() != EventChange.MERGED_INTO) {
            assertThat(event.getMergedIntoEventId()).isNull();
        }
        if (event.getChange() != EventChange.SPLIT_FROM) {
            assertThat(event.getSplitFromEventId()).isNull();
        }
    }

    /** The documented meaning of the derived fields (NewsEvent.avsc), on every final snapshot. */
    private static void fieldsMeanWhatTheSchemaSays(NewsEvent event) {
        List<EventArticle> members = event.getArticles();
        assertThat(event.getFirstPublishedAt()).as("firstPublishedAt of %s", event.getEventId()).isEqualTo(members.stream()
                .map(EventArticle::getPublishedAt).filter(java.util.Objects::nonNull).min(java.time.Instant::compareTo).orElse(null));
        if (members.stream().anyMatch(a -> a.getTitle() != null && !a.getTitle().isBlank())) {
            assertThat(event.getTitle()).as("title of %s", event.getEventId()).isNotBlank();
        }
        assertThat(members).allSatisfy(a -> assertThat(a.getScore()).isBetween(0.0, 1.0));
        assertThat(members.get(0).getScore()).as("the founder of %s", event.getEventId()).isEqualTo(1.0);
        assertThat(members.subList(1, members.size())).as("members after the founder of %s", event.getEventId())
                .allSatisfy(a -> assertThat(a.getScore()).isLessThan(1.0));
    }

    private static Set<String> articleIds(NewsEvent event) {
        Set<String> ids = new HashSet<>();
        for (EventArticle a : event.getArticles()) {
            ids.add(a.getArticleId());
        }
        return ids;
    }

    /** What one article made grouping publish, on each topic. */
    private record Step(List<TestRecord<String, NewsEvent>> events, List<TestRecord<String, EventMember>> members) {
    }

    private List<Step> run(List<RawArticle> articles) {
        Topics topics = Topics.embedded();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "contract-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(topics,
                GroupingSettings.defaults(Duration.ofDays(7)), GroupingStores.Kind.IN_MEMORY), props)) {
            TestInputTopic<String, RawArticle> in = driver.createInputTopic(topics.rawArticles().name(),
                    topics.rawArticles().keySerde().serializer(), topics.rawArticles().valueSerde().serializer());
            TestOutputTopic<String, NewsEvent> out = driver.createOutputTopic(topics.events().name(),
                    topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer());
            TestOutputTopic<String, EventMember> memberOut = driver.createOutputTopic(topics.eventArticles().name(),
                    topics.eventArticles().keySerde().deserializer(), topics.eventArticles().valueSerde().deserializer());
            List<Step> steps = new ArrayList<>();
            for (RawArticle article : articles) {
                in.pipeInput(article.getArticleId(), article);
                steps.add(new Step(out.readRecordsToList(), memberOut.readRecordsToList()));
            }
            return steps;
        }
    }
}
