package io.newsflow.wire;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Where a single-object reader finds the writer schema a record's fingerprint names: this build's own
 * schema, every released version bundled in the jar ({@link ReleasedSchemas}), and, when a registry is
 * configured, every version registered under the topic's subject. The registry is how a reader learns a
 * newer writer's schema during a rolling upgrade: single-object writers register theirs there too.
 *
 * <p>Without a registry, a record written with a schema newer than this build is not decodable: its
 * fingerprint names no schema this reader has, and the record is reported as malformed.
 */
public final class WriterSchemaStore implements SchemaStore {

    /** How long an unknown fingerprint is remembered before the registry is asked again: a flood of such records costs one call. */
    static final Duration RETRY_UNKNOWN_AFTER = Duration.ofSeconds(30);

    private final Map<Long, Schema> byFingerprint = new ConcurrentHashMap<>();
    private final Map<Long, Instant> unknownSince = new ConcurrentHashMap<>();
    private final SchemaRegistryClient registry;
    private final String subject;
    private final Clock clock;

    /**
     * @param current  the schema this build reads and writes
     * @param registry where other versions are looked up, or null
     * @param subject  the registry subject of the topic ({@code <topic>-value}); ignored without a registry
     */
    public WriterSchemaStore(Schema current, SchemaRegistryClient registry, String subject) {
        this(current, registry, subject, Clock.systemUTC());
    }

    WriterSchemaStore(Schema current, SchemaRegistryClient registry, String subject, Clock clock) {
        this.registry = registry;
        this.subject = subject;
        this.clock = clock;
        ReleasedSchemas.of(current.getName()).forEach(this::add);
        add(current);
    }

    /** Makes {@code schema} findable by readers of other versions: registers it under the subject when there is a registry. */
    public void publish(Schema schema) {
        if (registry != null) {
            registry.register(subject, schema);
        }
    }

    /** The schemas known without asking the registry: the released versions and this build's. */
    public Iterable<Schema> known() {
        return byFingerprint.values();
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        Schema known = byFingerprint.get(fingerprint);
        if (known != null || registry == null) {
            return known;
        }
        Instant now = clock.instant();
        Instant missedAt = unknownSince.get(fingerprint);
        if (missedAt != null && missedAt.plus(RETRY_UNKNOWN_AFTER).isAfter(now)) {
            return null;
        }
        registry.schemasOfSubject(subject).forEach(this::add);
        Schema found = byFingerprint.get(fingerprint);
        if (found == null) {
            unknownSince.put(fingerprint, now);
        } else {
            unknownSince.remove(fingerprint);
        }
        return found;
    }

    private void add(Schema schema) {
        byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema);
    }
}
