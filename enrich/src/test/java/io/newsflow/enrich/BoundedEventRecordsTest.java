package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.enrich.grouping.RawTextArticles;
import io.newsflow.enrich.grouping.EventSnapshots;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A story of 20,000 reports (three independent reports of one meeting, then wire copies of them under other
 * credit lines, as syndication spreads a story) through the real topology: every record on the events topic stays
 * small and lists at most 50 articles, while the event-articles topic carries every article's event, so a consumer
 * still holds the full membership.
 */
class BoundedEventRecordsTest {

    private static final int REPORTS = 20_000;
    /** Far under Topics.MAX_EVENT_RECORD_BYTES: what a snapshot of this story costs whatever its size. */
    private static final int SNAPSHOT_BYTES = 64 * 1024;

    @TempDir
    Path stateDir;

    @Test
    void aStoryOfTwentyThousandReportsKeepsEverySnapshotBounded() {
        List<RawArticle> meeting = RawTextArticles.seedsAsIngested().subList(0, 3);
        Topics topics = Topics.embedded();
        Serializer<NewsEvent> encoder = topics.events().valueSerde().serializer();
        Map<String, NewsEvent> live = new HashMap<>();
        Map<String, EventMember> members = new HashMap<>();
        int largest = 0;
        long snapshots = 0;
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(topics,
                GroupingSettings.defaults(Duration.ofDays(7)), GroupingStores.builders(GroupingStores.Kind.IN_MEMORY),
                taggedOncePerHeadline(), new SimpleMeterRegistry(), UnaryOperator.identity()), properties())) {
            TestInputTopic<String, RawArticle> in = driver.createInputTopic(topics.rawArticles().name(),
                    topics.rawArticles().keySerde().serializer(), topics.rawArticles().valueSerde().serializer());
            TestOutputTopic<String, NewsEvent> events = driver.createOutputTopic(topics.events().name(),
                    topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer());
            TestOutputTopic<String, EventMember> memberships = driver.createOutputTopic(topics.eventArticles().name(),
                    topics.eventArticles().keySerde().deserializer(), topics.eventArticles().valueSerde().deserializer());
            for (int n = 0; n < REPORTS; n++) {
                RawArticle report = report(meeting, n);
                in.pipeInput(report.getArticleId(), report);
                for (TestRecord<String, NewsEvent> record : events.readRecordsToList()) {
                    if (record.value() == null) {
                        live.remove(record.key());
                        continue;
                    }
                    snapshots++;
                    largest = Math.max(largest, encoder.serialize(topics.events().name(), record.value()).length);
                    assertThat(record.value().getArticles()).hasSizeLessThanOrEqualTo(EventSnapshots.LISTED_ARTICLES);
                    live.put(record.key(), record.value());
                }
                for (TestRecord<String, EventMember> record : memberships.readRecordsToList()) {
                    if (record.value() == null) {
                        members.remove(record.key());
                    } else {
                        members.put(record.key(), record.value());
                    }
                }
            }
        }
        System.out.printf("%d reports: %d snapshots, the largest %d bytes%n", REPORTS, snapshots, largest);
        assertThat(snapshots).isGreaterThanOrEqualTo(REPORTS);
        assertThat(largest).as("largest snapshot in bytes").isLessThan(SNAPSHOT_BYTES);

        NewsEvent story = live.values().stream().max(java.util.Comparator.comparingInt(NewsEvent::getArticleCount))
                .orElseThrow();
        assertThat(story.getArticleCount()).isEqualTo(REPORTS);
        assertThat(story.getIndependentSources()).isEqualTo(3);
        List<EventArticle> listed = story.getArticles();
        assertThat(listed).hasSize(EventSnapshots.LISTED_ARTICLES);
        assertThat(listed.get(0).getScore()).as("the founder comes first").isEqualTo(1.0);
        assertThat(listed.get(listed.size() - 1).getArticleId()).as("the newest comes last")
                .isEqualTo(report(meeting, REPORTS - 1).getArticleId());

        // The full membership, from event-articles alone.
        assertThat(members).hasSize(REPORTS);
        assertThat(members.values()).allSatisfy(m -> assertThat(m.getEventId()).isEqualTo(story.getEventId()));
        assertThat(members.values()).filteredOn(m -> m.getCopyOf() == null).hasSize(3);
    }

    /**
     * The real tagger, run once per headline: a copy differs from its original only by a credit line that names no
     * country or official, and tagging 20,000 texts would take most of the test's time and test nothing here.
     */
    private static TaggingStep.Tagger taggedOncePerHeadline() {
        TaggingStep.Tagger tagger = EnrichTopology.taggerOf(ArticleTagger.standard());
        Map<String, ArticleTags> byHeadline = new HashMap<>();
        return article -> byHeadline.computeIfAbsent(article.getTitle(), title -> tagger.tag(article));
    }

    /** Report n: one of the three reports itself (n < 3), else a wire copy of one under a credit line of its own. */
    private static RawArticle report(List<RawArticle> meeting, int n) {
        RawArticle original = meeting.get(n % 3);
        if (n < 3) {
            return original;
        }
        return RawTextArticles.article("wire-" + n, "wire" + n + ".txt", original.getTitle(),
                original.getBody() + "\n\nDistributed by Wire Service " + n + ". All rights reserved.");
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-records-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return props;
    }
}
