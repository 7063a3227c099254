package io.newsflow.broker;

import io.newsflow.topics.TopicReadiness;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * The embedded default broker: one real KRaft node (broker and controller in one) running in this JVM,
 * listening on 127.0.0.1 only, with its data in one directory.
 *
 * <p>Built on Kafka's server classes ({@code kafka_2.13} 4.2.2), which are internal API: the version is
 * pinned in the root pom and {@code EmbeddedKafkaTest} keeps them honest.
 *
 * <p>The first start formats the directory as {@code kafka-storage format --standalone} does; later starts
 * reuse it, so topics and records survive a restart. Ports are chosen afresh on every start: the
 * controller's address written at format time goes stale, and Kafka (as the only voter and leader)
 * replaces it with the new one on start, which the restart test exercises.
 *
 * <p>Kafka's fatal error handlers would end the JVM; here they log and throw instead (see
 * {@link #installExitGuard()}), for the whole JVM, from the first start on.
 *
 * <p>The defaults suit the product (one small broker beside the pipeline); tests that need more, e.g. topics
 * created on first use with several partitions, add broker settings through {@link #builder(Path)}.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String LOOPBACK = "127.0.0.1";
    /** Kafka's own per-directory lock file: held by the running broker. */
    private static final String LOCK_FILE = ".lock";
    private static final String META_PROPERTIES = "meta.properties";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static final AtomicBoolean exitGuardInstalled = new AtomicBoolean();

    private final Path dataDir;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Admin admin;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String extraListenerAddress;

    private EmbeddedKafka(Path dataDir, KafkaRaftServer server, String bootstrapServers, Admin admin,
                          String extraListenerAddress) {
        this.dataDir = dataDir;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.extraListenerAddress = extraListenerAddress;
    }

    /**
     * A second client listener beside the plain one, e.g. SASL_SSL to try secured clients against (the
     * broker's own traffic stays on the plain listener).
     *
     * @param name     the listener's name, e.g. {@code SECURE}
     * @param protocol its security protocol, e.g. {@code SASL_SSL}
     * @param settings broker settings it needs, with their full names, e.g.
     *                 {@code listener.name.secure.plain.sasl.jaas.config}
     */
    public record ExtraListener(String name, String protocol, Map<String, String> settings) {
    }

    /**
     * Starts the broker on {@code dataDir}, formatting it first if it has never held a broker.
     * Returns once the broker accepts clients.
     *
     * @throws IllegalStateException if another broker (in this or another process) is using the directory
     */
    public static EmbeddedKafka start(Path dataDir) {
        return builder(dataDir).start();
    }

    /**
     * Starts the broker's client listener on {@code brokerPort} of 127.0.0.1 (0: a free port), so that clients
     * and tools find it at the same address after every restart.
     *
     * @throws PortTakenException when that port is taken
     */
    public static EmbeddedKafka start(Path dataDir, int brokerPort) {
        return builder(dataDir).port(brokerPort).start();
    }

    /** Starts with a second client listener; {@link #extraListenerAddress()} is where it listens. */
    public static EmbeddedKafka start(Path dataDir, ExtraListener extra) {
        return builder(dataDir).extraListener(extra).start();
    }

    /** A broker on {@code dataDir} with more than the defaults: fixed ports, a second listener, broker settings. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** What to start; {@link #start()} starts it. */
    public static final class Builder {
        /** The broker's wiring: set here only, whatever the settings say. */
        private static final Set<String> OWN_SETTINGS = Set.of("process.roles", "node.id", "listeners",
                "advertised.listeners", "listener.security.protocol.map", "inter.broker.listener.name",
                "controller.listener.names", "controller.quorum.bootstrap.servers", "controller.quorum.voters",
                "log.dirs", "log.dir");

        private final Path dataDir;
        private int port;
        private IntSupplier ports;
        private ExtraListener extra;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /**
         * The client listener's port on 127.0.0.1, the same after every restart; 0 (the default) picks a free
         * one. A taken port fails the start with {@link PortTakenException}.
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Where the ports come from instead of free ones, asked in this order: the client listener's, the
         * controller's, the extra listener's; a port taken meanwhile costs one more try with the next ones.
         * For a broker that comes back on the same addresses, controller included.
         */
        public Builder ports(IntSupplier ports) {
            this.ports = Objects.requireNonNull(ports, "ports");
            return this;
        }

        /** A second client listener beside the plain one. */
        public Builder extraListener(ExtraListener extra) {
            this.extra = Objects.requireNonNull(extra, "extra");
            return this;
        }

        /**
         * A broker setting beyond the defaults (or instead of one), e.g. {@code num.partitions} for topics
         * created on first use. The listeners, node and directories are the broker's own and refused.
         */
        public Builder brokerSetting(String name, String value) {
            if (OWN_SETTINGS.contains(name)) {
                throw new IllegalArgumentException(name + " is set by the embedded broker itself");
            }
            settings.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        /**
         * Starts the broker, formatting {@code dataDir} first if it has never held a broker. Returns once the
         * broker accepts clients.
         *
         * @throws IllegalStateException if another broker (in this or another process) is using the directory
         * @throws PortTakenException    when the fixed {@link #port(int)} is taken
         */
        public EmbeddedKafka start() {
            if (port != 0 && ports != null) {
                throw new IllegalStateException("a fixed port and a source of ports exclude each other");
            }
            return port != 0 ? startOnFixedPort(this) : startRetrying(this);
        }
    }

    /** Thrown when the fixed client port the broker was asked for is taken. */
    public static final class PortTakenException extends IllegalStateException {
        private final int port;

        PortTakenException(int port, Throwable cause) {
            super("port " + port + " on " + LOOPBACK + " is taken", cause);
            this.port = port;
        }

        /** The port asked for. */
        public int port() {
            return port;
        }
    }

    private static EmbeddedKafka startOnFixedPort(Builder wanted) {
        int controllerPort = freeLoopbackPort();
        while (controllerPort == wanted.port) {
            controllerPort = freeLoopbackPort();
        }
        int extraPort = wanted.extra == null ? -1 : freeLoopbackPort();
        try {
            return start(wanted, wanted.port, controllerPort, extraPort);
        } catch (RuntimeException e) {
            if (causedByTakenPort(e)) {
                throw new PortTakenException(wanted.port, e);
            }
            throw e;
        }
    }

    /** Starts on ports from the builder's source, or free ones; a port taken between choosing and binding it costs one more try. */
    private static EmbeddedKafka startRetrying(Builder wanted) {
        IntSupplier ports = wanted.ports == null ? EmbeddedKafka::freeLoopbackPort : wanted.ports;
        for (int attempt = 1; ; attempt++) {
            try {
                int brokerPort = ports.getAsInt();
                int controllerPort = ports.getAsInt();
                while (controllerPort == brokerPort) { // the OS may hand a just-released port out again
                    controllerPort = ports.getAsInt();
                }
                int extraPort = wanted.extra == null ? -1 : ports.getAsInt();
                return start(wanted, brokerPort, controllerPort, extraPort);
            } catch (RuntimeException e) {
                if (attempt >= START_ATTEMPTS || !causedByTakenPort(e)) {
                    throw e;
                }
                log.warn("A port chosen for the embedded Kafka broker was taken meanwhile; trying other ports");
            }
        }
    }

    private static EmbeddedKafka start(Builder wanted, int brokerPort, int controllerPort, int extraPort) {
        long began = System.nanoTime();
        Path dir = wanted.dataDir.toAbsolutePath().normalize();
        ExtraListener extra = wanted.extra;
        installExitGuard();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory " + dir, e);
        }
        ensureNotInUse(dir);

        Map<String, Object> properties = brokerProperties(dir, brokerPort, controllerPort);
        String extraAddress = null;
        if (extra != null) {
            extraAddress = LOOPBACK + ":" + extraPort;
            String listener = extra.name() + "://" + extraAddress;
            properties.put("listeners", properties.get("listeners") + "," + listener);
            properties.put("advertised.listeners", properties.get("advertised.listeners") + "," + listener);
            properties.put("listener.security.protocol.map", properties.get("listener.security.protocol.map")
                    + "," + extra.name() + ":" + extra.protocol());
            properties.putAll(extra.settings());
        }
        properties.putAll(wanted.settings);
        KafkaConfig config = new KafkaConfig(properties, false);
        boolean formatted = formatIfNew(dir, config);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrap = LOOPBACK + ":" + brokerPort;
        Admin admin = null;
        try {
            server.startup();
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-embedded-kafka-admin"));
            awaitBrokerReady(admin);
        } catch (RuntimeException e) {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
            shutdown(server);
            throw new IllegalStateException("The embedded Kafka broker failed to start on " + dir + ": "
                    + e.getMessage(), e);
        }
        log.info("Embedded Kafka broker on {} started in {} ms ({} data directory {})", bootstrap,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), formatted ? "new" : "existing", dir);
        return new EmbeddedKafka(dir, server, bootstrap, admin, extraAddress);
    }

    /** Where clients connect, e.g. {@code 127.0.0.1:40123}; changes on every start. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where the extra listener listens, e.g. {@code 127.0.0.1:40124}; null without one. */
    public String extraListenerAddress() {
        return extraListenerAddress;
    }

    /** The directory holding this broker's logs and metadata. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates the topics that do not exist yet (existing ones are left as they are, even if their settings
     * differ) and waits until every partition of every given topic has a leader.
     */
    public void createTopics(List<NewTopic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try {
            Set<String> existing = admin.listTopics().names().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
                for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                    try {
                        result.getValue().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                        log.info("Created topic {}", result.getKey());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new IllegalStateException("Cannot create topic " + result.getKey()
                                    + ": " + e.getCause().getMessage(), e.getCause());
                        }
                    }
                }
            }
            TopicReadiness.await(admin, topics.stream().map(NewTopic::name).collect(Collectors.toSet()), READY_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topics on the embedded broker: " + e.getMessage(), e);
        }
    }

    /** Shuts the broker down gracefully and waits until it has stopped; safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long began = System.nanoTime();
        admin.close(Duration.ofSeconds(5));
        shutdown(server);
        log.info("Embedded Kafka broker {} stopped in {} ms", bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    private static Map<String, Object> brokerProperties(Path dir, int brokerPort, int controllerPort) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort);
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("controller.quorum.bootstrap.servers", LOOPBACK + ":" + controllerPort);
        props.put("log.dirs", dir.toString());

        // One broker: internal topics must not ask for more replicas than exist, or groups and
        // transactions (exactly-once Streams) stall forever waiting for them.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // Fewer internal partitions: less to create, load and flush on a laptop-sized pipeline.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        // Nobody else will join: do not hold the first rebalance back.
        props.put("group.initial.rebalance.delay.ms", "0");

        // Keep the footprint small: the cleaner's dedupe map is heap (default 128 MiB); Kafka requires
        // more than 1 MiB per cleaner thread. A full map only makes a cleaning pass partial.
        props.put("log.cleaner.dedupe.buffer.size", Long.toString(4L * 1024 * 1024));
        props.put("log.cleaner.threads", "1");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.put("group.coordinator.threads", "1");
        props.put("num.recovery.threads.per.data.dir", "1");
        return props;
    }

    /** Formats a never-used directory like {@code kafka-storage format --standalone}; returns whether it did. */
    private static boolean formatIfNew(Path dir, KafkaConfig config) {
        if (Files.exists(dir.resolve(META_PROPERTIES))) {
            return false;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    // Bootstrapping the latest production version explicitly: without it, with unstable
                    // feature versions off, the controller can wait forever for a version it may not use.
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setUnstableFeatureVersionsEnabled(false)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setHasDynamicQuorum(true)
                    .setInitialControllers(StorageTool.createStandaloneDynamicVoters(config))
                    .addDirectory(dir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka data directory " + dir + ": " + e.getMessage(), e);
        }
        log.debug("Formatted {}: {}", dir, output.toString(StandardCharsets.UTF_8).strip());
        return true;
    }

    /**
     * Kafka locks its directory only once the server starts, and then fails with a message about log
     * directories. Checking first gives the user a plain answer before anything is written.
     */
    private static void ensureNotInUse(Path dir) {
        Path lockFile = dir.resolve(LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw new IllegalStateException("The Kafka data directory " + dir
                        + " is already used by another embedded broker in this process", e);
            }
            if (lock == null) {
                throw new IllegalStateException("The Kafka data directory " + dir
                        + " is in use by another process (a running newsflow or Kafka broker?)."
                        + " Stop it, or choose another data directory.");
            }
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the lock of the Kafka data directory " + dir, e);
        }
    }

    private static void awaitBrokerReady(Admin admin) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The embedded Kafka broker did not become ready within "
                            + READY_TIMEOUT.toSeconds() + " s", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the embedded Kafka broker", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The embedded Kafka broker did not register within "
                        + READY_TIMEOUT.toSeconds() + " s");
            }
            pause();
        }
    }

    /** A short back-off between two polls of the broker's state. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded Kafka broker", e);
        }
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static boolean causedByTakenPort(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + LOOPBACK, e);
        }
    }

    /**
     * Kafka's server ends the JVM on fatal errors (Exit.exit / Exit.halt). In process, that would take the
     * whole pipeline down without a word; instead we log the reason and stop the calling Kafka thread.
     */
    private static void installExitGuard() {
        if (!exitGuardInstalled.compareAndSet(false, true)) {
            return;
        }
        Exit.setExitProcedure((status, message) -> {
            throw refuseToEndJvm("exit", status, message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw refuseToEndJvm("halt", status, message);
        });
    }

    private static EmbeddedKafkaFatalError refuseToEndJvm(String kind, int status, String message) {
        EmbeddedKafkaFatalError error = new EmbeddedKafkaFatalError(kind, status,
                message == null ? "no reason given (see the Kafka errors above)" : message);
        log.error("{}; the JVM keeps running, but the embedded broker is probably unusable", error.getMessage());
        return error;
    }

    /** Thrown in the Kafka thread that tried to end the JVM. */
    static final class EmbeddedKafkaFatalError extends RuntimeException {
        EmbeddedKafkaFatalError(String kind, int status, String message) {
            super("Kafka broker requested JVM " + kind + " with status " + status + ": " + message);
        }
    }
}
