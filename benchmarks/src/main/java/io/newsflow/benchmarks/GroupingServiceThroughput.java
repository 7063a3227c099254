package io.newsflow.benchmarks;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.enrich.ArticleEventTime;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.enrich.grouping.text.MinHash;
import io.newsflow.enrich.grouping.state.TaggedArticle;
import io.newsflow.enrich.grouping.text.TextFeatures;
import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.launcher.pipeline.TopicSetup;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.AvroTrust;
import io.newsflow.topics.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * {@link GroupingThroughput}'s stream through the service itself: a real {@link KafkaStreams}
 * with the service's settings ({@link EnrichService#streamsProperties}: exactly-once, the record
 * cache and commit interval of {@link EnrichConfig}), RocksDB stores with their caches and
 * changelogs, on an in-process broker. Where
 * {@code GroupingThroughput} gives the grouping logic's own cost, this gives what one grouping
 * partition sustains as deployed: RocksDB reads and writes, cache flushes, changelog records and
 * transactions included.
 *
 * <p>Articles are produced ahead of the stream thread; the measured rate is the measured articles
 * over the time from their first send until the processor has taken the last. The broker, the
 * producer and the consumer of the events topic run on the other core. Before the clock starts,
 * {@code -Dbench.warmup=N} articles (10,000) of the measured mix warm the JIT up.
 *
 * <p>{@code -Dbench.input=grouping} measures the grouping task alone: the articles are tagged and
 * read before the clock starts and go straight to the grouping topic (see {@link Feed}), so the
 * stream thread's CPU time ({@code stream_thread_cpu_us_per_article}) is what one core given to
 * grouping spends per article. The default, {@code raw}, runs tagging and grouping on the one thread.
 *
 * <p>Run: {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar io.newsflow.benchmarks.GroupingServiceThroughput [open events] [measured] [vocabulary]}.
 * The store cache and commit interval are the service's defaults; {@code -Dbench.cacheMb=N} and
 * {@code -Dbench.commitMs=N} change them, {@code -Dbench.kafka.NAME=VALUE} sets any other Streams setting.
 * With {@code -Dbench.restart=true} the stream is then stopped and started again on its state
 * directory, and the time until it has placed one more article is printed (a restart after a
 * deploy: the grouping task rebuilds its index, reach, expiry order and band lists from the stores).
 */
public final class GroupingServiceThroughput {

    private static final Duration STALL = Duration.ofMinutes(1);

    private GroupingServiceThroughput() {
    }

