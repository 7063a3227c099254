package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.eval.ClusteringScores;
import io.newsflow.eval.GroupingEvaluation;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.eval.LabelledCorpus;
import io.newsflow.launcher.pipeline.EventWatcher;
import io.newsflow.launcher.pipeline.Pipeline;
import io.newsflow.launcher.pipeline.Stages;
import io.newsflow.launcher.pipeline.TopicSetup;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live pipeline and `eval` group alike: labelled files dropped in bursts into a running
 * pipeline (drop folder, three raw-articles partitions tagged in parallel, commits and polls on
 * their own clocks) end up in the same events as the offline evaluation gives when it is fed the
 * same articles in the order the live grouping task saw them (its one-partition input topic).
 * What differs between live runs is only that order; `eval --orders` measures what the order does.
 */
class LiveGroupingMatchesEvalTest {

    /** Two ECB+ topics (four events) whose grouping depends on arrival order, and the seeds. */
    private static final List<Path> CORPORA = List.of(Path.of("..", "testdata", "ecbplus-order"), SeedArticles.DIR);
    private static final int RAW_PARTITIONS = 3;

    @TempDir
    Path work;

    @Test
    void theLivePipelineGroupsAsEvalDoesInTheOrderGroupingSawTheArticles() throws Exception {
        Map<String, Path> fileOfArticle = new LinkedHashMap<>();
        Map<String, String> goldOfArticle = new HashMap<>();
        for (Path dir : CORPORA) {
            LabelledCorpus corpus = LabelledCorpus.read(dir);
            for (Path file : corpus.articleFiles()) {
                String articleId = ArticleFiles.parse(file).get(0).getArticleId();
                fileOfArticle.put(articleId, file);
                goldOfArticle.put(articleId, dir.getFileName() + "/" + corpus.goldEventOfFile().get(file.getFileName().toString()));
            }
        }

        try (EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("kafka"))) {
            Settings settings = settings(broker.bootstrapServers());
            TopicSetup.ensure(broker.bootstrapServers(), settings.topics(), RAW_PARTITIONS, settings.seenItemsRetention());
            Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
            Map<String, Object> enrichKafka = new HashMap<>(kafka);
            // Streams deletes consumed records of its internal topics; keep them to read grouping's order afterwards.
            enrichKafka.put(StreamsConfig.REPARTITION_PURGE_INTERVAL_MS_CONFIG, Long.MAX_VALUE);

            Set<Set<String>> live;
            List<RawArticle> seenByGrouping;
            try (Pipeline pipeline = new Pipeline(List.of(Stages.ingest(settings, kafka), Stages.enrich(settings, enrichKafka))).start();
                 EventWatcher watcher = new EventWatcher(kafka, settings.topics())) {
                dropInBursts(fileOfArticle.values(), work.resolve("drop"), new Random(18));

                assertThat(watcher.awaitArticles(fileOfArticle.keySet(), Duration.ofSeconds(2), Duration.ofSeconds(60)))
                        .as("every dropped article placed in a live event").isTrue();
                live = partition(watcher.events());
                seenByGrouping = GroupingInputTopic.read(kafka, settings.enrich().applicationId(), fileOfArticle.keySet(),
                        Duration.ofSeconds(20));
            }

            assertThat(seenByGrouping).extracting(RawArticle::getArticleId)
                    .as("grouping saw every article").containsAll(fileOfArticle.keySet());
            Map<String, NewsEvent> replayed = GroupingEvaluation.latestEvents(seenByGrouping,
                    GroupingSettings.defaults(settings.enrich().eventIdleTimeout()));
            assertThat(live).as("live events, as article ids").isEqualTo(partition(replayed.values()));

            // Not the assertion, but worth seeing in the test log: how well this order grouped.
            Map<String, String> predicted = new HashMap<>();
            replayed.values().forEach(e -> e.getArticles().forEach(a -> predicted.put(a.getArticleId(), e.getEventId())));
            ClusteringScores scores = ClusteringScores.of(predicted, goldOfArticle);
            System.out.printf("live order: %d articles, %d events, pairwise_f1=%.3f bcubed_f1=%.3f%n",
                    seenByGrouping.size(), live.size(), scores.pairwiseF1(), scores.bcubedF1());
        }
    }

    private Settings settings(String bootstrapServers) {
        Map<String, String> env = new HashMap<>();
        env.put(Setting.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers);
        env.put(Setting.NEWSFLOW_WORK_DIR.name(), work.toString());
        env.put(Setting.NEWSFLOW_DROP_DIR.name(), work.resolve("drop").toString());
        env.put(Setting.NEWSFLOW_DROP_POLL_MS.name(), "100");
        env.put(Setting.NEWSFLOW_HTTP_PORT.name(), "-1");
        return Settings.from(env);
    }

    /**
     * Drops the files in a shuffled order, a few at a time with pauses between, as files arrive
     * in a folder: some bursts are read in one scan, some articles overtake others across partitions.
     */
    private static void dropInBursts(Collection<Path> files, Path dropDir, Random random) throws Exception {
        Files.createDirectories(dropDir);
        List<Path> order = new ArrayList<>(files);
        Collections.shuffle(order, random);
        for (int i = 0; i < order.size(); i++) {
            Path file = order.get(i);
            Path partial = dropDir.resolve(file.getFileName() + ".part");
            Files.copy(file, partial);
            Files.move(partial, dropDir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            if (random.nextInt(6) == 0) {
                Thread.sleep(50 + random.nextInt(400));
            }
        }
    }

    /** Events as sets of article ids. */
    private static Set<Set<String>> partition(Collection<NewsEvent> events) {
        Set<Set<String>> partition = new HashSet<>();
        for (NewsEvent event : events) {
            Set<String> members = new HashSet<>();
            event.getArticles().forEach(a -> members.add(a.getArticleId()));
            partition.add(members);
        }
        return partition;
    }
}
