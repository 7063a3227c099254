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
import org.junit.jupiter.api.io.TempDir;
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

    @TempDir
    static Path shared;

    private static BrokerProcess broker;
    private static RestartablePostgres postgres;

    private ServiceProcesses services;
    private PipelineCheck check;

    @BeforeAll
    static void startBrokerAndDatabase() {
        log.info("Fault suite, {} profile, seed {} (-Dfaults.seed={} replays it)", PROFILE.name(), PROFILE.seed(),
                PROFILE.seed());
        broker = new BrokerProcess(shared.resolve("kafka"), shared.resolve("broker.log")).start();
        postgres = new RestartablePostgres(shared.resolve("postgres")).start();
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
        // A scenario that failed mid-fault must not leave the next one without its broker or database.
        broker.ensureRunning();
        postgres.start();
    }

    @Test
    void servicesKilledAtRandomMomentsLoseAndDoubleNothing(@TempDir Path work) throws Exception {
        Random random = new Random(PROFILE.seed());
        GeneratedArticles articles = startScenario("kills", work, PROFILE.articles(), random);

        // Each service killed in turn, at a random article of its stretch of the stream.
        List<Service> order = new ArrayList<>();
        for (int k = 0; k < PROFILE.killsPerStage(); k++) {
            order.addAll(List.of(Service.INGEST, Service.ENRICH, Service.SINK));
        }
        TreeMap<Integer, Service> plan = new TreeMap<>();
        int stretch = articles.size() / (order.size() + 1);
        for (int k = 0; k < order.size(); k++) {
            plan.put(stretch * k + 1 + random.nextInt(stretch), order.get(k));
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
                services.start(service);
                recoveries.add(CompletableFuture.supplyAsync(() -> {
                    services.awaitReady(service, Duration.ofSeconds(180));
                    return service + " at work again " + millisSince(killedAt) + " ms after kill -9";
                }));
            }
        });
        long drained = awaitCaughtUp(articles);
        for (CompletableFuture<String> recovery : recoveries) {
            log.info("recovery: {}", recovery.get(1, TimeUnit.MINUTES));
        }
        finish(articles, "kills", began, drained);
    }

    /** Creates the scenario's topics, database and services, and starts them. */
    private GeneratedArticles startScenario(String name, Path work, int count, Random random) throws Exception {
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

    private Path work;

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

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