    public static void main(String[] args) throws Exception {
        AvroTrust.trustNewsflowPackages();
        int openEvents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int vocabulary = args.length > 2 ? Integer.parseInt(args[2]) : 40_000;
        Path work = Files.createTempDirectory("newsflow-grouping-service-bench");
        Topics topics = Topics.embedded();
        try (EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("kafka"))) {
            TopicSetup.ensure(broker.bootstrapServers(), topics, 1, Duration.ofDays(7));
            EnrichConfig config = new EnrichConfig("newsflow-grouping-service-bench", work.resolve("state"),
                    Duration.ofDays(3650), Long.getLong("bench.cacheMb", EnrichConfig.DEFAULT_STORE_CACHE_BYTES >> 20) << 20,
                    Duration.ofMillis(Long.getLong("bench.commitMs", EnrichConfig.DEFAULT_COMMIT_INTERVAL.toMillis())));
            KafkaStreams streams = streams(broker, topics, config);
            streams.start();
            boolean groupingOnly = "grouping".equals(System.getProperty("bench.input", "raw"));
            try (KafkaProducer<String, RawArticle> producer = producer(broker, topics);
                 Feed feed = new Feed(broker, topics, config, producer, groupingOnly);
                 OpenEvents open = new OpenEvents(broker, topics, config.commitInterval())) {
                GroupingThroughput.Preloaded preload = preload(producer, topics, streams, open, openEvents, vocabulary);
                int preloaded = preload.articles();

                int warmUp = GroupingThroughput.warmUpArticles();
                SplittableRandom warmUpRandom = new SplittableRandom(7);
                List<RawArticle> warmUpArticles = new ArrayList<>(warmUp);
                for (int i = 0; i < warmUp; i++) {
                    warmUpArticles.add(GroupingThroughput.warmUpArticle(i, preloaded, vocabulary, warmUpRandom));
                }
                feed.send(feed.prepare(warmUpArticles));
                awaitProcessed(preloaded + warmUp, streams);
                open.catchUp();
                int openAtStart = open.count();

                SplittableRandom random = new SplittableRandom(42);
                Measured run = measure(feed, streams, random, preloaded, warmUp, measured, vocabulary);
                open.catchUp();
                report(preload, run, measured, warmUp, openAtStart, open, groupingOnly, work.resolve("state"));
                if (Boolean.getBoolean("bench.restart")) {
                    // as the service closes: leaving the group, so the restarted member need not wait out a session
                    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                            .withTimeout(Duration.ofSeconds(30)));
                    streams = streams(broker, topics, config);
                    int sent = preloaded + warmUp + measured;
                    timeRestart(streams, producer, topics, open, () -> GroupingThroughput.measuredArticle(measured,
                            preloaded, vocabulary, random, sent), sent + 1);
                }
            } finally {
                streams.close(Duration.ofSeconds(30));
            }
        }
    }

    /** Starts the stream again and prints how long it takes to place one more article. */
    private static void timeRestart(KafkaStreams streams, KafkaProducer<String, RawArticle> producer, Topics topics,
                                    OpenEvents open, Supplier<RawArticle> article, long processed)
            throws InterruptedException {
        long restart = System.nanoTime();
        streams.start();
        producer.send(new ProducerRecord<>(topics.rawArticles().name(), "after-restart", article.get()));
        producer.flush();
        awaitProcessed(processed, streams);
        System.out.printf(Locale.ROOT, "restart: one more article placed %.1f s after the stream started again"
                + " on its state directory, %,d events open%n", (System.nanoTime() - restart) / 1e9, open.count());
    }

    /** Preloads articles in batches until as many events are open as asked for (random texts share words). */
    private static GroupingThroughput.Preloaded preload(KafkaProducer<String, RawArticle> producer, Topics topics,
                                                        KafkaStreams streams, OpenEvents open, int openEvents,
                                                        int vocabulary) throws InterruptedException {
        long start = System.nanoTime();
        int preloaded = 0;
        while (open.count() < openEvents) {
            int batch = Math.max(1, Math.min(5_000, openEvents - open.count()));
            for (int b = 0; b < batch; b++, preloaded++) {
                producer.send(new ProducerRecord<>(topics.rawArticles().name(), "p" + preloaded,
                        GroupingThroughput.preloadArticle(preloaded, vocabulary)));
            }
            producer.flush();
            awaitProcessed(preloaded, streams);
            open.catchUp();
            System.err.printf(Locale.ROOT, "preloaded %,d articles in %.0f s, %,d events open%n", preloaded,
                    (System.nanoTime() - start) / 1e9, open.count());
        }
        return new GroupingThroughput.Preloaded(preloaded, open.count(), (System.nanoTime() - start) / 1e9);
    }

    /** The measured articles' wall time, the stream thread's CPU time and the grouping processor's own, in seconds. */
    private record Measured(double wall, double threadCpu, double processorCpu) {
    }

    /** Prepares the measured articles, then times them from their first send until the processor took the last. */
    private static Measured measure(Feed feed, KafkaStreams streams, SplittableRandom random, int preloaded, int warmUp,
                                    int measured, int vocabulary) throws InterruptedException {
        List<RawArticle> measuredArticles = new ArrayList<>(measured);
        for (int i = 0; i < measured; i++) {
            measuredArticles.add(GroupingThroughput.measuredArticle(i, preloaded, vocabulary, random,
                    preloaded + warmUp + i));
        }
        List<?> ready = feed.prepare(measuredArticles);
        System.err.printf(Locale.ROOT, "measuring %,d articles from %d ms of uptime%n", measured,
                ManagementFactory.getRuntimeMXBean().getUptime());
        long threadCpuStart = streamThreadCpuNanos();
        long processorCpuStart = GroupingThroughput.TimedGrouping.ownCpuNanos;
        long wallStart = System.nanoTime();
        feed.send(ready);
        awaitProcessed(preloaded + warmUp + measured, streams);
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double threadCpu = (streamThreadCpuNanos() - threadCpuStart) / 1e9;
        double processorCpu = (GroupingThroughput.TimedGrouping.ownCpuNanos - processorCpuStart) / 1e9;
        return new Measured(wall, threadCpu, processorCpu);
    }

    private static void report(GroupingThroughput.Preloaded preload, Measured run, int measured, int warmUp,
                               int openAtStart, OpenEvents open, boolean groupingOnly, Path stateDir)
            throws java.io.IOException {
        System.out.printf(Locale.ROOT, "preload: %,d articles in %.1f s (%.0f articles/s), %,d events open%n",
                preload.articles(), preload.seconds(), preload.articles() / preload.seconds(), preload.openEvents());
        System.out.printf(Locale.ROOT, "grouping-service articles=%d open_events=%d articles_per_s=%.0f"
                        + " stream_thread_cpu_us_per_article=%.0f processor_cpu_us_per_article=%.0f"
                        + " processor_articles_per_cpu_s=%.0f heap_mb=%d rss_mb=%d state_dir_mb=%d"
                        + " preloaded_articles=%d open_events_after=%d input=%s"
                        + " stream_thread_articles_per_cpu_s=%.0f warmup_articles=%d open_events_measured_from=%d%n",
                measured, preload.openEvents(), measured / run.wall(), run.threadCpu() * 1e6 / measured,
                run.processorCpu() * 1e6 / measured, measured / run.processorCpu(),
                GroupingThroughput.usedHeapAfterGc() / (1024 * 1024), residentMegabytes(),
                directoryBytes(stateDir) / (1024 * 1024), preload.articles(), open.count(),
                groupingOnly ? "grouping" : "raw", measured / run.threadCpu(), warmUp, openAtStart);
    }

    /**
     * Sends articles to the stream: as raw articles, or, with {@code -Dbench.input=grouping}, as
     * the tagging tasks hand them to grouping, tagged and read beforehand ({@link #prepare}, before
     * the clock starts) and sent straight to the grouping topic. Then the one stream thread does
     * the grouping task's work alone (reading its input, the processor, stores, changelogs,
     * snapshots, commits), as a thread given to grouping would.
     */
    private static final class Feed implements AutoCloseable {

        private final Topics topics;
        private final KafkaProducer<String, RawArticle> raw;
        private final KafkaProducer<String, TaggedArticle> tagged;
        private final String groupingTopic;
        private final ArticleTagger tagger = ArticleTagger.standard();
        private final TextFeatures features = new TextFeatures(MinHash.standard());

        Feed(EmbeddedKafka broker, Topics topics, EnrichConfig config, KafkaProducer<String, RawArticle> raw,
             boolean groupingOnly) {
            this.topics = topics;
            this.raw = raw;
            this.tagged = groupingOnly ? new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.LINGER_MS_CONFIG, 20,
                    ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024),
                    new StringSerializer(), TaggedArticle.serde().serializer()) : null;
            // the internal topic as Kafka Streams names it: application id, repartition step
            this.groupingTopic = config.applicationId() + "-" + EnrichTopology.GROUPING_TOPIC + "-repartition";
        }

        /** The articles as they will be sent: tagged and read when they go to the grouping topic. */
        List<?> prepare(List<RawArticle> articles) {
            if (tagged == null) {
                return articles;
            }
            List<TaggedArticle> ready = new ArrayList<>(articles.size());
            for (RawArticle article : articles) {
                ready.add(EnrichTopology.tagAndRead(tagger, features, article));
            }
            return ready;
        }

        void send(List<?> prepared) {
            for (Object item : prepared) {
                if (item instanceof TaggedArticle article) {
                    tagged.send(new ProducerRecord<>(groupingTopic, null, ArticleEventTime.of(article.article()),
                            EnrichTopology.GROUPING_KEY, article));
                } else {
                    RawArticle article = (RawArticle) item;
                    raw.send(new ProducerRecord<>(topics.rawArticles().name(), article.getArticleId(), article));
                }
            }
            (tagged != null ? tagged : raw).flush();
        }

        @Override
        public void close() {
            if (tagged != null) {
                tagged.close();
            }
        }
    }

    private static KafkaStreams streams(EmbeddedKafka broker, Topics topics, EnrichConfig config) {
        return new KafkaStreams(EnrichTopology.build(topics, GroupingSettings.defaults(config.eventIdleTimeout()),
                GroupingStores.Kind.PERSISTENT, GroupingThroughput.TimedGrouping::new),
                EnrichService.streamsProperties(config, kafkaProperties(broker), topics));
    }

    /** The broker, and {@code -Dbench.kafka.NAME=VALUE} settings of the Streams application. */
    private static Map<String, Object> kafkaProperties(EmbeddedKafka broker) {
        Map<String, Object> props = new HashMap<>();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.kafka."))
                .forEach(name -> props.put(name.substring("bench.kafka.".length()), System.getProperty(name)));
        return props;
    }

    private static KafkaProducer<String, RawArticle> producer(EmbeddedKafka broker, Topics topics) {
        return new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024),
                topics.rawArticles().keySerde().serializer(), topics.rawArticles().valueSerde().serializer());
    }

    /**
     * Waits until the grouping processor has taken this many articles since the start; fails when
     * the stream stops or takes no article for a minute, rather than waiting for ever.
     */
    private static void awaitProcessed(long articles, KafkaStreams streams) throws InterruptedException {
        long seen = GroupingThroughput.TimedGrouping.processed;
        long progressAt = System.nanoTime();
        while (seen < articles) {
            if (!streams.state().isRunningOrRebalancing()) {
                throw new IllegalStateException("the stream stopped (" + streams.state() + ") at " + seen + " articles");
            }
            if (System.nanoTime() - progressAt > STALL.toNanos()) {
                throw new IllegalStateException("no article processed for " + STALL.toSeconds() + " s, at " + seen);
            }
            Thread.sleep(5);
            long now = GroupingThroughput.TimedGrouping.processed;
            if (now > seen) {
                seen = now;
                progressAt = System.nanoTime();
            }
        }
    }

    /** CPU time of the Kafka Streams threads (one, as the service runs): processing, commits, flushes. */
    private static long streamThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("StreamThread")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static long residentMegabytes() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static long directoryBytes(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The events open as a read-committed consumer of the events topic sees them. */
    private static final class OpenEvents implements AutoCloseable {

        private final KafkaConsumer<String, NewsEvent> consumer;
        private final GroupingThroughput.OpenEvents open = new GroupingThroughput.OpenEvents();

        private final Duration quiet;

        OpenEvents(EmbeddedKafka broker, Topics topics, Duration commitInterval) {
            quiet = commitInterval.plusSeconds(1);
            consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.GROUP_ID_CONFIG, "grouping-service-bench"),
                    new StringDeserializer(), topics.events().valueSerde().deserializer());
            consumer.subscribe(Set.of(topics.events().name()));
        }

        int count() {
            return open.ids.size();
        }

        /**
         * Reads until nothing more comes for longer than a commit interval: a read-committed
         * consumer sees the stream's output only once its transaction commits.
         */
        void catchUp() {
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < quiet.toNanos()) {
                for (ConsumerRecord<String, NewsEvent> record : consumer.poll(Duration.ofMillis(100))) {
                    quietSince = System.nanoTime();
                    open.apply(record.key(), record.value());
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
