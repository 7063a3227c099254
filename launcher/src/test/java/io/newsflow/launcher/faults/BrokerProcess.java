package io.newsflow.launcher.faults;

import io.newsflow.launcher.broker.BrokerProcessMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A single-node KRaft broker in a child JVM, on a fixed address and data directory across restarts. */
final class BrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final Path logFile;
    private final int brokerPort = freePort();
    private final int controllerPort = freePort();
    private ChildJvm child;

    BrokerProcess(Path dataDir, Path logFile) {
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Starts the broker and returns once it accepts clients. */
    BrokerProcess start() {
        child = ChildJvm.start("broker", logFile, List.of("-Xmx512m"), BrokerProcessMain.class.getName(),
                List.of(dataDir.toString(), Integer.toString(brokerPort), Integer.toString(controllerPort)), Map.of());
        Waits.until(START_TIMEOUT, "the broker accepts clients (log " + logFile + ")", () -> {
            if (!child.isAlive()) {
                throw new AssertionError("the broker exited; see " + logFile);
            }
            return child.logOfThisRun().contains("broker ready");
        });
        return this;
    }

    /** Starts the broker again if a fault left it stopped. */
    void ensureRunning() {
        if (child == null || !child.isAlive()) {
            start();
        }
    }

    void kill() {
        child.kill();
    }

    void terminate() {
        child.terminate();
    }

    @Override
    public void close() {
        if (child != null) {
            child.terminate();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
