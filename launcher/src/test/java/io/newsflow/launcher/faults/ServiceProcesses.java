package io.newsflow.launcher.faults;

import io.newsflow.launcher.Newsflow;
import io.newsflow.launcher.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three Newsflow services of one scenario, each a real child JVM running {@code newsflow ingest|enrich|sink}
 * as the Docker services do, configured by environment variables only.
 */
final class ServiceProcesses implements AutoCloseable {

    /** A service, the log line that says it is at work, and its heap. */
    enum Service {
        // Ingest and sink start faster with the quick compiler alone; enrich's tagging needs the optimising one.
        INGEST("ingest", "running [ingest]", List.of("-Xmx256m", "-XX:TieredStopAtLevel=1")),
        ENRICH("enrich", "-> RUNNING", List.of("-Xmx768m")),
        SINK("sink", "running [sink]", List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));

        final String command;
        final String readyLine;
        final List<String> jvmOptions;

        Service(String command, String readyLine, List<String> jvmOptions) {
            this.command = command;
            this.readyLine = readyLine;
            this.jvmOptions = jvmOptions;
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path logs;
    private final Map<String, String> env = new HashMap<>();
    private final Map<Service, ChildJvm> running = new EnumMap<>(Service.class);
    private final Map<Service, Map<String, String>> envOfService = new EnumMap<>(Service.class);

    /** Services of the scenario {@code name}: topics, application id and folders of their own under {@code work}. */
    ServiceProcesses(String name, String bootstrapServers, String jdbcUrl, Path work) {
        this.logs = work;
        env.put(Setting.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers);
        env.put(Setting.NEWSFLOW_TOPIC_PREFIX.name(), name + ".");
        env.put(Setting.NEWSFLOW_WORK_DIR.name(), work.toString());
        env.put(Setting.NEWSFLOW_HTTP_PORT.name(), "-1");
        env.put(Setting.NEWSFLOW_DROP_DIR.name(), dropDir(work).toString());
        env.put(Setting.NEWSFLOW_DROP_POLL_MS.name(), "100");
        env.put(Setting.NEWSFLOW_DROP_STABLE_MS.name(), "100");
        env.put(Setting.NEWSFLOW_ENRICH_APP_ID.name(), name + "-enrich");
        env.put(Setting.NEWSFLOW_STATE_DIR.name(), stateDir(work).toString());
        env.put(Setting.NEWSFLOW_ENRICH_CACHE_MB.name(), "16");
        env.put(Setting.NEWSFLOW_ENRICH_COMMIT_MS.name(), "500");
        env.put(Setting.NEWSFLOW_SINK_JSONL_DIR.name(), jsonlDir(work).toString());
        env.put(Setting.NEWSFLOW_SINK_JSONL_ROTATE_SECONDS.name(), "5");
        env.put(Setting.NEWSFLOW_SINK_JDBC_URL.name(), jdbcUrl);
        env.put(Setting.NEWSFLOW_SINK_JDBC_USER.name(), "postgres");
        env.put(Setting.NEWSFLOW_SINK_JDBC_PASSWORD.name(), "");
        env.put(Setting.NEWSFLOW_SINK_LINGER_MS.name(), "50");
    }

    static Path dropDir(Path work) {
        return work.resolve("drop");
    }

    static Path stateDir(Path work) {
        return work.resolve("streams");
    }

    static Path jsonlDir(Path work) {
        return work.resolve("events");
    }

    /** Starts every service and waits until each is at work. */
    ServiceProcesses startAll() {
        for (Service service : Service.values()) {
            start(service);
        }
        for (Service service : Service.values()) {
            awaitReady(service, READY_TIMEOUT);
        }
        return this;
    }

    /** Sets a variable for one service only (e.g. its own health port), over the scenario's. */
    ServiceProcesses set(Service service, Setting setting, String value) {
        envOfService.computeIfAbsent(service, s -> new HashMap<>()).put(setting.name(), value);
        return this;
    }

    ChildJvm start(Service service) {
        Map<String, String> serviceEnv = new HashMap<>(env);
        serviceEnv.putAll(envOfService.getOrDefault(service, Map.of()));
        ChildJvm child = ChildJvm.start(service.command, logs.resolve(service.command + ".log"),
                service.jvmOptions, Newsflow.class.getName(), List.of(service.command), serviceEnv);
        running.put(service, child);
        return child;
    }

    /** Waits until the current run of {@code service} logged that it is at work; returns how long that took. */
    Duration awaitReady(Service service, Duration timeout) {
        return awaitReady(service, running.get(service), timeout)
                .orElseThrow(() -> new AssertionError(service.command + " was stopped before it was at work"));
    }

    /**
     * Waits until {@code child} logged that it is at work and returns how long that took; empty if the test killed
     * it again first (a crash loop, which the full profile's kills can make).
     */
    Optional<Duration> awaitReady(Service service, ChildJvm child, Duration timeout) {
        long began = System.nanoTime();
        Waits.until(timeout, service.command + " is at work (log " + child.logFile() + ")", () -> {
            if (!child.isAlive() && !child.stoppedByTest()) {
                throw new AssertionError(service.command + " exited; see " + child.logFile());
            }
            return !child.isAlive() || child.logOfThisRun().contains(service.readyLine);
        });
        return child.logOfThisRun().contains(service.readyLine)
                ? Optional.of(Duration.ofNanos(System.nanoTime() - began)) : Optional.empty();
    }

    /** SIGKILL; the service must have been running, or the fault would test nothing. */
    void kill(Service service) {
        ChildJvm child = running.get(service);
        if (!child.isAlive()) {
            throw new AssertionError(service.command + " had exited before it was to be killed; see " + child.logFile());
        }
        child.kill();
    }

    void terminate(Service service) {
        running.get(service).terminate();
    }

    ChildJvm child(Service service) {
        return running.get(service);
    }

    /** Every line of every run of {@code service}. */
    String log(Service service) {
        return running.get(service).log();
    }

    /** Stops the sink first (a clean stop publishes its JSON Lines file), then the others. */
    @Override
    public void close() {
        for (Service service : List.of(Service.SINK, Service.INGEST, Service.ENRICH)) {
            ChildJvm child = running.get(service);
            if (child != null && child.isAlive()) {
                child.terminate();
            }
        }
    }
}
