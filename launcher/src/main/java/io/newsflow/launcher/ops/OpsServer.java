package io.newsflow.launcher.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.newsflow.launcher.config.ConfigurationException;
import io.newsflow.launcher.pipeline.Pipeline;
import io.newsflow.launcher.pipeline.Stage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Health and metrics over HTTP, on exact paths only:
 * <ul>
 *   <li>{@code GET /health/live}: 200 while every stage can make progress (its threads run), else 503;</li>
 *   <li>{@code GET /health/ready}: 200 while every check passes (started, Kafka reachable, each stage's own),
 *       else 503; the JSON body gives each check's status and, for a failing one, why;</li>
 *   <li>{@code GET /metrics}: the Prometheus scrape.</li>
 * </ul>
 * Any other path is 404; another method than GET (or HEAD) on these paths is 405.
 */
public final class OpsServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Pipeline pipeline;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    private OpsServer(HttpServer server, Pipeline pipeline) {
        this.server = server;
        this.pipeline = pipeline;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        ServiceMetrics.bindTo(registry);
        // Stages record their own meters (feed polls, sink batches, ...) in the global registry.
        Metrics.addRegistry(registry);
        for (Stage stage : pipeline.stages()) {
            Gauge.builder("newsflow.stage.healthy", stage, s -> s.healthy() ? 1 : 0)
                    .description("1 while the stage is live and its readiness checks pass").tag("stage", stage.name())
                    .register(registry);
        }
        // One context for everything: HttpServer matches contexts by prefix, which would answer /healthz.
        server.createContext("/", this::route);
        server.start();
    }

    /**
     * Starts on {@code bind}:{@code port} (port 0 = any free port) or returns null when the port is negative
     * (turned off). A port in use is a {@link ConfigurationException} naming the setting.
     */
    public static OpsServer start(String bind, int port, Pipeline pipeline) {
        if (port < 0) {
            return null;
        }
        try {
            return new OpsServer(HttpServer.create(new InetSocketAddress(bind, port), 0), pipeline);
        } catch (BindException e) {
            throw new ConfigurationException("NEWSFLOW_HTTP_PORT " + port + " on NEWSFLOW_HTTP_BIND " + bind
                    + " cannot be used: " + e.getMessage() + " (another process holds it? -1 turns the endpoints off)");
        } catch (IOException e) {
            throw new ConfigurationException("cannot serve health and metrics on " + bind + ":" + port + ": " + e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (!path.equals("/health/live") && !path.equals("/health/ready") && !path.equals("/metrics")) {
                reply(exchange, 404, "application/json", "{\"error\":\"not found\"}");
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                reply(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}");
            } else if (path.equals("/metrics")) {
                reply(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
            } else if (path.equals("/health/live")) {
                boolean live = pipeline.live();
                reply(exchange, live ? 200 : 503, "application/json", "{\"status\":\"" + (live ? "UP" : "DOWN") + "\"}");
            } else {
                ready(exchange);
            }
        }
    }

    private void ready(HttpExchange exchange) throws IOException {
        Map<String, Optional<String>> checks = pipeline.checks();
        boolean ready = checks.values().stream().allMatch(Optional::isEmpty);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        Map<String, Object> byName = new LinkedHashMap<>();
        checks.forEach((name, problem) -> {
            Map<String, String> check = new LinkedHashMap<>();
            check.put("status", problem.isPresent() ? "DOWN" : "UP");
            problem.ifPresent(why -> check.put("reason", why));
            byName.put(name, check);
        });
        body.put("checks", byName);
        reply(exchange, ready ? 200 : 503, "application/json", JSON.writeValueAsString(body));
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
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
