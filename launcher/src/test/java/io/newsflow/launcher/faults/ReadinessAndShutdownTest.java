package io.newsflow.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.faults.ServiceProcesses.Service;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Honest health and a bounded stop, on real processes: a broker and PostgreSQL of their own, and
 * {@code newsflow ingest|enrich|sink} as child JVMs serving {@code /health/ready} on ports of their own.
 *
 * <p>Bounds stated (docs/operations.md, "Operations"): ready answers 503 within {@link #NOT_READY_WITHIN} of the broker or the
 * database going away (the Kafka check runs every 5 s with a 3 s timeout; the sink pings its database every 5 s);
 * 200 again within {@link #READY_AGAIN_WITHIN} of its return (the sink's retries back off up to 30 s); a SIGTERM
 * ends each service within NEWSFLOW_SHUTDOWN_TIMEOUT_MS (10 s by default) with exit code 0, broker and database down.
 */
class ReadinessAndShutdownTest {

    private static final Duration NOT_READY_WITHIN = Duration.ofSeconds(30);
    private static final Duration READY_AGAIN_WITHIN = Duration.ofSeconds(120);
    /** The default shutdown bound plus a margin for the JVM to start its hook under a loaded machine. */
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(10 + 5);
    private static final Path RUN = Path.of("target", "readiness").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static BrokerProcess broker;
    private static RestartablePostgres postgres;

    @BeforeAll
    static void startBrokerAndDatabase() throws Exception {
        Files.createDirectories(RUN);
        try (var old = Files.walk(RUN)) {
            old.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(RUN)).forEach(p -> p.toFile().delete());
        }
        broker = new BrokerProcess(RUN.resolve("kafka"), RUN.resolve("broker.log")).start();
        postgres = new RestartablePostgres(RUN.resolve("postgres")).start();
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

    @Test
    void readyFollowsTheBrokerAndTheDatabaseAndSigtermEndsEachServiceWithinTheBound() throws Exception {
        Path work = Files.createDirectories(RUN.resolve("services"));
        Files.createDirectories(ServiceProcesses.dropDir(work));
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        try (ServiceProcesses services = new ServiceProcesses("health", broker.bootstrapServers(),
                postgres.newDatabase("health"), work)) {
            for (Service service : Service.values()) {
                ports.put(service, freePort());
                services.set(service, Setting.NEWSFLOW_HTTP_PORT, Integer.toString(ports.get(service)));
            }
            services.startAll();
            awaitReady(ports, READY_AGAIN_WITHIN);

            int ingest = ports.get(Service.INGEST);
            assertThat(get(ingest, "/health/live").statusCode()).isEqualTo(200);
            for (String path : List.of("/health", "/healthz", "/ready", "/health/ready/x", "/")) {
                assertThat(get(ingest, path).statusCode()).as(path).isEqualTo(404);
            }
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri(ingest, "/health/ready"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);

            broker.kill();
            long brokerGone = System.nanoTime();
            for (Service service : Service.values()) {
                Waits.until(NOT_READY_WITHIN, service.command + " not ready without the broker",
                        () -> notReadyNaming(ports.get(service), "\"kafka\":{\"status\":\"DOWN\""));
                assertThat(get(ports.get(service), "/health/live").statusCode()).as(service.command + " live").isEqualTo(200);
            }
            report("all three not ready", brokerGone);
            broker.start();
            long brokerBack = System.nanoTime();
            awaitReady(ports, READY_AGAIN_WITHIN);
            report("all three ready again after the broker's return", brokerBack);

            postgres.stop();
            long databaseGone = System.nanoTime();
            Waits.until(NOT_READY_WITHIN, "sink not ready without its database",
                    () -> notReadyNaming(ports.get(Service.SINK), "\"sink.database\":{\"status\":\"DOWN\""));
            report("sink not ready", databaseGone);
            postgres.start();
            long databaseBack = System.nanoTime();
            awaitReady(Map.of(Service.SINK, ports.get(Service.SINK)), READY_AGAIN_WITHIN);
            report("sink ready again after the database's return", databaseBack);

            // A stop with nothing to talk to: the broker killed, the database stopped, and a dropped file claimed
            // by ingest that the broker will never acknowledge (the case that held ingest 30 s).
            postgres.stop();
            broker.kill();
            Path drop = ServiceProcesses.dropDir(work);
            Files.writeString(drop.resolve("stuck.txt.tmp"), "Stuck\n\nA report dropped while the broker is down.\n");
            Files.move(drop.resolve("stuck.txt.tmp"), drop.resolve("stuck.txt"));
            Waits.until(NOT_READY_WITHIN, "ingest claims the dropped file", () -> !Files.exists(drop.resolve("stuck.txt")));
            for (Service service : Service.values()) {
                long sigterm = System.nanoTime();
                OptionalInt exit = services.child(service).terminateWithin(EXIT_WITHIN);
                report(service.command + " exited after SIGTERM", sigterm);
                assertThat(exit).as(service.command + " exit after SIGTERM (log " + services.child(service).logFile() + ")")
                        .hasValue(0);
                assertThat(services.child(service).logOfThisRun()).contains("stopped cleanly");
            }
        } finally {
            broker.ensureRunning();
            postgres.start();
        }
    }

    /** The figures docs/operations.md quotes (printed, not asserted: timing belongs to no test). */
    private static void report(String what, long sinceNanos) {
        System.out.println("readiness: " + what + " in " + Duration.ofNanos(System.nanoTime() - sinceNanos).toMillis() + " ms");
    }

    private static void awaitReady(Map<Service, Integer> ports, Duration within) {
        ports.forEach((service, port) -> Waits.until(within, service.command + " ready on port " + port,
                () -> get(port, "/health/ready").statusCode() == 200));
    }

    /** 503 with a JSON body naming the failing check. */
    private static boolean notReadyNaming(int port, String failing) {
        HttpResponse<String> ready = get(port, "/health/ready");
        return ready.statusCode() == 503 && ready.body().contains(failing);
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
