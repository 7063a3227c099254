package io.newsflow.sink;

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
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Benchmark, not a test: event snapshots per second into a local PostgreSQL (default durability: fsync and
 * synchronous commit on) at batch size 500.
 *
 * <ol>
 *   <li>store: batches of 500 straight into {@link PostgresEventStore} (rows + offsets, one transaction each);</li>
 *   <li>end to end: the same snapshots produced to a real Kafka broker, read and written by {@link SinkService}.</li>
 * </ol>
 * Each snapshot has 4 articles, 2 countries and 1 official; 40% of them update an event written before.
 *
 * <p>Run: {@code mvn -o -q -pl sink test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}
 * then {@code java -cp sink/target/test-classes:sink/target/classes:$(cat sink/target/cp.txt)
 * io.newsflow.sink.SinkThroughputBenchmark [snapshots]}. Diagnostics: {@code -Dbench.storeOnly=true} skips the
 * Kafka part; {@code -Dbench.logMs=100 -Dbench.preload=auto_explain -Dbench.pgLog=/tmp/pg.log} logs the plans of
 * statements slower than 100 ms.
 */
public final class SinkThroughputBenchmark {

    private static final int BATCH = 500;
    private static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");

    private SinkThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<NewsEvent> snapshots = snapshots(count);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("newsflow-bench-pg"))
                .setCleanDataDirectory(true)
                .setServerConfig("log_min_duration_statement", System.getProperty("bench.logMs", "-1"))
                .setServerConfig("shared_preload_libraries", System.getProperty("bench.preload",
                        STATEMENTS ? "pg_stat_statements" : ""))
                .setServerConfig("auto_explain.log_min_duration", System.getProperty("bench.logMs", "-1"))
                .setServerConfig("auto_explain.log_analyze", "on")
                .setServerConfig("log_parameter_max_length", "0")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File(System.getProperty("bench.pgLog", "/dev/null"))))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File(System.getProperty("bench.pgLog", "/dev/null"))))
                .start()) {
            String storeDb = createDatabase(postgres, "bench_store");
            SinkMigrations.migrate(storeDb, "postgres", "");
            if (STATEMENTS) {
                sql(storeDb, "CREATE EXTENSION pg_stat_statements");
            }
            double storeRate = storeOnly(storeDb, snapshots);
            if (STATEMENTS) {
                printStatements(storeDb);
            }
            System.out.printf("store:      %,d snapshots in batches of %d -> %,.0f snapshots/s (load average %.1f on %d"
                    + " cores)%n", count, BATCH, storeRate, loadAverage(), Runtime.getRuntime().availableProcessors());

            if (Boolean.getBoolean("bench.storeOnly")) {
                return;
            }
            String sinkDb = createDatabase(postgres, "bench_sink");
            double sinkRate = endToEnd(sinkDb, snapshots);
            System.out.printf("end to end: %,d snapshots via Kafka and SinkService -> %,.0f snapshots/s%n", count,
                    sinkRate);
        } finally {
            System.exit(0);
        }
    }

    private static double storeOnly(String jdbcUrl, List<NewsEvent> snapshots) throws Exception {
        try (PostgresEventStore store = new PostgresEventStore(jdbcUrl, "postgres", "")) {
            store.ping();
            long backend = backendPid(jdbcUrl);
            long backendCpuBefore = cpuNanos(backend);
            long ownCpuBefore = ownCpuNanos();
            long offset = 0;
            long start = System.nanoTime();
            for (int from = 0; from < snapshots.size(); from += BATCH) {
                ChangeBatch batch = new ChangeBatch();
                for (NewsEvent event : snapshots.subList(from, Math.min(from + BATCH, snapshots.size()))) {
                    batch.addSnapshot(new RecordOrigin("bench", 0, offset++, null), event);
                }
                store.write(batch.changes(), batch.nextOffsets(), rejected -> {
                    if (!rejected.isEmpty()) {
                        throw new IllegalStateException("rejected: " + rejected);
                    }
                });
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // On a shared machine the wall clock mostly measures the neighbours; CPU time says what one
            // uncontended core would do (the sink and its database backend work one after the other).
            double backendCpu = (cpuNanos(backend) - backendCpuBefore) / 1e9;
            double ownCpu = (ownCpuNanos() - ownCpuBefore) / 1e9;
            System.out.printf("store CPU:  database backend %.1f s + sink JVM %.1f s (all threads) for %,d snapshots"
                    + " -> %,.0f snapshots per CPU-second%n", backendCpu, ownCpu, snapshots.size(),
                    snapshots.size() / (backendCpu + ownCpu));
            return snapshots.size() / seconds;
        }
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

    private static void sql(String jdbcUrl, String statement) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", ""); var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long backendPid(String jdbcUrl) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
             var s = c.createStatement();
             var rows = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = 'newsflow-sink'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** utime + stime of a process from /proc (Linux), at the usual 100 ticks per second. */
    private static long cpuNanos(long pid) throws Exception {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll("^.*\\) ", "").split(" ");
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return ticks * 10_000_000L;
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double endToEnd(String jdbcUrl, List<NewsEvent> snapshots) throws Exception {
        Topics topics = new Topics("bench-", null);
        TestKafka.createTopics(topics, 3);
        try (KafkaProducer<String, NewsEvent> producer = TestKafka.eventProducer(topics)) {
            for (NewsEvent event : snapshots) {
                producer.send(new ProducerRecord<>(topics.events().name(), event.getEventId(), event));
            }
            producer.flush();
        }
        SinkConfig config = new SinkConfig(null, jdbcUrl, "postgres", "", BATCH, Duration.ofMillis(100));
        SinkMigrations.migrate(jdbcUrl, "postgres", "");
        try (SinkService sink = new SinkService(config, TestKafka.clientProperties(), topics)) {
            long start = System.nanoTime();
            sink.start();
            while (sink.recordsDone() < snapshots.size()) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
            return snapshots.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static List<NewsEvent> snapshots(int count) {
        List<NewsEvent> snapshots = new ArrayList<>(count);
        int events = (int) (count * 0.6);
        for (int i = 0; i < count; i++) {
            int event = i < events ? i : (i * 7919) % events;
            long version = i < events ? 1 : 2 + i;
            snapshots.add(Snapshots.builder("bench-" + event, 4).setVersion(version).build());
        }
        return snapshots;
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
