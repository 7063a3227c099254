package io.newsflow.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.launcher.faults.ServiceProcesses.Service;
import io.newsflow.launcher.pipeline.TopicSetup;
import io.newsflow.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults on real processes while articles flow: the three services, the Kafka broker and PostgreSQL each run as a
 * process of their own and are killed, stopped or starved of disk mid-stream; at the end the counts must be exact
 * (see {@link PipelineCheck}). The short profile runs in {@code ./mvnw verify}; {@code -Dfaults=full} runs
 * thousands of articles and several faults of each kind. Every random choice comes from a logged seed
 * ({@code -Dfaults.seed=N} replays it).
 */
class FaultSuiteTest {

    private static final Logger log = LoggerFactory.getLogger(FaultSuiteTest.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(240);
    private static final FaultProfile PROFILE = FaultProfile.fromSystemProperties();

    /** Under target/ rather than a temporary folder: the children's logs stay there to read after a failure. */
    private static final Path RUNS = Path.of("target", "faults").toAbsolutePath();
    private static Path shared;

    private static BrokerProcess broker;
    private static RestartablePostgres postgres;

    private ServiceProcesses services;
    private PipelineCheck check;
    /** A disk mounted by the scenario: unmounted only once its services are stopped. */
    private SmallDisk disk;
    /** The scenario's folder: drop folder, state, JSON Lines files and the services' logs. */
    private Path work;

    @BeforeAll
    static void startBrokerAndDatabase() throws Exception {
        fresh(RUNS);
        shared = Files.createDirectories(RUNS.resolve("shared"));
        log.info("Fault suite, {} profile, seed {} (-Dfaults.seed={} replays it)", PROFILE.name(), PROFILE.seed(),
                PROFILE.seed());
        long began = System.nanoTime();
        broker = new BrokerProcess(shared.resolve("kafka"), shared.resolve("broker.log")).start();
        log.info("broker process ready in {} ms", millisSince(began));
        began = System.nanoTime();
        postgres = new RestartablePostgres(shared.resolve("postgres")).start();
        log.info("PostgreSQL ready in {} ms", millisSince(began));
    }

    @AfterAll
    static void stopBrokerAndDatabase() {
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopServices() {
        if (check != null) {
            check.close();
        }
        if (services != null) {
            services.close();
        }
        if (disk != null) {
            disk.close();
        }
        // A scenario that failed mid-fault must not leave the next one without its broker or database.
        broker.ensureRunning();
        postgres.start();
    }

    @Test
    void servicesKilledAtRandomMomentsLoseAndDoubleNothing() throws Exception {
        Random random = new Random(PROFILE.seed());
        GeneratedArticles articles = startScenario("kills", PROFILE.articles(), random);

        // Each service killed in turn, at a random article of its stretch of the stream (the first stretch lets
        // the pipeline warm up). Enrich comes last of each round: its restart waits for the killed member's
        // consumer-group session to expire (45 s), and the sink killed meanwhile would have nothing to write.
        List<Service> order = new ArrayList<>();
        for (int k = 0; k < PROFILE.killsPerStage(); k++) {
            order.addAll(List.of(Service.INGEST, Service.SINK, Service.ENRICH));
        }
        TreeMap<Integer, Service> plan = new TreeMap<>();
        int stretch = articles.size() / (order.size() + 1);
        for (int k = 0; k < order.size(); k++) {
            plan.put(stretch * (k + 1) + random.nextInt(stretch), order.get(k));
        }
        log.info("kills: {} (article index -> service)", plan);

        List<CompletableFuture<String>> recoveries = new ArrayList<>();
        long began = dropAll(articles, 0, articles.size(), index -> {
            Service service = plan.get(index);
            if (service != null) {
                long killedAt = System.nanoTime();
                services.kill(service);
                log.info("kill -9 {} at article {} of {} ({} in the database)", service, index, articles.size(),
                        check.articlesInDatabase());
                ChildJvm restarted = services.start(service);
                recoveries.add(CompletableFuture.supplyAsync(() -> services
                        .awaitReady(service, restarted, Duration.ofSeconds(180))
                        .map(d -> service + " at work again " + millisSince(killedAt) + " ms after kill -9")
                        .orElse(service + " killed again before it was at work")));
            }
        });
        long drained = awaitCaughtUp(articles);
        for (CompletableFuture<String> recovery : recoveries) {
            log.info("recovery: {}", recovery.get(1, TimeUnit.MINUTES));
        }
        finish(articles, "kills", began, drained);
    }

    @Test
    void brokerStoppedAndRestartedMidStreamLosesAndDoublesNothing() throws Exception {
        Random random = new Random(PROFILE.seed() + 1);
        GeneratedArticles articles = startScenario("broker-restart", PROFILE.articles(), random);
        TreeMap<Integer, Boolean> plan = new TreeMap<>(); // article index -> SIGKILL (else SIGTERM)
        int stretch = articles.size() / (PROFILE.brokerRestarts() + 1);
        for (int r = 0; r < PROFILE.brokerRestarts(); r++) {
            plan.put(stretch * (r + 1) + random.nextInt(stretch), r % 2 == 0);
        }
        log.info("broker stops: {} (article index -> kill -9, else SIGTERM)", plan);

        long began = dropAll(articles, 0, articles.size(), index -> {
            Boolean kill = plan.get(index);
            if (kill != null) {
                int placed = check.articlesInDatabase();
                if (kill) {
                    broker.kill();
                } else {
                    broker.terminate();
                }
                long downtime = 500 + random.nextInt(2500);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(downtime)); // the outage itself
                long restarting = System.nanoTime();
                broker.start();
                log.info("broker {} at article {} of {} ({} in the database), down {} ms, restarted in {} ms",
                        kill ? "kill -9" : "SIGTERM", index, articles.size(), placed, downtime, millisSince(restarting));
            }
        });
        long drained = awaitCaughtUp(articles);
        finish(articles, "broker-restart", began, drained);
    }

    @Test
    void databaseStoppedAndRestartedMidStreamLosesAndDoublesNothing() throws Exception {
        Random random = new Random(PROFILE.seed() + 2);
        GeneratedArticles articles = startScenario("database-restart", PROFILE.articles(), random);
        TreeMap<Integer, Long> plan = new TreeMap<>(); // article index -> downtime in ms
        int stretch = articles.size() / (PROFILE.databaseRestarts() + 1);
        for (int r = 0; r < PROFILE.databaseRestarts(); r++) {
            plan.put(stretch * (r + 1) + random.nextInt(stretch), 1000L + random.nextInt(4000));
        }
        log.info("database stops: {} (article index -> downtime ms)", plan);

        long began = dropAll(articles, 0, articles.size(), index -> {
            Long downtime = plan.get(index);
            if (downtime != null) {
                int placed = check.articlesInDatabase();
                postgres.stop();
                long stopped = System.nanoTime();
                ChildJvm sink = services.child(Service.SINK);
                int notReadyBefore = occurrences(sink.logOfThisRun(), "Not ready");
                Waits.until(Duration.ofSeconds(30), "the sink logs that it is not ready (log " + sink.logFile() + ")",
                        () -> occurrences(sink.logOfThisRun(), "Not ready") > notReadyBefore);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(downtime) - (System.nanoTime() - stopped));
                long restarting = System.nanoTime();
                postgres.start();
                log.info("PostgreSQL stopped at article {} of {} ({} in the database), down {} ms, restarted in {} ms",
                        index, articles.size(), placed, millisSince(stopped), millisSince(restarting));
            }
        });
        long drained = awaitCaughtUp(articles);
        finish(articles, "database-restart", began, drained);
    }

