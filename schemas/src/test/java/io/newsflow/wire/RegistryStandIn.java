package io.newsflow.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one stand-in of the test suite: a minimal schema registry speaking the calls of the
 * Confluent-compatible REST API that Newsflow uses (register, schema by id, a subject's versions), on 127.0.0.1. No registry server can be
 * installed on the build machines (see docs/consumers.md, "Wire format"). Public for the other modules' tests (schemas'
 * test-jar).
 */
public final class RegistryStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(\\d+)");
    private static final Pattern VERSION = Pattern.compile("/subjects/([^/]+)/versions/(\\d+)");

    private final HttpServer server;
    private final List<String> schemas = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> idsBySchema = new ConcurrentHashMap<>();
    final List<String> subjects = new CopyOnWriteArrayList<>();
    /** The schema ids registered under each subject, in the order of their versions. */
    private final Map<String, List<Integer>> versionsBySubject = new ConcurrentHashMap<>();

    /** The "Authorization" header a call must carry, or null when the registry is open. */
    private final String authorization;

    public RegistryStandIn() throws IOException {
        this(null, null, null);
    }

    /**
     * A registry served over TLS with {@code tls} (null: plain HTTP) that answers 401 to any call without
     * HTTP basic authentication as {@code user} (null: no authentication).
     */
    RegistryStandIn(SSLContext tls, String user, String password) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (authorization != null && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        Matcher register = REGISTER.matcher(path);
        Matcher byId = BY_ID.matcher(path);
        Matcher version = VERSION.matcher(path);
        if (exchange.getRequestMethod().equals("POST") && register.matches()) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String schema = body.path("schema").asText();
            subjects.add(register.group(1));
            int id = idsBySchema.computeIfAbsent(schema, s -> {
                schemas.add(s);
                return schemas.size();
            });
            List<Integer> versions = versionsBySubject.computeIfAbsent(register.group(1), k -> new CopyOnWriteArrayList<>());
            synchronized (versions) {
                if (!versions.contains(id)) {
                    versions.add(id);
                }
            }
            reply(exchange, 200, JSON.createObjectNode().put("id", id).toString());
        } else if (exchange.getRequestMethod().equals("GET") && register.matches()) {
            List<Integer> versions = versionsBySubject.get(register.group(1));
            if (versions == null) {
                reply(exchange, 404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
            } else {
                var list = JSON.createArrayNode();
                for (int v = 1; v <= versions.size(); v++) {
                    list.add(v);
                }
                reply(exchange, 200, list.toString());
            }
        } else if (exchange.getRequestMethod().equals("GET") && version.matches()) {
            List<Integer> versions = versionsBySubject.getOrDefault(version.group(1), List.of());
            int v = Integer.parseInt(version.group(2));
            if (v < 1 || v > versions.size()) {
                reply(exchange, 404, "{\"error_code\":40402,\"message\":\"Version not found\"}");
            } else {
                int id = versions.get(v - 1);
                reply(exchange, 200, JSON.createObjectNode().put("subject", version.group(1)).put("version", v)
                        .put("id", id).put("schema", schemas.get(id - 1)).toString());
            }
        } else if (exchange.getRequestMethod().equals("GET") && byId.matches()) {
            int id = Integer.parseInt(byId.group(1));
            if (id < 1 || id > schemas.size()) {
                reply(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
            } else {
                reply(exchange, 200, JSON.createObjectNode().put("schema", schemas.get(id - 1)).toString());
            }
        } else {
            reply(exchange, 404, "{\"error_code\":404,\"message\":\"not found\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
