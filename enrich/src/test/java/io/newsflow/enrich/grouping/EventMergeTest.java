package io.newsflow.enrich.grouping;

import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.GroupingStores;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.EventChange;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An article that bridges two open events merges them: survivor snapshot naming the absorbed id, then a tombstone. */
class EventMergeTest {

    private static final String VOLCANO = "The Krakatoa volcano erupted near Jakarta and an ash cloud grounded flights. "
            + "Villagers fled the lava while rescue teams searched the slopes. Geologists warned of further eruptions.";
    private static final String BUDGET = "The Canberra parliament passed the budget after the treasurer promised deficit cuts. "
            + "Opposition senators attacked the spending plan. Economists doubted the surplus forecast.";

    @TempDir
    Path stateDir;

    @Test
    void aBridgingArticleMergesTwoEventsIntoTheOlder() {
        Topics topics = Topics.embedded();
        // No cold-start margin: three articles are too few to learn term weights from otherwise.
        GroupingSettings settings = GroupingSettings.defaults(Duration.ofDays(7)).withLinkThresholds(0.12, 0.10, 0.0);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "merge-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(
                EnrichTopology.build(topics, settings, GroupingStores.Kind.IN_MEMORY), props)) {
            TestInputTopic<String, RawArticle> in = driver.createInputTopic(topics.rawArticles().name(),
                    topics.rawArticles().keySerde().serializer(), topics.rawArticles().valueSerde().serializer());
            TestOutputTopic<String, NewsEvent> out = driver.createOutputTopic(topics.events().name(),
                    topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer());
            Instant t0 = Instant.parse("2026-02-01T08:00:00Z");
            send(in, article("volcano", "Volcano erupts", VOLCANO, t0));
            send(in, article("budget", "Budget passes", BUDGET, t0.plusSeconds(60)));
            List<TestRecord<String, NewsEvent>> opened = out.readRecordsToList();
            assertThat(opened).hasSize(2);
            assertThat(opened).extracting(r -> r.value().getChange()).containsOnly(EventChange.CREATED);
            String volcanoEvent = opened.get(0).key();
            String budgetEvent = opened.get(1).key();
            assertThat(volcanoEvent).isNotEqualTo(budgetEvent);

            send(in, article("bridge", "Volcano and budget", VOLCANO + "\n\n" + BUDGET, t0.plusSeconds(120)));
            List<TestRecord<String, NewsEvent>> merged = out.readRecordsToList();
            assertThat(merged).hasSize(3);
            NewsEvent survivor = merged.get(0).value();
            assertThat(survivor.getChange()).isEqualTo(EventChange.ABSORBED);
            assertThat(merged.get(0).key()).isEqualTo(volcanoEvent);
            assertThat(survivor.getArticles()).extracting(EventArticle::getArticleId)
                    .containsExactlyInAnyOrder("volcano", "budget", "bridge");
            assertThat(survivor.getAbsorbedEventIds()).containsExactly(budgetEvent);
            assertThat(survivor.getVersion()).isGreaterThan(opened.get(0).value().getVersion());
            // The absorbed event's last snapshot says where it went, then its tombstone.
            assertThat(merged.get(1).key()).isEqualTo(budgetEvent);
            NewsEvent last = merged.get(1).value();
            assertThat(last.getChange()).isEqualTo(EventChange.MERGED_INTO);
            assertThat(last.getMergedIntoEventId()).isEqualTo(volcanoEvent);
            assertThat(last.getVersion()).isGreaterThan(opened.get(1).value().getVersion());
            assertThat(merged.get(2).key()).isEqualTo(budgetEvent);
            assertThat(merged.get(2).value()).isNull();
        }
    }

    private static void send(TestInputTopic<String, RawArticle> in, RawArticle article) {
        in.pipeInput(article.getArticleId(), article, article.getFetchedAt());
    }

    private static RawArticle article(String id, String title, String body, Instant fetched) {
        return RawArticle.newBuilder(RawTextArticles.article(id, id + ".txt", title, body)).setFetchedAt(fetched).build();
    }
}
