package io.newsflow.launcher.eval;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
 * Drives the production enrich topology without a broker (TopologyTestDriver) and keeps the
 * latest snapshot of every live event, as a consumer of the events topic would.
 */
public final class OfflineEnrich implements AutoCloseable {

    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, RawArticle> input;
    private final TestOutputTopic<String, NewsEvent> output;
    private final Map<String, NewsEvent> liveEvents = new LinkedHashMap<>();

    public OfflineEnrich() {
        try {
            stateDir = Files.createTempDirectory("newsflow-eval");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Topics topics = Topics.embedded();
        EnrichConfig config = EnrichConfig.defaults(stateDir);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-eval");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "offline:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(EnrichTopology.build(topics, config), props);
        input = driver.createInputTopic(topics.rawArticles().name(),
                topics.rawArticles().keySerde().serializer(), topics.rawArticles().valueSerde().serializer());
        output = driver.createOutputTopic(topics.events().name(),
                topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer());
    }

    /**
     * Feeds the articles in the given order. The record time is when ingest read the article, as
     * on the real topic; publication dates stay in the payload for the grouper to weigh.
     */
    public void process(List<RawArticle> articles) {
        for (RawArticle article : articles) {
            input.pipeInput(article.getArticleId(), article, article.getFetchedAt());
            drain();
        }
    }

    private void drain() {
        for (TestRecord<String, NewsEvent> record : output.readRecordsToList()) {
            if (record.value() == null) {
                liveEvents.remove(record.key());
            } else {
                NewsEvent previous = liveEvents.get(record.key());
                if (previous == null || previous.getVersion() <= record.value().getVersion()) {
                    liveEvents.put(record.key(), record.value());
                }
            }
        }
    }

    /** The events alive now, latest snapshot each. */
    public List<NewsEvent> events() {
        return List.copyOf(liveEvents.values());
    }

    /** Which event each article ended in (an article listed by two live events keeps the newer one). */
    public Map<String, String> eventOfArticle() {
        Map<String, String> result = new LinkedHashMap<>();
        liveEvents.values().stream()
                .sorted(Comparator.comparing(NewsEvent::getLastUpdatedAt))
                .forEach(e -> e.getArticles().forEach(a -> result.put(a.getArticleId(), e.getEventId())));
        return result;
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
