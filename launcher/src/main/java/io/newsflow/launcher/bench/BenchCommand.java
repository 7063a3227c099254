package io.newsflow.launcher.bench;

import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.apache.commons.io.FileUtils;

@Command(name = "bench", description = "Measure the whole pipeline on an embedded broker against a pass-through "
        + "Kafka Streams ceiling, on a generated stream (or --corpus DIR): ingest, enrich, sink, end-to-end latency, "
        + "memory. Table on stdout, progress on stderr; last line `bench articles=<n> passthrough_per_s=<x> ...`.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "5000", description = "Measured articles (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--warmup", defaultValue = "500", description = "Warm-up articles before each measured phase (default ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--open-events", defaultValue = "20000", description = "Events open before measuring, preloaded over simulated days (default ${DEFAULT-VALUE}).")
    int openEvents;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated stream (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate", defaultValue = "200", description = "Offered load of the end-to-end phase, articles/s (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--e2e-seconds", defaultValue = "20", description = "Length of the measured end-to-end phase (default ${DEFAULT-VALUE}).")
    int e2eSeconds;

    @Option(names = "--e2e-warmup-seconds", defaultValue = "10", description = "Seconds of the live stream, at the same rate, "
            + "before the end-to-end measure starts: the newly started services warm up; their latency is reported apart "
            + "(default ${DEFAULT-VALUE}).")
    int e2eWarmUpSeconds;

    @Option(names = "--corpus", description = "Drop the files of this folder instead of generated articles (a tenth warms up, six tenths are measured, the rest go end to end).")
    Path corpus;

    @Option(names = "--instances", defaultValue = "1", description = "Enrich instances (Kafka Streams instances with state directories of their own; default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--partitions", description = "Partitions of the topics (default NEWSFLOW_TOPIC_PARTITIONS).")
    Integer partitions;

    @Option(names = "--out", description = "Also write the figures to this JSON file.")
    Path out;

    @Option(names = "--work-dir", description = "Folder of the run's broker, state, drop folder and database, emptied "
            + "first (default <NEWSFLOW_WORK_DIR>/bench).")
    Path workDir;

    @Option(names = "--write-corpus", description = "Only write the generated live stream (warm-up and measured articles) "
            + "to this folder with labels.json (one event per story), for `eval` or `bench --corpus`, and exit.")
    Path writeCorpus;

    @Override
    public Integer call() throws Exception {
        Settings base = Settings.fromEnvironment();
        if (writeCorpus != null) {
            java.time.Duration idle = java.time.Duration.ofHours(base.getLong(Setting.NEWSFLOW_EVENT_IDLE_HOURS));
            CorpusWriter.write(new StoryStream(Gazetteer.standard(), seed).generate(openEvents, warmUp + articles, idle).live(),
                    writeCorpus);
            System.out.println("wrote " + (warmUp + articles) + " articles to " + writeCorpus);
            return 0;
        }
        Path work = workDir != null ? workDir : base.workDir().resolve("bench");
        FileUtils.deleteDirectory(work.toFile());
        Files.createDirectories(work);
        Settings settings = base
                .with(Setting.KAFKA_BOOTSTRAP_SERVERS, "")
                .with(Setting.NEWSFLOW_WORK_DIR, work.toString())
                .with(Setting.NEWSFLOW_DROP_DIR, work.resolve("drop").toString())
                .with(Setting.NEWSFLOW_STATE_DIR, work.resolve("streams").toString())
                .with(Setting.NEWSFLOW_HTTP_PORT, "-1");
        BenchRun.Options options = new BenchRun.Options(articles, warmUp, openEvents, seed, rate, e2eSeconds,
                e2eWarmUpSeconds, corpus,
                instances, partitions != null ? partitions : settings.getInt(Setting.NEWSFLOW_TOPIC_PARTITIONS));
        PrintStream stdout = System.out;
        BenchFigures figures;
        if (settings.isSet(Setting.NEWSFLOW_SINK_JDBC_URL)) {
            figures = new BenchRun(options, settings, System.err).run(settings.get(Setting.NEWSFLOW_SINK_JDBC_URL),
                    settings.get(Setting.NEWSFLOW_SINK_JDBC_USER), settings.get(Setting.NEWSFLOW_SINK_JDBC_PASSWORD));
        } else {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(work.resolve("postgres")).setCleanDataDirectory(true).start()) {
                figures = new BenchRun(options, settings, System.err).run(postgres.getJdbcUrl("postgres", "postgres"),
                        "postgres", "postgres");
            }
        }
        figures.printTable(stdout);
        if (out != null) {
            figures.writeJson(out);
        }
        stdout.println(figures.lastLine());
        return figures.placed == figures.distinctArticles && figures.e2eMissing == 0 ? 0 : 1;
    }
}
