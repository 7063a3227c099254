package io.newsflow.launcher.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM of the fault suite (a broker, or one Newsflow service), its output appended to one log file
 * across restarts. Every child ever started is destroyed by a JVM shutdown hook too, so a failed or interrupted
 * test run leaves no process behind.
 */
final class ChildJvm {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "destroy-fault-suite-children"));
    }

    private final String name;
    private final Path logFile;
    private final Process process;
    private final long logOffset;
    private volatile boolean stoppedByTest;

    private ChildJvm(String name, Path logFile, Process process, long logOffset) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
        this.logOffset = logOffset;
    }

    /** Starts {@code mainClass} on this JVM's class path, with {@code env} over a cleaned copy of ours. */
    static ChildJvm start(String name, Path logFile, List<String> jvmOptions, String mainClass, List<String> args,
                          Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small heaps, quick start: the children share two cores with the test and each other.
        command.addAll(List.of("-XX:+UseSerialGC", "-Xss512k",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsflow"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // Settings of the machine running the build must not leak into the children.
        builder.environment().keySet().removeIf(k -> k.startsWith("NEWSFLOW_") || k.startsWith("KAFKA_"));
        builder.environment().putAll(env);
        try {
            Files.writeString(logFile, "---- start " + name + " " + String.join(" ", args) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            long offset = Files.size(logFile);
            Process process = builder.start();
            LIVE.add(process);
            return new ChildJvm(name, logFile, process, offset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the test killed or stopped this process (rather than it exiting by itself). */
    boolean stoppedByTest() {
        return stoppedByTest;
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        stoppedByTest = true;
        process.destroyForcibly();
        awaitExit(30);
    }

    /** SIGTERM (a clean stop), and waits until the process is gone; SIGKILL after 60 s. */
    void terminate() {
        stoppedByTest = true;
        process.destroy();
        if (!awaitExit(60)) {
            process.destroyForcibly();
            awaitExit(30);
        }
    }

    /**
     * SIGTERM, and waits at most {@code timeout} for the process to exit; returns its exit code, or empty if it was
     * still running (it is then killed).
     */
    java.util.OptionalInt terminateWithin(java.time.Duration timeout) {
        stoppedByTest = true;
        process.destroy();
        if (awaitExit((int) Math.max(1, timeout.toSeconds()))) {
            return java.util.OptionalInt.of(process.exitValue());
        }
        process.destroyForcibly();
        awaitExit(30);
        return java.util.OptionalInt.empty();
    }

    /** The whole log of this child (all its runs). */
    String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What this run (not earlier runs of the same child) has logged so far. */
    String logOfThisRun() {
        String all = log();
        return all.length() >= logOffset ? all.substring((int) logOffset) : all;
    }

    Path logFile() {
        return logFile;
    }

    private boolean awaitExit(int seconds) {
        try {
            boolean exited = process.waitFor(seconds, TimeUnit.SECONDS);
            if (exited) {
                LIVE.remove(process);
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }
}
