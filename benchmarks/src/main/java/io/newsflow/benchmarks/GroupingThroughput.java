package io.newsflow.benchmarks;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.grouping.GroupingOutput;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.enrich.grouping.state.TaggedArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SourceKind;
import io.newsflow.topics.AvroTrust;
import io.newsflow.topics.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Articles per second through the enrich topology (tagging and grouping) with many events open,
 * and the heap it holds. Not JMH: filling the stores with 100,000 events is the expensive part, so
 * it is done once, then a measured run of further articles follows.
 *
 * <p>Synthetic articles: 200 words drawn from a vocabulary (third argument, default 40,000 words)
 * with a Zipf-like skew, plus three names of their own. Random texts share words, and grouping
 * joins a few of them (593 of the first 100,593, nearly all while document frequencies are young),
 * so articles are preloaded until the stores hold as many open events as asked for; the result
 * line gives both counts. Half of the measured articles are new stories, three in eight are
 * reports of a preloaded story in other words, one in eight a syndicated copy of one (see
 * {@link #measuredArticle}). Before the clock starts, {@code -Dbench.warmup=N} articles (10,000) of the
 * same mix on other subjects warm the JIT up ({@link #warmUpArticle}).
 * Stores are the heap kind (the same processor as with RocksDB, without disk), so the figure is
 * the grouping logic's own cost, on one thread; {@link GroupingServiceThroughput} runs the same
 * stream through the service as deployed.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar io.newsflow.benchmarks.GroupingThroughput [open events] [measured] [vocabulary]}
 */
public final class GroupingThroughput {

    public static void main(String[] args) throws Exception {
        AvroTrust.trustNewsflowPackages();
        int openEvents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int vocabulary = args.length > 2 ? Integer.parseInt(args[2]) : 40_000;
        Topics topics = Topics.embedded();
        Path stateDir = Files.createTempDirectory("newsflow-grouping-bench");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsflow-grouping-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        GroupingSettings settings = GroupingSettings.defaults(Duration.ofDays(3650));
        try (TopologyTestDriver driver = new TopologyTestDriver(
                EnrichTopology.build(topics, settings, GroupingStores.Kind.IN_MEMORY, TimedGrouping::new), props)) {
            TestInputTopic<String, RawArticle> input = driver.createInputTopic(topics.rawArticles().name(),
                    topics.rawArticles().keySerde().serializer(), topics.rawArticles().valueSerde().serializer());
            TestOutputTopic<String, NewsEvent> output = driver.createOutputTopic(topics.events().name(),
                    topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer());

            OpenEvents open = new OpenEvents();
            Preloaded preload = preload(input, output, open, openEvents, vocabulary);
            int preloaded = preload.articles();
            long heapAfterPreload = usedHeapAfterGc();

            int warmUp = warmUpArticles();
            SplittableRandom warmUpRandom = new SplittableRandom(7);
            for (int i = 0; i < warmUp; i++) {
                input.pipeInput("w" + i, warmUpArticle(i, preloaded, vocabulary, warmUpRandom));
            }
            open.update(output);
            int openAtStart = open.ids.size();

            Timed timed = measure(input, output, open, preloaded, warmUp, measured, vocabulary);
            open.update(output);
            double groupingCpu = TimedGrouping.ownCpuNanos / 1e9;
            System.out.printf(Locale.ROOT, "preload: %,d articles in %.1f s (%.0f articles/s), %,d events open; heap after GC %d MB%n",
                    preloaded, preload.seconds(), preloaded / preload.seconds(), preload.openEvents(),
                    heapAfterPreload / (1024 * 1024));
            System.out.printf(Locale.ROOT, "grouping articles=%d open_events=%d articles_per_s=%.0f cpu_us_per_article=%.0f heap_mb=%d"
                            + " processor_cpu_us_per_article=%.0f processor_articles_per_cpu_s=%.0f preloaded_articles=%d"
                            + " open_events_after=%d warmup_articles=%d open_events_measured_from=%d%n",
                    measured, preload.openEvents(), measured / timed.wall(), timed.cpu() * 1e6 / measured, usedHeapAfterGc() / (1024 * 1024),
                    groupingCpu * 1e6 / measured, measured / groupingCpu, preloaded, open.ids.size(), warmUp, openAtStart);
        }
    }

    /** The measured articles' wall time and this thread's CPU time, in seconds. */
    private record Timed(double wall, double cpu) {
    }

    private static Timed measure(TestInputTopic<String, RawArticle> input, TestOutputTopic<String, NewsEvent> output,
                                 OpenEvents open, int preloaded, int warmUp, int measured, int vocabulary) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(42);
        long cpuStart = threads.getCurrentThreadCpuTime();
        TimedGrouping.reset();
        long wallStart = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            input.pipeInput("m" + i, measuredArticle(i, preloaded, vocabulary, random, preloaded + warmUp + i));
            if (i % 1000 == 999) {
                open.update(output);
            }
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new Timed(wall, cpu);
    }

    /** What the preload took: articles, the events open after it, and seconds. */
    record Preloaded(int articles, int openEvents, double seconds) {
    }

    /**
     * Random texts share words, and grouping joins some of them: articles are added until as many events
     * are open as asked for, not merely as many articles.
     */
    private static Preloaded preload(TestInputTopic<String, RawArticle> input, TestOutputTopic<String, NewsEvent> output,
                                     OpenEvents open, int openEvents, int vocabulary) {
        long start = System.nanoTime();
        int preloaded = 0;
        while (open.ids.size() < openEvents) {
            int batch = Math.max(1, Math.min(1000, openEvents - open.ids.size()));
            for (int b = 0; b < batch; b++, preloaded++) {
                input.pipeInput("p" + preloaded, preloadArticle(preloaded, vocabulary));
                if (preloaded % 20_000 == 19_999) {
                    System.err.printf(Locale.ROOT, "preloaded %,d articles in %.0f s, %,d events open%n", preloaded + 1,
                            (System.nanoTime() - start) / 1e9, open.ids.size());
                }
            }
            open.update(output);
        }
        return new Preloaded(preloaded, open.ids.size(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * The events open, as a consumer of the events topic sees them: a snapshot opens or updates an
     * event, a tombstone (an event absorbed by a merge) closes it. Events close by idle time only
     * in the stores, which the ten-year idle window here keeps from happening.
     */
    static final class OpenEvents {

        final Set<String> ids = new HashSet<>();

        void update(TestOutputTopic<String, NewsEvent> output) {
            for (KeyValue<String, NewsEvent> record : output.readKeyValuesToList()) {
                apply(record.key, record.value);
            }
        }

        /** A snapshot opens (or updates) its event; a tombstone closes it. */
        void apply(String eventId, NewsEvent snapshot) {
            if (snapshot == null) {
                ids.remove(eventId);
            } else {
                ids.add(eventId);
            }
        }
    }

    /**
     * The grouping processor, timed: thread CPU in its process() less the time spent downstream of
     * its forward() calls (serialising the snapshots it emits), so that what remains is grouping's
     * own cost, apart from tagging, the repartition topic's serdes and the output serdes.
     */
    static final class TimedGrouping implements Processor<String, TaggedArticle, String, GroupingOutput> {

        private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
        static volatile long ownCpuNanos;
        /** Articles the processor took, for a benchmark that waits on a stream thread. */
        static volatile long processed;
        private static long downstreamNanos;
        private final Processor<String, TaggedArticle, String, GroupingOutput> grouping;

        TimedGrouping(Processor<String, TaggedArticle, String, GroupingOutput> grouping) {
            this.grouping = grouping;
        }

        static void reset() {
            ownCpuNanos = 0;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void init(ProcessorContext<String, GroupingOutput> context) {
            grouping.init((ProcessorContext<String, GroupingOutput>) Proxy.newProxyInstance(
                    ProcessorContext.class.getClassLoader(), new Class<?>[] {ProcessorContext.class},
                    (proxy, method, args) -> {
                        boolean forward = method.getName().equals("forward");
                        long start = forward ? CPU.getCurrentThreadCpuTime() : 0;
                        try {
                            return method.invoke(context, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if (forward) {
                                downstreamNanos += CPU.getCurrentThreadCpuTime() - start;
                            }
                        }
                    }));
        }

        @Override
        public void process(Record<String, TaggedArticle> record) {
            long start = CPU.getCurrentThreadCpuTime();
            long downstreamBefore = downstreamNanos;
            grouping.process(record);
            ownCpuNanos += CPU.getCurrentThreadCpuTime() - start - (downstreamNanos - downstreamBefore);
            processed++;
        }

        @Override
        public void close() {
            grouping.close();
        }
    }

    static RawArticle preloadArticle(int i, int vocabulary) {
        return article("p" + i, i, vocabulary, new SplittableRandom(i), null, i);
    }

    /**
     * Measured article i: half are new stories; of the rest, three in four are another outlet's
     * report of a preloaded story (its names, three words in ten changed, another headline), which
     * grouping must find among the candidates and cluster, and one in four a syndicated copy of one.
     */
    static RawArticle measuredArticle(int i, int preloaded, int vocabulary, SplittableRandom random, long position) {
        return mixedArticle("m" + i, preloaded + i, i + 9_000_000L, preloaded, vocabulary, random, position);
    }

    /**
     * Warm-up article i: the measured mix on subjects and wordings of its own, run before the clock
     * starts so that the JIT has compiled the paths the measured articles take (the preload's new
     * stories take only some of them). Without it, the compiler took a core during the measurement.
     */
    static RawArticle warmUpArticle(int i, int preloaded, int vocabulary, SplittableRandom random) {
        return mixedArticle("w" + i, preloaded + WARM_UP_SUBJECTS + i, i + 19_000_000L, preloaded, vocabulary, random,
                preloaded + i);
    }

    /** Where the warm-up's new subjects start, after the preloaded and measured ones. */
    private static final int WARM_UP_SUBJECTS = 50_000_000;

    /** How many warm-up articles: {@code -Dbench.warmup=N}. */
    static int warmUpArticles() {
        return Integer.getInteger("bench.warmup", 10_000);
    }

    private static RawArticle mixedArticle(String id, int newSubject, long rewordingSeed, int preloaded, int vocabulary,
                                           SplittableRandom random, long position) {
        int kind = random.nextInt(8);
        if (kind < 4) {
            return article(id, newSubject, vocabulary, new SplittableRandom(newSubject + 7_000_000L), null, position);
        }
        int base = random.nextInt(preloaded);
        SplittableRandom rewording = kind == 4 ? null : new SplittableRandom(rewordingSeed);
        return article(id, base, vocabulary, new SplittableRandom(base), rewording, position);
    }

    /**
     * When the article at this position of the stream was fetched: one a second from the start
     * (about 86,000 articles a day, a large feed). Articles fetched all at one instant, as an
     * earlier version of this benchmark made them, are a back-fill: then every new event ranks
     * among the others by id, not as the newest, and each index write is a search and a move.
     */
    private static Instant fetchedAt(long position) {
        return STREAM_START.plusSeconds(position);
    }

    private static final Instant STREAM_START = Instant.parse("2026-01-01T00:00:00Z");

    /** An article on the subject; with rewording, three words in ten are replaced and the headline differs. */
    private static RawArticle article(String id, int subject, int vocabulary, SplittableRandom random,
                                      SplittableRandom rewording, long position) {
        StringBuilder body = new StringBuilder();
        // three names per subject, none shared with another subject (below 99,999,989 subjects)
        String names = name("Off", subject) + " " + name("Tow", subject * 31L % 99_999_989) + " "
                + name("Com", subject * 17L % 99_999_989);
        body.append("Reports from ").append(names).append(" said on Tuesday that ");
        for (int w = 0; w < 200; w++) {
            // Zipf-like: small ranks are common words
            int rank = (int) Math.min(vocabulary - 1, Math.floor(Math.pow(vocabulary, random.nextDouble())));
            if (rewording != null && rewording.nextInt(10) < 3) {
                rank = (int) Math.min(vocabulary - 1, Math.floor(Math.pow(vocabulary, rewording.nextDouble())));
            }
            body.append("w").append(Integer.toString(rank, 36)).append(w % 15 == 14 ? ". " : " ");
        }
        body.append(names).append('.');
        return RawArticle.newBuilder()
                .setArticleId(id).setSourceKind(SourceKind.FILE).setSourceId(id + ".txt")
                .setTitle((rewording == null ? "Story about " : "News of ") + names).setBody(body.toString())
                .setFetchedAt(fetchedAt(position)).setContentHash(id)
                .setMetadata(Map.of())
                .build();
    }

    /**
     * A name of one word: the number in letters after a prefix ("Offbd" for 29). Written with
     * digits ("Officer29"), the tokenizer reads "officer" and "29" apart, and every article then
     * shared the same three names, which grouping rightly took for one story.
     */
    private static String name(String prefix, long number) {
        StringBuilder name = new StringBuilder(prefix);
        long n = number;
        do {
            name.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return name.toString();
    }

    static long usedHeapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
