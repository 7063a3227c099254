package io.newsflow.enrich.grouping;

import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.GroupingStores;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichTopology;
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

/**
 * An event's life as consumers see it on the events topic: CREATED, UPDATED, CLOSED after the idle
 * timeout without news, a tombstone one idle timeout later; and an article of a closed event that comes
 * back starts a new event that names the closed one.
 */
class EventLifecycleTest {

    private static final Duration IDLE = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    private static final String VOLCANO = "The Krakatoa volcano erupted near Jakarta on Monday and an ash cloud grounded "
            + "flights across Indonesia, officials said. Thousands of residents were evacuated from villages on the coast.";
    private static final String BUDGET = "Parliament in Canberra passed the budget on Tuesday after a long debate about "
            + "spending on schools, hospitals and roads, the treasurer said.";

    @TempDir
    Path stateDir;

    @Test
    void anIdleEventClosesVisiblyIsTombstonedLaterAndAnArticleOfItComingBackLinksToIt() {
        try (Enrich enrich = startEnrich()) {
            TestInputTopic<String, RawArticle> in = enrich.in();
            TestOutputTopic<String, NewsEvent> out = enrich.out();

            send(in, article("volcano", "Volcano erupts", VOLCANO, T0));
            send(in, article("volcano", "Volcano erupts, flights grounded", VOLCANO, T0.plusSeconds(60)));
            List<TestRecord<String, NewsEvent>> opened = out.readRecordsToList();
            assertThat(opened).extracting(r -> r.value().getChange()).containsExactly(EventChange.CREATED, EventChange.UPDATED);
            String volcanoEvent = opened.get(0).key();

            // Stream time passes the idle timeout (another story arrives): the volcano event closes.
            send(in, article("budget", "Budget passes", BUDGET, T0.plus(IDLE).plusSeconds(1200)));
            List<TestRecord<String, NewsEvent>> closing = out.readRecordsToList();
            TestRecord<String, NewsEvent> closed = closing.stream().filter(r -> r.key().equals(volcanoEvent)).findFirst().orElseThrow();
            assertThat(closed.value().getChange()).isEqualTo(EventChange.CLOSED);
            assertThat(closed.value().getVersion()).isEqualTo(3);
            assertThat(closed.value().getArticles()).hasSize(1);

            // A new version of its article after the close: a new event, linked to the closed one.
            send(in, article("volcano", "Volcano erupts again", VOLCANO + " A second eruption followed.", T0.plus(IDLE).plusSeconds(1800)));
            NewsEvent reopened = out.readRecordsToList().stream().map(TestRecord::value)
                    .filter(e -> e != null && e.getArticles().stream().anyMatch(a -> a.getArticleId().equals("volcano")))
                    .findFirst().orElseThrow();
            assertThat(reopened.getEventId()).isNotEqualTo(volcanoEvent);
            assertThat(reopened.getChange()).isEqualTo(EventChange.CREATED);
            assertThat(reopened.getContinuesEventId()).isEqualTo(volcanoEvent);

            // One more idle timeout: the closed event's tombstone.
            send(in, article("late", "Budget passes", BUDGET + " Later.", T0.plus(IDLE.multipliedBy(3)).plusSeconds(1200)));
            List<TestRecord<String, NewsEvent>> later = out.readRecordsToList();
            assertThat(later).filteredOn(r -> r.key().equals(volcanoEvent)).singleElement()
                    .satisfies(r -> assertThat(r.value()).as("tombstone of the closed event").isNull());
        }
    }

    @Test
    void aWireCopyOfAClosedEventsArticleStartsANewEventNamingIt() {
        try (Enrich enrich = startEnrich()) {
            TestInputTopic<String, RawArticle> in = enrich.in();
            TestOutputTopic<String, NewsEvent> out = enrich.out();
            send(in, article("volcano", "Volcano erupts", VOLCANO, T0));
            String volcanoEvent = out.readRecordsToList().get(0).key();
            send(in, article("budget", "Budget passes", BUDGET, T0.plus(IDLE).plusSeconds(1200)));
            assertThat(out.readRecordsToList()).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo(volcanoEvent);
                assertThat(r.value().getChange()).isEqualTo(EventChange.CLOSED);
            });

            send(in, article("volcano-wire", "Volcano erupts", "(Reuters) - " + VOLCANO, T0.plus(IDLE).plusSeconds(1500)));

            NewsEvent copy = out.readRecordsToList().get(0).value();
            assertThat(copy.getChange()).isEqualTo(EventChange.CREATED);
            assertThat(copy.getEventId()).isNotEqualTo(volcanoEvent);
            assertThat(copy.getContinuesEventId()).isEqualTo(volcanoEvent);
        }
    }

    /** The enrich topology with its raw-articles input and events output. */
    private record Enrich(TopologyTestDriver driver, TestInputTopic<String, RawArticle> in,
                          TestOutputTopic<String, NewsEvent> out) implements AutoCloseable {
        @Override
        public void close() {
            driver.close();
        }
    }

    private Enrich startEnrich() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lifecycle-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Topics topics = Topics.embedded();
        TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(topics, GroupingSettings.defaults(IDLE),
                GroupingStores.Kind.IN_MEMORY), props);
        return new Enrich(driver,
                driver.createInputTopic(topics.rawArticles().name(), topics.rawArticles().keySerde().serializer(),
                        topics.rawArticles().valueSerde().serializer()),
                driver.createOutputTopic(topics.events().name(), topics.events().keySerde().deserializer(),
                        topics.events().valueSerde().deserializer()));
    }

    private static void send(TestInputTopic<String, RawArticle> in, RawArticle article) {
        in.pipeInput(article.getArticleId(), article, article.getFetchedAt());
    }

    private static RawArticle article(String id, String title, String body, Instant fetched) {
        return RawArticle.newBuilder(RawTextArticles.article(id, id + ".txt", title, body)).setFetchedAt(fetched).build();
    }
}
