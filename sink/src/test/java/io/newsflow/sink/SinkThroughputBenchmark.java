package io.newsflow.sink;

import io.newsflow.schemas.CountryTag;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.sink.changes.ChangeBatch;
import io.newsflow.sink.changes.RecordOrigin;
import io.newsflow.sink.postgres.PostgresEventStore;
import io.newsflow.topics.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, not a test: event snapshots per second into a local PostgreSQL (fsync and synchronous commit on, set
 * explicitly: the embedded server's builder defaults to synchronous_commit=off) at batch size 500.
 *
 * <ol>
 *   <li>store: batches of 500 straight into {@link PostgresEventStore} (rows + offsets, one transaction each),
 *   with one writer, then with {@code -Dbench.writers} writers at once (default {@link SinkConfig#DEFAULT_WRITERS}),
 *   each taking the events of its share of 3 partitions as {@link SinkService} splits them;</li>
 *   <li>end to end: the same snapshots produced to a real Kafka broker (3 partitions), read and written by
 *   {@link SinkService} with that many writers.</li>
 * </ol>
 * 60% of the snapshots are new events (4 articles, 2 countries, 1 official); the other 40% update one of those,
 * adding an article (see {@link #snapshots}).
 *
 * <p>Run: {@code mvn -o -q -pl sink test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}
 * then {@code java -cp sink/target/test-classes:sink/target/classes:$(cat sink/target/cp.txt)
 * io.newsflow.sink.SinkThroughputBenchmark [snapshots]}. Diagnostics: {@code -Dbench.storeOnly=true} skips the
 * Kafka part; {@code -Dbench.warmup=N} how many snapshots warm the JVM up first (default 20,000, into another
 * database); {@code -Dbench.logMs=100 -Dbench.preload=auto_explain -Dbench.pgLog=/tmp/pg.log} logs the plans of
 * statements slower than 100 ms; {@code -Dbench.statements=true} prints the database time per statement;
 * {@code -Dbench.pg.NAME=VALUE} sets a server setting, {@code -Dbench.kafka.NAME=VALUE} a setting of the sink's Kafka
 * clients.
 */
public final class SinkThroughputBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SinkThroughputBenchmark.class);
    private static final int BATCH = 500;
    private static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");
    private static final int PARTITIONS = 3;
    private static final int WRITERS = Integer.getInteger("bench.writers", SinkConfig.DEFAULT_WRITERS);

    private SinkThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<NewsEvent> snapshots = snapshots(count);
        int exitStatus = 1;
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.pg."))
                .forEach(name -> server.setServerConfig(name.substring(9), System.getProperty(name)));
        try (EmbeddedPostgres postgres = server
                .setDataDirectory(Files.createTempDirectory("newsflow-bench-pg"))
                .setCleanDataDirectory(true)
                // The embedded server's builder turns synchronous_commit off by default: turn it back on, a
                // commit must be on disk before the sink moves on (what the figures claim and production uses).
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("log_min_duration_statement", System.getProperty("bench.logMs", "-1"))
                .setServerConfig("shared_preload_libraries", System.getProperty("bench.preload",
                        STATEMENTS ? "pg_stat_statements" : ""))
                .setServerConfig("auto_explain.log_min_duration", System.getProperty("bench.logMs", "-1"))
                .setServerConfig("auto_explain.log_analyze", "on")
                .setServerConfig("log_parameter_max_length", "0")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File(System.getProperty("bench.pgLog", "/dev/null"))))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File(System.getProperty("bench.pgLog", "/dev/null"))))
                .start()) {
            int warmup = Integer.getInteger("bench.warmup", 20_000);
            if (warmup > 0) {
                // The sink runs for days: measure it with its code compiled, not the JIT compiler's first minute.
                String warmupDb = createDatabase(postgres, "bench_warmup");
                SinkMigrations.migrate(warmupDb, "postgres", "");
                storeOnly(warmupDb, snapshots(warmup), 1, false);
                System.out.printf("warm-up:    %,d snapshots into another database, not timed%n", warmup);
            }
            String storeDb = createDatabase(postgres, "bench_store");
            System.out.println("server:     " + settings(storeDb));
            SinkMigrations.migrate(storeDb, "postgres", "");
            if (STATEMENTS) {
                sql(storeDb, "CREATE EXTENSION pg_stat_statements");
            }
            double storeRate = storeOnly(storeDb, snapshots, 1, true);
            if (STATEMENTS) {
                printStatements(storeDb);
            }
            System.out.printf("store:      %,d snapshots in batches of %d, 1 writer -> %,.0f snapshots/s (load average"
                    + " %.1f on %d cores)%n", count, BATCH, storeRate, loadAverage(),
                    Runtime.getRuntime().availableProcessors());
            if (WRITERS > 1) {
                String parallelDb = createDatabase(postgres, "bench_store_parallel");
                SinkMigrations.migrate(parallelDb, "postgres", "");
                double parallelRate = storeOnly(parallelDb, snapshots, WRITERS, true);
                System.out.printf("store:      %,d snapshots in batches of %d, %d writers -> %,.0f snapshots/s (load"
                        + " average %.1f)%n", count, BATCH, WRITERS, parallelRate, loadAverage());
            }

            if (Boolean.getBoolean("bench.storeOnly")) {
                exitStatus = 0;
                return;
            }
            String sinkDb = createDatabase(postgres, "bench_sink");
            double sinkRate = endToEnd(sinkDb, snapshots);
            System.out.printf("end to end: %,d snapshots via Kafka and SinkService, %d writers -> %,.0f snapshots/s%n",
                    count, WRITERS, sinkRate);
            exitStatus = 0;
        } catch (Throwable e) {
            LOG.error("Sink benchmark failed ({} snapshots in batches of {}): {}", count, BATCH, e.toString(), e);
        } finally {
            // Exits even while Kafka or PostgreSQL threads linger; a failure exits 1.
            System.exit(exitStatus);
        }
    }

    private static double storeOnly(String jdbcUrl, List<NewsEvent> snapshots, int writers, boolean report)
            throws Exception {
        List<List<NewsEvent>> shares = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            shares.add(new ArrayList<>());
        }
        for (NewsEvent event : snapshots) {
            shares.get(partitionOf(event) % writers).add(event);
        }
        List<PostgresEventStore> stores = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            for (int i = 0; i < writers; i++) {
                PostgresEventStore store = new PostgresEventStore(jdbcUrl, "postgres", "");
                stores.add(store);
                store.ping();
            }
            List<Long> backends = backendPids(jdbcUrl);
            long backendCpuBefore = cpuNanos(backends);
            long ownCpuBefore = ownCpuNanos();
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                PostgresEventStore store = stores.get(i);
                List<NewsEvent> share = shares.get(i);
                done.add(threads.submit(() -> {
                    write(store, share);
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // On a shared machine the wall clock mostly measures the neighbours; CPU time says what the work costs.
            double backendCpu = (cpuNanos(backends) - backendCpuBefore) / 1e9;
            double ownCpu = (ownCpuNanos() - ownCpuBefore) / 1e9;
            if (report) {
                System.out.printf("store CPU:  %d writer(s): database backends %.1f s + sink JVM %.1f s (all threads) for"
                        + " %,d snapshots -> %,.0f snapshots per CPU-second, database %.0f µs per snapshot%n", writers,
                        backendCpu, ownCpu, snapshots.size(), snapshots.size() / (backendCpu + ownCpu),
                        backendCpu * 1e6 / snapshots.size());
            }
            return snapshots.size() / seconds;
        } finally {
            threads.shutdownNow();
            stores.forEach(PostgresEventStore::close);
        }
    }

    /** One writer's share in batches of BATCH, each moving its own offsets. */
    private static void write(PostgresEventStore store, List<NewsEvent> share) throws Exception {
        long[] nextOffset = new long[PARTITIONS];
        for (int from = 0; from < share.size(); from += BATCH) {
            ChangeBatch batch = new ChangeBatch();
            for (NewsEvent event : share.subList(from, Math.min(from + BATCH, share.size()))) {
                int partition = partitionOf(event);
                batch.addSnapshot(new RecordOrigin("bench", partition, nextOffset[partition]++, null), event);
            }
            store.write(batch.changes(), batch.memberChanges(), batch.nextOffsets(), rejected -> {
                if (!rejected.isEmpty()) {
                    throw new IllegalStateException("rejected: " + rejected);
                }
            });
        }
    }

    /** Stands in for Kafka's partitioner: all snapshots of an event share a partition. */
    private static int partitionOf(NewsEvent event) {
        return Math.floorMod(event.getEventId().hashCode(), PARTITIONS);
    }

    /** Database time per statement of the store run (-Dbench.statements=true), the costliest first. */
    private static void printStatements(String jdbcUrl) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
             var s = c.createStatement();
             var rows = s.executeQuery("SELECT total_exec_time, calls, rows, regexp_replace(left(query, 70), '\\s+',"
                     + " ' ', 'g') FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12")) {
            while (rows.next()) {
                System.out.printf("  %8.0f ms %6d calls %8d rows  %s%n", rows.getDouble(1), rows.getLong(2),
                        rows.getLong(3), rows.getString(4));
            }
        }
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
             var s = c.createStatement();
             var rows = s.executeQuery("SELECT avg(octet_length(snapshot::text)), avg(pg_column_size(snapshot)),"
                     + " avg(pg_column_size(e.*)) FROM events e")) {
            rows.next();
            System.out.printf("  snapshot JSON %.0f bytes as text, %.0f stored; row %.0f bytes%n", rows.getDouble(1),
                    rows.getDouble(2), rows.getDouble(3));
        }
    }

    private static String settings(String jdbcUrl) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
             var s = c.createStatement();
             var rows = s.executeQuery("SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ' ' ORDER BY"
                     + " name) FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit',"
                     + " 'shared_buffers', 'wal_level', 'full_page_writes', 'max_wal_size')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void sql(String jdbcUrl, String statement) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", ""); var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static List<Long> backendPids(String jdbcUrl) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
             var s = c.createStatement();
             var rows = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = 'newsflow-sink'"
                     + " AND datname = current_database()")) {
            List<Long> pids = new ArrayList<>();
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
            return pids;
        }
    }

    private static long cpuNanos(List<Long> pids) throws Exception {
        long sum = 0;
        for (long pid : pids) {
            sum += cpuNanos(pid);
        }
        return sum;
    }

    /** utime + stime of a process from /proc (Linux), at the usual 100 ticks per second. */
    private static long cpuNanos(long pid) throws Exception {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll("^.*\\) ", "").split(" ");
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return ticks * 10_000_000L;
    }

    /** CPU time of the sink's own threads (its consumer loop and database writers) since they started. */
    private static long sinkThreadsCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("newsflow-sink")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double endToEnd(String jdbcUrl, List<NewsEvent> snapshots) throws Exception {
        Topics topics = new Topics("bench-", null);
        TestKafka.createTopics(topics, PARTITIONS);
        try (KafkaProducer<String, NewsEvent> producer = TestKafka.eventProducer(topics)) {
            for (NewsEvent event : snapshots) {
                producer.send(new ProducerRecord<>(topics.events().name(), event.getEventId(), event));
            }
            producer.flush();
        }
        SinkConfig config = new SinkConfig(null, jdbcUrl, "postgres", "", BATCH, Duration.ofMillis(100))
                .withWriters(WRITERS);
        SinkMigrations.migrate(jdbcUrl, "postgres", "");
        Map<String, Object> clientProperties = new HashMap<>(TestKafka.clientProperties());
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.kafka."))
                .forEach(name -> clientProperties.put(name.substring(12), System.getProperty(name)));
        try (SinkService sink = new SinkService(config, clientProperties, topics)) {
            long ownCpuBefore = ownCpuNanos();
            long start = System.nanoTime();
            sink.start();
            while (sink.recordsDone() < snapshots.size()) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // The sink's connections were opened by this run, so their backends' whole CPU time is this run's.
            double backendCpu = cpuNanos(backendPids(jdbcUrl)) / 1e9;
            double ownCpu = (ownCpuNanos() - ownCpuBefore) / 1e9;
            double sinkCpu = sinkThreadsCpuNanos() / 1e9;
            System.out.printf("end CPU:    database backends %.1f s + JVM %.1f s (of which the sink's threads %.1f s, the"
                    + " rest the in-process broker, GC and JIT) for %,d snapshots in %.1f s -> %.0f µs per snapshot,"
                    + " %.0f µs without the broker's share%n", backendCpu, ownCpu, sinkCpu, snapshots.size(), seconds,
                    (backendCpu + ownCpu) * 1e6 / snapshots.size(), (backendCpu + sinkCpu) * 1e6 / snapshots.size());
            return snapshots.size() / seconds;
        }
    }

    /**
     * New events have 4 articles; an update (each event gets at most one, and never two in one batch) is the next
     * version as the grouping stage makes it: the same articles plus one, South Korea mentioned once more, new
     * title, summary and times.
     */
    private static List<NewsEvent> snapshots(int count) {
        List<NewsEvent> snapshots = new ArrayList<>(count);
        int events = firstUpdate(count);
        for (int i = 0; i < count; i++) {
            if (i < events) {
                snapshots.add(Snapshots.builder("bench-" + i, 4).setVersion(1).build());
                continue;
            }
            NewsEvent.Builder update = Snapshots.builder("bench-" + (i * 7919) % events, 5).setVersion(2 + i);
            List<CountryTag> countries = new ArrayList<>(update.getCountries());
            countries.set(0, CountryTag.newBuilder(countries.get(0)).setMentions(countries.get(0).getMentions() + 1)
                    .build());
            snapshots.add(update.setCountries(countries).build());
        }
        return snapshots;
    }

    /** The first snapshots are all of new events, the rest update those. */
    private static int firstUpdate(int count) {
        return (int) (count * 0.6);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String createDatabase(EmbeddedPostgres postgres, String name) throws Exception {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

}