    @Test
    void aFullDiskUnderTheDropFolderIsLoggedAndLosesNothing() throws Exception {
        Random random = new Random(PROFILE.seed() + 3);
        int count = PROFILE.diskArticles();
        // Room for every article twice (its file and its content-ledger entry take a 4 KB page each) and more.
        disk = SmallDisk.mount(ServiceProcesses.dropDir(scenarioDir("drop-disk")), Math.max(4, count * 16 / 1024));
        GeneratedArticles articles = startScenario("drop-disk", count, random);
        int half = count / 2;
        long began = dropAll(articles, 0, half, index -> { });
        Waits.until(DRAIN_TIMEOUT, "the first half is stored", () -> check.articlesInDatabase() == half);

        // The second half arrives under temporary names, the disk fills up, then the files are renamed into
        // place (a rename needs no room): ingest must produce them with no room to write anything.
        Path drop = ServiceProcesses.dropDir(work);
        for (GeneratedArticles.Article article : articles.all().subList(half, count)) {
            Files.writeString(drop.resolve(article.fileName() + ".tmp"), article.text());
        }
        long filled = disk.fill();
        log.info("drop folder disk full ({} bytes of filler)", filled);
        for (GeneratedArticles.Article article : articles.all().subList(half, count)) {
            Files.move(drop.resolve(article.fileName() + ".tmp"), drop.resolve(article.fileName()));
        }
        ChildJvm ingest = services.child(Service.INGEST);
        Waits.until(Duration.ofSeconds(60), "ingest logs the full disk (log " + ingest.logFile() + ")",
                () -> ingest.logOfThisRun().contains("No space left on device"));
        log.info("ingest says: {}", firstLineWith(ingest.logOfThisRun(), "No space left on device"));
        long drained = awaitCaughtUp(articles);
        log.info("every article placed and stored while the drop folder's disk was full");

        // Room again: a restart files what could not be filed (produced again under the same ids). Until then
        // those files wait in processing/: the running instance does not retry filing them.
        disk.free();
        log.info("{} files produced but left in processing/ on the full disk", check.filesInProcessing(drop));
        services.terminate(Service.INGEST);
        services.start(Service.INGEST);
        services.awaitReady(Service.INGEST, Duration.ofSeconds(60));
        finish(articles, "drop-disk", began, drained);
    }

