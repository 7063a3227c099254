package io.newsflow.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A small client of the Confluent-compatible schema registry REST API, as served by Apicurio
 * Registry ({@code /apis/ccompat/v7}), Karapace, Redpanda and Confluent Schema Registry.
 * Only two calls are needed: register a schema under a subject, and fetch a schema by id.
 */
public final class SchemaRegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final URI baseUrl;
    private final HttpClient http;
    /** The Authorization header value, or null without basic authentication. */
    private final String authorization;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    public SchemaRegistryClient(String baseUrl) {
        this(baseUrl, Access.NONE);
    }

    /** A client that authenticates and checks the registry's certificate as {@code access} says. */
    public SchemaRegistryClient(String baseUrl, Access access) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (access.sslContext() != null) {
            builder.sslContext(access.sslContext());
        }
        this.http = builder.build();
        this.authorization = access.user() == null || access.user().isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((access.user() + ":" + access.password()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * How to reach a secured registry: HTTP basic authentication (user null or empty: none) and the TLS
     * context whose trust store checks the registry's certificate (null: the JVM's default).
     */
    public record Access(String user, String password, SSLContext sslContext) {
        public static final Access NONE = new Access(null, null, null);

        @Override
        public String toString() {
            return "Access[user=" + user + ", password=" + (password == null || password.isEmpty() ? "" : "********")
                    + ", tls=" + (sslContext != null) + "]";
        }
    }

    /** Registers the schema under the subject (idempotent on the registry side) and returns its id. */
    public int register(String subject, Schema schema) {
        String cacheKey = subject + "\n" + schema;
        return idsBySubjectAndSchema.computeIfAbsent(cacheKey, k -> {
            String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
            HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("subjects/" + subject + "/versions"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            int id = send(request).path("id").asInt(-1);
            if (id < 0) {
                throw new SchemaRegistryException("registry answered without an id for subject " + subject);
            }
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    /** The schema the registry holds under this id (cached: ids are immutable). */
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, k -> {
            return new Schema.Parser().parse(send(get("schemas/ids/" + id)).path("schema").asText());
        });
    }

    /**
     * Every schema registered under the subject, oldest version first; none when the subject does not exist.
     * Not cached: a reader asks when a record names a schema it does not know yet.
     */
    public List<Schema> schemasOfSubject(String subject) {
        HttpRequest versionsRequest = get("subjects/" + subject + "/versions");
        JsonNode versions = sendOrNullIfMissing(versionsRequest);
        List<Schema> schemas = new ArrayList<>();
        if (versions == null) {
            return schemas;
        }
        for (JsonNode version : versions) {
            JsonNode entry = send(get("subjects/" + subject + "/versions/" + version.asInt()));
            int id = entry.path("id").asInt(-1);
            Schema schema = new Schema.Parser().parse(entry.path("schema").asText());
            if (id >= 0) {
                schemasById.putIfAbsent(id, schema);
            }
            schemas.add(schema);
        }
        return schemas;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", CONTENT_TYPE)
                .GET()
                .build();
    }

    /** The answer, or null when the registry answers 404 (an unknown subject). */
    private JsonNode sendOrNullIfMissing(HttpRequest request) {
        try {
            return send(request);
        } catch (SchemaRegistryException e) {
            if (e.status == 404) {
                return null;
            }
            throw e;
        }
    }

    private JsonNode send(HttpRequest unauthenticated) {
        HttpRequest request = authorization == null ? unauthenticated
                : HttpRequest.newBuilder(unauthenticated, (name, value) -> true).header("Authorization", authorization).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SchemaRegistryException("schema registry " + request.method() + " " + request.uri()
                        + " answered " + response.statusCode() + ": " + response.body(), response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry " + request.uri() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while calling the schema registry", e);
        }
    }

    /** The registry could not be reached or refused a call. */
    public static final class SchemaRegistryException extends RuntimeException {
        /** The HTTP status the registry answered, or 0 when it gave none. */
        private final int status;

        SchemaRegistryException(String message) {
            this(message, 0);
        }

        SchemaRegistryException(String message, int status) {
            super(message);
            this.status = status;
        }

        SchemaRegistryException(String message, Throwable cause) {
            super(message, cause);
            this.status = 0;
        }
    }
}
