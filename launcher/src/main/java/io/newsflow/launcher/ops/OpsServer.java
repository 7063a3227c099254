package io.newsflow.launcher.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.launcher.pipeline.Pipeline;
import io.newsflow.launcher.pipeline.Stage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Health and metrics over HTTP: {@code GET /health} answers 200 while every stage is healthy and
 * 503 otherwise (JSON body names each stage); {@code GET /metrics} is the Prometheus scrape.
 */
public final class OpsServer implements AutoCloseable {

    private final HttpServer server;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    private OpsServer(HttpServer server, Pipeline pipeline) {
        this.server = server;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        // Stages record their own meters (feed polls, sink batches, ...) in the global registry.
        Metrics.addRegistry(registry);
        for (Stage stage : pipeline.stages()) {
            Gauge.builder("newsflow.stage.healthy", stage, s -> s.healthy().getAsBoolean() ? 1 : 0)
                    .description("1 while the stage is healthy").tag("stage", stage.name()).register(registry);
        }
        server.createContext("/health", exchange -> health(exchange, pipeline));
        server.createContext("/ready", exchange -> ready(exchange, pipeline));
        server.createContext("/metrics", exchange -> reply(exchange, 200,
                "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        server.start();
    }

    /** Starts on the port (0 = any free port) or returns null when the port is negative (turned off). */
    public static OpsServer start(int port, Pipeline pipeline) throws IOException {
        if (port < 0) {
            return null;
        }
        return new OpsServer(HttpServer.create(new InetSocketAddress(port), 0), pipeline);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void health(HttpExchange exchange, Pipeline pipeline) throws IOException {
        boolean up = pipeline.healthy();
        boolean ready = pipeline.ready();
        String stages = pipeline.stages().stream()
                .map(s -> "\"" + s.name() + "\":\"" + (s.healthy().getAsBoolean() ? "UP" : "DOWN") + "\"")
                .collect(Collectors.joining(","));
        reply(exchange, up ? 200 : 503, "application/json",
                "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"ready\":" + ready + ",\"stages\":{" + stages + "}}");
    }

    /** 200 only while every stage does its work (enrich RUNNING); 503 while it starts, restores or rebalances. */
    private static void ready(HttpExchange exchange, Pipeline pipeline) throws IOException {
        boolean ready = pipeline.ready();
        reply(exchange, ready ? 200 : 503, "application/json", "{\"ready\":" + ready + "}");
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        Metrics.removeRegistry(registry);
        gcMetrics.close();
        registry.close();
    }
}
