package io.newsflow.launcher.bench;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.drops.DropFolderService;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.pipeline.KafkaConnection;
import io.newsflow.launcher.pipeline.TopicSetup;
import io.newsflow.schemas.RawArticle;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkMigrations;
import io.newsflow.sink.SinkService;
import io.newsflow.topics.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One bench run, phase by phase on one embedded broker: preload open events, then ingest, the
 * pass-through ceiling, enrich and the sink each measured alone over the same articles (so each
 * phase's CPU is its own), then the whole pipeline at a steady offered load for end-to-end latency.
 */
final class BenchRun {

    /** A phase that takes nothing for this long has failed; the run stops rather than waiting for ever. */
    private static final Duration STALL = Duration.ofSeconds(90);

    record Options(int articles, int warmUp, int openEvents, long seed, double rate, int e2eSeconds,
                   int e2eWarmUpSeconds, Path corpus, int instances, int partitions) {

        /** The share of the end-to-end files dropped while the services warm up. */
        double e2eWarmUpShare() {
            return e2eWarmUpSeconds / (double) (e2eWarmUpSeconds + e2eSeconds);
        }
    }

    private final Options options;
    private final Settings settings;
    private final PrintStream progress;
    private final BenchFigures figures = new BenchFigures();
    private final ResourceProbe probe = new ResourceProbe();
    private final long startedAt = System.nanoTime();

    BenchRun(Options options, Settings settings, PrintStream progress) {
        this.options = options;
        this.settings = settings;
        this.progress = progress;
    }

    BenchFigures run(String jdbcUrl, String jdbcUser, String jdbcPassword) throws Exception {
        Duration idle = Duration.ofHours(settings.getLong(Setting.NEWSFLOW_EVENT_IDLE_HOURS));
        Path work = settings.workDir();
        Articles articles = articles(work, idle);
        migrateFirst(jdbcUrl, jdbcUser, jdbcPassword);
        try (KafkaConnection kafka = KafkaConnection.connectOrEmbed(settings, KafkaConnection.ANY_PORT)) {
            Map<String, Object> client = kafka.clientProperties();
            Topics topics = settings.topics();
            TopicSetup.ensure(kafka.bootstrapServers(), topics, options.partitions(), settings.seenItemsRetention());
            String passOutput = "bench-passthrough-output";
            try (Admin admin = Admin.create(client)) {
                admin.createTopics(List.of(new NewTopic(passOutput, options.partitions(), (short) 1))).all().get();
                holdCompaction(admin, topics, idle);
            }
            EnrichConfig enrichConfig = settings.enrich();

            probe.phase("preload");
            preload(client, topics, enrichConfig, articles.preload());

            probe.phase("ingest");
            ingest(client, articles.warmUp(), articles.measured());
            probe.phase("ceiling");
            passThrough(client, topics, enrichConfig, passOutput);
            probe.phase("enrich");
            enrich(client, topics, enrichConfig, articles.warmUp().size(), articles.measured().size());

            probe.phase("sink");
            long sinkRecords = readEvents(client, topics, articles.measured(), idle);
            SinkConfig sinkBase = settings.sink();
            sinks(sinkBase, client, topics, sinkRecords, work, jdbcUrl, jdbcUser, jdbcPassword);

            probe.phase("e2e");
            endToEnd(client, topics, enrichConfig, sinkConfig(sinkBase, work.resolve("events-e2e"), jdbcUrl, jdbcUser,
                    jdbcPassword), articles.e2e(), jdbcUrl, jdbcUser, jdbcPassword);
        } finally {
            probe.close();
        }
        figures.peakHeapMb = probe.peakHeapMb();
        figures.peakRssMb = probe.peakRssMb();
        figures.peakRssMbByPhase = probe.peakRssMbByPhase();
        figures.seconds = (System.nanoTime() - startedAt) / 1e9;
        return figures;
    }

    /** The run's articles: preloaded as open events, then drop files for warm-up, measurement and end to end. */
    private record Articles(List<GeneratedArticle> preload, List<BenchCorpus.DropFile> warmUp,
                            List<BenchCorpus.DropFile> measured, List<BenchCorpus.DropFile> e2e) {
    }

    /** Generates the stories (or stages the corpus folder) and splits the drop files between the phases. */
    private Articles articles(Path work, Duration idle) throws IOException {
        int e2eCount = (int) Math.round(options.rate() * (options.e2eWarmUpSeconds() + options.e2eSeconds()));
        StoryStream.Timeline timeline = new StoryStream(Gazetteer.standard(), options.seed())
                .generate(options.openEvents(), options.corpus() == null ? options.warmUp() + options.articles() + e2eCount : 0,
                        idle);
        List<GeneratedArticle> preload = options.openEvents() == 0 ? List.of() : timeline.preload();
        List<BenchCorpus.DropFile> files = options.corpus() == null
                ? BenchCorpus.stage(timeline.live(), work.resolve("staging"))
                : BenchCorpus.stageFolder(options.corpus(), work.resolve("staging"));
        int w = options.corpus() == null ? options.warmUp() : files.size() / 10;
        int m = options.corpus() == null ? options.articles() : files.size() * 6 / 10;
        List<BenchCorpus.DropFile> warmUp = files.subList(0, w);
        List<BenchCorpus.DropFile> measured = files.subList(w, Math.min(files.size(), w + m));
        List<BenchCorpus.DropFile> e2e = files.subList(Math.min(files.size(), w + m), files.size());
        figures.articles = measured.size();
        figures.preloadArticles = preload.size();
        figures.partitions = options.partitions();
        figures.instances = options.instances();
        log("generated %,d preload articles (%,d stories open at the live start), %,d warm-up, %,d measured, %,d end-to-end",
                preload.size(), timeline.openStoriesAtLive(), warmUp.size(), measured.size(), e2e.size());
        return new Articles(preload, warmUp, measured, e2e);
    }

    /** What enrich made of the measured articles, from the events topics; returns the records the sink has to write. */
    private long readEvents(Map<String, Object> client, Topics topics, List<BenchCorpus.DropFile> measured, Duration idle)
            throws Exception {
        EventsTopic events = EventsTopic.read(client, topics);
        List<String> measuredIds = new ArrayList<>(new LinkedHashSet<>(measured.stream()
                .map(BenchCorpus.DropFile::articleId).toList()));
        figures.placed = events.placed(measuredIds);
        figures.distinctArticles = measuredIds.size();
        List<Set<String>> groups = events.groupsOf(measuredIds);
        figures.events = groups.size();
        figures.groupingFingerprint = EventsTopic.fingerprint(groups);
        figures.openEvents = options.corpus() == null ? events.openAt(liveFrom, idle) : 0;
        figures.sinkRecords = events.records;
        figures.sinkMemberRecords = events.memberRecords;
        log("%,d of %,d measured articles placed, in %,d events; %,d events were open when the live stream began; "
                + "%,d event records and %,d event-articles records on the topics", figures.placed, measuredIds.size(),
                figures.events, figures.openEvents, events.records, events.memberRecords);
        // the sink reads both topics: a record of either is one it writes
        return events.records + events.memberRecords;
    }

    /**
     * The sink phases read the compacted event topics from their start and count on every record read before
     * (readEvents): a compaction in between would leave them waiting for records gone. It happens: the preload's
     * record times (fetch times) go back over the idle window and a day, so a segment rolls (segment.ms, 7 days)
     * and its records are older than any usual compaction lag. Held for longer than the run's times span, on
     * this throwaway broker only.
     */
    private static void holdCompaction(Admin admin, Topics topics, Duration idle) throws Exception {
        AlterConfigOp hold = new AlterConfigOp(new ConfigEntry(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                Long.toString(idle.plusDays(30).toMillis())), AlterConfigOp.OpType.SET);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String topic : List.of(topics.events().name(), topics.eventArticles().name())) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(hold));
        }
        admin.incrementalAlterConfigs(changes).all().get();
    }

    /** The sink into PostgreSQL, then into JSON Lines files, each over all the event records. */
    private void sinks(SinkConfig sinkBase, Map<String, Object> client, Topics topics, long sinkRecords, Path work,
                       String jdbcUrl, String jdbcUser, String jdbcPassword) throws Exception {
        SinkConfig postgres = sinkConfig(sinkBase, null, jdbcUrl, jdbcUser, jdbcPassword);
        SinkConfig jsonl = sinkConfig(sinkBase, work.resolve("events"), null, jdbcUser, jdbcPassword);
        double[] pg = sink("PostgreSQL", postgres, client, topics, sinkRecords, Map.of());
        figures.sinkPostgresPerS = pg[0];
        figures.sinkPostgresCpuMsPerRecord = pg[1];
        double[] files = sink("JSON Lines", jsonl, client, topics, sinkRecords, Map.of("group.id", "bench-sink-files"));
        figures.sinkFilesPerS = files[0];
        figures.sinkFilesCpuMsPerRecord = files[1];
    }

    private void preload(Map<String, Object> client, Topics topics, EnrichConfig config, List<GeneratedArticle> preload)
            throws InterruptedException {
        Instant now = Instant.now();
        liveFrom = now;
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        AtomicLong grouped = new AtomicLong();
        try (CountingEnrich enrich = new CountingEnrich(config, client, topics, options.instances(), grouped).start();
             KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(props,
                     topics.rawArticles().keySerde().serializer(), topics.rawArticles().valueSerde().serializer())) {
            long start = System.nanoTime();
            for (GeneratedArticle article : preload) {
                // the simulated days end now: the grouping clock (fetch time) then runs on into the live stream
                RawArticle raw = article.toRawArticle(now.minus(Duration.between(article.arrival(), StoryStream.LIVE_FROM)));
                producer.send(new ProducerRecord<>(topics.rawArticles().name(), raw.getArticleId(), raw));
            }
            producer.flush();
            int sent = preload.size();
            // Sent: the bench's own copy of the stream (250 MB of text at the default 20,000 open stories) must not
            // sit in the heap it measures, beside the pipeline's.
            if (sent > 0) {
                preload.clear();
            }
            await("preload", grouped::get, sent, enrich::running);
            figures.preloadPerS = sent / seconds(start);
            log("preload: %,d articles grouped at %,.0f articles/s", sent, figures.preloadPerS);
        }
    }

    private void ingest(Map<String, Object> client, List<BenchCorpus.DropFile> warmUp, List<BenchCorpus.DropFile> measured) throws Exception {
        Path drop = Files.createDirectories(settings.dropFolder().root());
        Path done = drop.resolve("done");
        try (DropFolderService ingest = new DropFolderService(settings.dropFolder(), client, settings.topics())) {
            ingest.start();
            dropAll(warmUp, drop);
            await("ingest warm-up", () -> articleFiles(done), warmUp.size(), ingest::healthy);
            long cpu = ResourceProbe.processCpuNanos();
            long start = System.nanoTime();
            dropAll(measured, drop);
            await("ingest", () -> articleFiles(done), warmUp.size() + measured.size(), ingest::healthy);
            double seconds = seconds(start);
            figures.ingestPerS = measured.size() / seconds;
            figures.ingestCpuMsPerArticle = (ResourceProbe.processCpuNanos() - cpu) / 1e6 / measured.size();
            log("ingest: %,d files in %.1f s, %,.0f files/s", measured.size(), seconds, figures.ingestPerS);
        }
    }

    /**
     * The ceiling over every article on the topic (preloaded and live: the records enrich read), the
     * first tenth warming up: a few thousand records alone pass in a fraction of a second, too short to time.
     */
    private void passThrough(Map<String, Object> client, Topics topics, EnrichConfig config, String output)
            throws Exception {
        long records = endOffsets(client, topics.rawArticles().name()).values().stream().mapToLong(Long::longValue).sum();
        PassThrough.Stopwatch stopwatch = new PassThrough.Stopwatch(Math.max(1, records / 10), records);
        try (PassThrough pass = new PassThrough("bench-passthrough", topics.rawArticles().name(), output, config, client,
                stopwatch).start()) {
            await("pass-through", stopwatch::passed, records, pass::running);
            figures.passthroughPerS = stopwatch.timed() / stopwatch.seconds();
            figures.passthroughCpuMsPerArticle = stopwatch.cpuMsPerRecord();
            log("ceiling: %,d records passed through in %.2f s, %,.0f/s", stopwatch.timed(), stopwatch.seconds(),
                    figures.passthroughPerS);
        }
    }

    private void enrich(Map<String, Object> client, Topics topics, EnrichConfig config, int warmUp, int measured)
            throws Exception {
        AtomicLong grouped = new AtomicLong();
        try (CountingEnrich enrich = new CountingEnrich(config, client, topics, options.instances(), grouped).start()) {
            await("enrich warm-up", grouped::get, warmUp, enrich::running);
            long cpu = ResourceProbe.processCpuNanos();
            long start = System.nanoTime();
            await("enrich", grouped::get, warmUp + measured, enrich::running);
            double seconds = seconds(start);
            figures.enrichPerS = measured / seconds;
            figures.enrichCpuMsPerArticle = (ResourceProbe.processCpuNanos() - cpu) / 1e6 / measured;
            figures.rocksDbMb = ResourceProbe.directoryBytes(config.stateDir()) >> 20;
            log("enrich: %,d articles grouped in %.1f s, %,.0f/s (%.2f of the ceiling)", measured, seconds,
                    figures.enrichPerS, figures.enrichRatio());
            // the last transaction commits within a commit interval: wait for it before reading the events
            Thread.sleep(config.commitInterval().toMillis() + 1_000);
        }
    }

    /** Event records per second into one store, and CPU per record; the sink starts from the topic's beginning. */
    private double[] sink(String what, SinkConfig config, Map<String, Object> client, Topics topics, long records,
                          Map<String, Object> extra) throws Exception {
        Map<String, Object> kafka = new HashMap<>(client);
        kafka.putAll(extra);
        try (SinkService sink = new SinkService(config, kafka, topics)) {
            long cpu = ResourceProbe.processCpuNanos();
            sink.start();
            // the clock starts at the first committed batch: connecting and migrating are not writing
            await("sink " + what + " start", sink::recordsDone, 1, () -> true);
            long first = sink.recordsDone();
            long start = System.nanoTime();
            await("sink " + what, sink::recordsDone, records, sink::healthy);
            double seconds = seconds(start);
            double perS = (records - first) / seconds;
            double cpuMs = (ResourceProbe.processCpuNanos() - cpu) / 1e6 / records;
            log("sink into %s: %,d records (events and event-articles), %,.0f/s", what, records, perS);
            return new double[] {perS, cpuMs};
        }
    }

    /**
     * Brings the sink's schema up to date before any phase, as a deployment's sink does when it first starts: the
     * first migration loads a HashMap subclass of Flyway's (a case-insensitive map), and the JVM then throws away
     * the compiled code of every method that inlined HashMap.put or containsKey, enrich's hottest among them (43
     * methods, seen with -XX:+LogCompilation). Mid-run, between the enrich phase and the end-to-end phase, that
     * left the end-to-end phase to start on slow code while the one C2 compiler thread compiled it all again.
     */
    private void migrateFirst(String jdbcUrl, String user, String password) {
        SinkMigrations.migrate(jdbcUrl, user, password);
        log("sink schema migrated before the phases");
    }

    private void endToEnd(Map<String, Object> client, Topics topics, EnrichConfig config, SinkConfig sinkConfig,
                          List<BenchCorpus.DropFile> e2e, String jdbcUrl, String user, String password) throws Exception {
        figures.e2eRate = options.rate();
        if (e2e.isEmpty()) {
            return;
        }
        Path drop = settings.dropFolder().root();
        AtomicLong grouped = new AtomicLong();
        try (DropFolderService ingest = new DropFolderService(settings.dropFolder(), client, topics);
             CountingEnrich enrich = new CountingEnrich(config, client, topics, options.instances(), grouped);
             SinkService sink = new SinkService(sinkConfig, client, topics);
             LatencyProbe latency = new LatencyProbe(jdbcUrl, user, password);
             StageClock stages = new StageClock(client, topics)) {
            sink.start();
            enrich.start();
            ingest.start();
            awaitReady(enrich, sink);
            Set<String> warmUpIds = new HashSet<>();
            int counted = dropAtRate(e2e, drop, latency, warmUpIds);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (latency.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Map<Boolean, List<LatencyProbe.Arrival>> byPart = latency.arrivals().stream()
                    .collect(Collectors.partitioningBy(a -> warmUpIds.contains(a.articleId())));
            List<LatencyProbe.Arrival> measured = byPart.get(false);
            List<Long> latencies = measured.stream().map(LatencyProbe.Arrival::latencyNanos).toList();
            List<Long> warmUpLatencies = byPart.get(true).stream().map(LatencyProbe.Arrival::latencyNanos).toList();
            figures.e2eArticles = counted;
            figures.e2eMissing = latency.pending();
            figures.e2eP50Ms = LatencyProbe.quantileMs(latencies, 0.50);
            figures.e2eP95Ms = LatencyProbe.quantileMs(latencies, 0.95);
            figures.e2eP99Ms = LatencyProbe.quantileMs(latencies, 0.99);
            figures.e2eWarmUpSeconds = options.e2eWarmUpSeconds();
            figures.e2eWarmUpArticles = warmUpLatencies.size();
            figures.e2eWarmUpP50Ms = LatencyProbe.quantileMs(warmUpLatencies, 0.50);
            figures.e2eWarmUpP99Ms = LatencyProbe.quantileMs(warmUpLatencies, 0.99);
            log("end to end, warm-up: %,d articles in the first %d s, p50 %.0f ms, p99 %.0f ms (not counted below)",
                    figures.e2eWarmUpArticles, figures.e2eWarmUpSeconds, figures.e2eWarmUpP50Ms, figures.e2eWarmUpP99Ms);
            int third = latencies.size() / 3;
            figures.e2eP50FirstThirdMs = LatencyProbe.quantileMs(latencies.subList(0, third), 0.50);
            figures.e2eP50LastThirdMs = LatencyProbe.quantileMs(latencies.subList(latencies.size() - third, latencies.size()), 0.50);
            splitByStage(measured, stages);
            log("end to end: %,d articles at %.0f/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d missing", counted,
                    options.rate(), figures.e2eP50Ms, figures.e2eP95Ms, figures.e2eP99Ms, figures.e2eMissing);
        }
    }

    /**
     * The end-to-end latency split at the topics between the stages: landing to {@code raw-articles} (ingest),
     * to a committed {@code event-articles} record (enrich), to the row in PostgreSQL (sink), p50 and p99 each.
     */
    private void splitByStage(List<LatencyProbe.Arrival> arrivals, StageClock stages) {
        List<Long> ingest = new ArrayList<>();
        List<Long> enrich = new ArrayList<>();
        List<Long> sink = new ArrayList<>();
        for (LatencyProbe.Arrival a : arrivals) {
            Long ingested = stages.ingestedAt(a.articleId());
            Long placed = stages.placedAt(a.articleId());
            if (ingested != null && placed != null) {
                ingest.add(ingested - a.landedNanos());
                enrich.add(placed - ingested);
                sink.add(a.visibleNanos() - placed);
            }
        }
        figures.e2eStageMs = new double[][] {
                {LatencyProbe.quantileMs(ingest, 0.50), LatencyProbe.quantileMs(ingest, 0.99)},
                {LatencyProbe.quantileMs(enrich, 0.50), LatencyProbe.quantileMs(enrich, 0.99)},
                {LatencyProbe.quantileMs(sink, 0.50), LatencyProbe.quantileMs(sink, 0.99)}};
        log("end to end by stage (p50 / p99 ms, %,d articles): ingest %.0f / %.0f, enrich %.0f / %.0f, sink %.0f / %.0f",
                ingest.size(), figures.e2eStageMs[0][0], figures.e2eStageMs[0][1], figures.e2eStageMs[1][0],
                figures.e2eStageMs[1][1], figures.e2eStageMs[2][0], figures.e2eStageMs[2][1]);
    }

    private static void awaitReady(CountingEnrich enrich, SinkService sink) throws InterruptedException {
        long ready = System.nanoTime();
        while (!(enrich.ready() && sink.healthy())) {
            if (System.nanoTime() - ready > STALL.toNanos()) {
                throw new IllegalStateException("the pipeline was not ready within " + STALL.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /**
     * Drops the files at the offered rate and has the probe wait for the new articles among them to land; those
     * of the warm-up (the first seconds) go into {@code warmUpIds}. Returns how many measured articles it waits for.
     */
    private int dropAtRate(List<BenchCorpus.DropFile> e2e, Path drop, LatencyProbe latency, Set<String> warmUpIds)
            throws IOException {
        Set<String> seen = new HashSet<>(measuredAndEarlierIds);
        long periodNanos = (long) (1e9 / options.rate());
        long next = System.nanoTime();
        int counted = 0;
        // the services have just started: their first seconds are timed apart, the measure starts after them
        int warmUp = (int) Math.round(e2e.size() * options.e2eWarmUpShare());
        for (int i = 0; i < e2e.size(); i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            BenchCorpus.DropFile file = e2e.get(i);
            drop(file, drop);
            // an updated version of an article already placed finds its row at once: only new articles count
            if (seen.add(file.articleId())) {
                latency.landed(file.articleId());
                if (i < warmUp) {
                    warmUpIds.add(file.articleId());
                } else {
                    counted++;
                }
            }
            next += periodNanos;
            if (i % Math.max(1, (int) options.rate() * 5) == 0) {
                log("end to end: %,d of %,d files dropped%s, %,d on their way", i, e2e.size(),
                        i < warmUp ? " (warming up)" : "", latency.pending());
            }
        }
        return counted;
    }

    /** When the live stream began on the grouping clock: the preload's simulated days end here. */
    private Instant liveFrom = Instant.now();
    private final Set<String> measuredAndEarlierIds = new HashSet<>();

    private static SinkConfig sinkConfig(SinkConfig base, Path jsonl, String jdbcUrl, String user, String password) {
        return new SinkConfig(jsonl, jdbcUrl, user, password, base.batchSize(), base.linger(), base.rotateBytes(),
                base.rotateAfter(), base.writers());
    }

    private void dropAll(List<BenchCorpus.DropFile> files, Path drop) throws IOException {
        for (BenchCorpus.DropFile file : files) {
            drop(file, drop);
        }
    }

    /** Moves a staged file into the drop folder (its sidecar first): a rename, so it lands whole. */
    private void drop(BenchCorpus.DropFile file, Path drop) throws IOException {
        measuredAndEarlierIds.add(file.articleId());
        Path sidecar = file.staged().resolveSibling(file.staged().getFileName() + ".meta.json");
        if (Files.exists(sidecar)) {
            Files.move(sidecar, drop.resolve(sidecar.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(file.staged(), drop.resolve(file.staged().getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
    }

    private static long articleFiles(Path done) {
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return !name.endsWith(".report.txt") && !name.endsWith(".meta.json");
            }).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Map<String, Object> client, String topic) throws Exception {
        try (Admin admin = Admin.create(client)) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        }
    }

    /** Waits until the count reaches the target; fails when the stage stops or makes no progress for {@link #STALL}. */
    private void await(String what, LongSupplier count, long target, BooleanSupplier alive)
            throws InterruptedException {
        long seen = count.getAsLong();
        long progressAt = System.nanoTime();
        long reportAt = System.nanoTime();
        while (seen < target) {
            if (System.nanoTime() - progressAt > STALL.toNanos()) {
                throw new IllegalStateException(what + ": no progress for " + STALL.toSeconds() + " s at " + seen + " of "
                        + target + (alive.getAsBoolean() ? "" : " (the stage stopped)"));
            }
            Thread.sleep(2);
            long now = count.getAsLong();
            if (now > seen) {
                seen = now;
                progressAt = System.nanoTime();
            }
            if (System.nanoTime() - reportAt > 5_000_000_000L) {
                reportAt = System.nanoTime();
                log("%s: %,d of %,d", what, seen, target);
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void log(String format, Object... args) {
        progress.printf(Locale.ROOT, "bench [%5.1f s] %s%n", seconds(startedAt), String.format(Locale.ROOT, format, args));
    }
}
