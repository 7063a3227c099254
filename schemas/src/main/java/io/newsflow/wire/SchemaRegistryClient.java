package io.newsflow.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    public SchemaRegistryClient(String baseUrl) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
            HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("schemas/ids/" + id))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", CONTENT_TYPE)
                    .GET()
                    .build();
            return new Schema.Parser().parse(send(request).path("schema").asText());
        });
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SchemaRegistryException("schema registry " + request.method() + " " + request.uri()
                        + " answered " + response.statusCode() + ": " + response.body());
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
        SchemaRegistryException(String message) {
            super(message);
        }

        SchemaRegistryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
