package io.newsflow.launcher.commands;

import io.newsflow.launcher.Newsflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code newsflow args...} run in a child JVM, as a user runs it: its own environment, exit code and output. */
record ChildNewsflow(int exit, List<String> stdout, List<String> stderr) {

    /** Runs with only {@code env} of Newsflow's and Kafka's variables set (settings come from the environment). */
    static ChildNewsflow run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Newsflow.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("NEWSFLOW_") || k.startsWith("KAFKA_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("newsflow " + String.join(" ", args) + " did not end");
        }
        return new ChildNewsflow(process.exitValue(), new String(out, StandardCharsets.UTF_8).lines().toList(),
                new String(err, StandardCharsets.UTF_8).lines().toList());
    }
}
