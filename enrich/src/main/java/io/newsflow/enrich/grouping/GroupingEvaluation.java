package io.newsflow.enrich.grouping;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

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
        Map<String, NewsEvent> latest = latestEvents(articlesInArrivalOrder, settings);
        Map<String, String> eventOf = new LinkedHashMap<>();
        for (NewsEvent event : latest.values()) {
            event.getArticles().forEach(a -> eventOf.put(a.getArticleId(), event.getEventId()));
        }
        return eventOf;
    }

    /** The final snapshot of every event that is not tombstoned, by event id. */
    public static Map<String, NewsEvent> latestEvents(List<RawArticle> articlesInArrivalOrder, GroupingSettings settings) {
        Topics topics = Topics.embedded();
        Path stateDir = temporaryStateDir();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-grouping-eval");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Map<String, NewsEvent> latest = new HashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(topics, settings, GroupingStores.Kind.IN_MEMORY), props)) {
            TestInputTopic<String, RawArticle> input = driver.createInputTopic(topics.rawArticles().name(),
                    topics.rawArticles().keySerde().serializer(), topics.rawArticles().valueSerde().serializer());
            TestOutputTopic<String, NewsEvent> output = driver.createOutputTopic(topics.events().name(),
                    topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer());
            for (RawArticle article : articlesInArrivalOrder) {
                input.pipeInput(article.getArticleId(), article);
                for (TestRecord<String, NewsEvent> record : output.readRecordsToList()) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
        } finally {
            deleteRecursively(stateDir);
        }
        return latest;
    }

    private static Path temporaryStateDir() {
        try {
            return Files.createTempDirectory("newsflow-eval-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
