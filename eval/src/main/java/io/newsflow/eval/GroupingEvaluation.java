package io.newsflow.eval;

import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.commons.io.FileUtils;

/**
 * Offline run of the real enrich topology (tagging and grouping, same stores and serdes) over a
 * list of articles, in the order given, without a broker: what `newsflow eval` measures.
 */
public final class GroupingEvaluation {

    private GroupingEvaluation() {
    }

    /** Article id -> id of the event it ends up in, after all articles went through. */
    public static Map<String, String> run(List<RawArticle> articlesInArrivalOrder) {
        return run(articlesInArrivalOrder, GroupingSettings.defaults(GroupingSettings.DEFAULT_IDLE_TIMEOUT));
    }

    public static Map<String, String> run(List<RawArticle> articlesInArrivalOrder, GroupingSettings settings) {
        Map<String, String> eventOf = new LinkedHashMap<>();
        finalState(articlesInArrivalOrder, settings).members()
                .forEach((articleId, member) -> eventOf.put(articleId, member.getEventId()));
        return eventOf;
    }

    /** The final snapshot of every event that is not tombstoned, by event id. */
    public static Map<String, NewsEvent> latestEvents(List<RawArticle> articlesInArrivalOrder, GroupingSettings settings) {
        return finalState(articlesInArrivalOrder, settings).events();
    }

    /**
     * What a consumer of both topics holds after the stream: the latest snapshot of every event and the latest
     * event-articles record of every article (tombstoned ones gone).
     */
    public record FinalState(Map<String, NewsEvent> events, Map<String, EventMember> members) {
    }

    public static FinalState finalState(List<RawArticle> articlesInArrivalOrder, GroupingSettings settings) {
        Topics topics = Topics.embedded();
        Path stateDir = temporaryStateDir();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-grouping-eval");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Map<String, NewsEvent> latest = new HashMap<>();
        Map<String, EventMember> members = new LinkedHashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(topics, settings, GroupingStores.Kind.IN_MEMORY), props)) {
            TestInputTopic<String, RawArticle> input = driver.createInputTopic(topics.rawArticles().name(),
                    topics.rawArticles().keySerde().serializer(), topics.rawArticles().valueSerde().serializer());
            TestOutputTopic<String, NewsEvent> output = driver.createOutputTopic(topics.events().name(),
                    topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer());
            TestOutputTopic<String, EventMember> memberships = driver.createOutputTopic(topics.eventArticles().name(),
                    topics.eventArticles().keySerde().deserializer(), topics.eventArticles().valueSerde().deserializer());
            for (RawArticle article : articlesInArrivalOrder) {
                input.pipeInput(article.getArticleId(), article);
                keepLatest(output.readRecordsToList(), latest);
                keepLatest(memberships.readRecordsToList(), members);
            }
        } finally {
            FileUtils.deleteQuietly(stateDir.toFile());
        }
        return new FinalState(latest, members);
    }

    private static <V> void keepLatest(List<TestRecord<String, V>> records, Map<String, V> latest) {
        for (TestRecord<String, V> record : records) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
    }

    private static Path temporaryStateDir() {
        try {
            return Files.createTempDirectory("newsflow-eval-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