    @Test
    void aFullDiskUnderTheStateDirectoryIsLoggedAndLosesNothing() throws Exception {
        Random random = new Random(PROFILE.seed() + 4);
        int count = PROFILE.diskArticles();
        disk = SmallDisk.mount(ServiceProcesses.stateDir(scenarioDir("state-disk")), 64);
        GeneratedArticles articles = startScenario("state-disk", count, random);
        int half = count / 2;
        long began = dropAll(articles, 0, half, index -> { });
        Waits.until(DRAIN_TIMEOUT, "the first half is stored", () -> check.articlesInDatabase() == half);

        // Enrich writes its RocksDB stores to disk at checkpoints (every 10,000 records under exactly-once) and
        // when it opens them: a restart on the full disk is where an operator meets it.
        long filled = disk.fill();
        log.info("state directory disk full ({} bytes of filler); restarting enrich on it", filled);
        services.terminate(Service.ENRICH);
        ChildJvm enrich = services.start(Service.ENRICH);
        dropAll(articles, half, count, index -> { });
        Waits.until(Duration.ofSeconds(90), "enrich logs the full disk (log " + enrich.logFile() + ")",
                () -> enrich.logOfThisRun().contains("No space left on device"));
        log.info("enrich says: {}", firstLineWith(enrich.logOfThisRun(), "No space left on device"));
        long full = System.nanoTime();
        disk.free();
        long drained = awaitCaughtUp(articles);
        log.info("enrich resumed by itself: caught up {} ms after the disk had room again", millisSince(full));
        finish(articles, "state-disk", began, drained);
    }

    private static int occurrences(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    private static String firstLineWith(String log, String what) {
        return log.lines().filter(l -> l.contains(what)).findFirst().orElse("");
    }

    /** Creates the scenario's topics, database and services, and starts them. */
    private GeneratedArticles startScenario(String name, int count, Random random) throws Exception {
        Path work = Files.createDirectories(scenarioDir(name));
        GeneratedArticles articles = GeneratedArticles.make(random.nextLong(), count, work.resolve("staging"));
        String database = name.replace('-', '_');
        String jdbcUrl = postgres.newDatabase(database);
        services = new ServiceProcesses(name, broker.bootstrapServers(), jdbcUrl, work);
        Topics topics = new Topics(name + ".", null);
        TopicSetup.ensure(broker.bootstrapServers(), topics, 3, Duration.ofDays(1));
        Files.createDirectories(ServiceProcesses.dropDir(work));
        check = new PipelineCheck(articles.ids(), new EventsTopic(broker.bootstrapServers(), topics.events()),
                jdbcUrl, work);
        long began = System.nanoTime();
        services.startAll();
        log.info("{}: {} articles; services at work after {} ms", name, count, millisSince(began));
        this.work = work;
        return articles;
    }

    /** Called before each article is dropped, with its index. */
    private interface BeforeDrop {
        void at(int index) throws Exception;
    }

    /** Drops articles [from, to) at a steady pace, so that faults land while work is in flight; returns the start. */
    private long dropAll(GeneratedArticles articles, int from, int to, BeforeDrop beforeDrop) throws Exception {
        long began = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / PROFILE.dropsPerSecond();
        for (int i = from; i < to; i++) {
            beforeDrop.at(i);
            GeneratedArticles.drop(ServiceProcesses.dropDir(work), articles.all().get(i));
            long due = began + (i - from + 1) * interval;
            LockSupport.parkNanos(due - System.nanoTime()); // pacing the load, not timing an assertion
        }
        return began;
    }

    /** Waits until every article is placed and stored; returns when. */
    private long awaitCaughtUp(GeneratedArticles articles) {
        long waitFrom = System.nanoTime();
        Waits.until(DRAIN_TIMEOUT, "all " + articles.size() + " articles placed in events and stored", check::caughtUp);
        log.info("caught up {} ms after the last drop", millisSince(waitFrom));
        return System.nanoTime();
    }

    /** Stops the sink cleanly (publishing its files) and checks the exact counts on every output. */
    private void finish(GeneratedArticles articles, String name, long began, long drained) throws Exception {
        services.terminate(Service.SINK);
        Waits.until(Duration.ofSeconds(60), "every dropped file filed in done/",
                () -> check.filesDone(ServiceProcesses.dropDir(work)) == articles.size());
        PipelineCheck.Counts counts = check.assertExactlyOnce();
        check.assertEveryFileDone(ServiceProcesses.dropDir(work), articles.size());
        assertThat(counts.articles()).isEqualTo(articles.size());
        log.info("{}: exact: {}; {} ms from first drop to caught up", name, counts,
                TimeUnit.NANOSECONDS.toMillis(drained - began));
    }

    private static Path scenarioDir(String name) {
        return RUNS.resolve(name);
    }

    /** An empty folder (what an earlier run left there is deleted). */
    private static Path fresh(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
