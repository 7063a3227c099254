package io.newsflow.launcher.config;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.drops.DropFolderConfig;
import io.newsflow.launcher.kafka.KafkaClientSettings;
import io.newsflow.sink.SinkConfig;
import io.newsflow.topics.Topics;
import io.newsflow.wire.SchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The configuration in force: environment variables over the defaults of {@link Setting}. */
public final class Settings {

    private final Map<Setting, String> values = new EnumMap<>(Setting.class);
    /** The environment read, for {@link SettingsCheck}'s look for unknown names. */
    private final Map<String, String> env;
    /** Secret files that could not be read: reported by {@link SettingsCheck}, not thrown here. */
    private final List<String> unreadable = new ArrayList<>();
    /** The NEWSFLOW_KAFKA_* variables as given: Kafka client settings passed through (KafkaClientSettings). */
    private final Map<String, String> kafkaVariables = new java.util.TreeMap<>();
    /** One set of topic descriptors per configuration, so all stages share serdes and one registry client. */
    private Topics topics;

    private Settings(Map<String, String> env) {
        this.env = Map.copyOf(env);
        for (Setting s : Setting.values()) {
            String v = env.get(s.name());
            values.put(s, v == null ? s.defaultValue() : v.trim());
            String file = env.get(s.name() + SettingsCheck.FILE_SUFFIX);
            if (s.type().secret() && file != null && !file.isBlank()) {
                try {
                    values.put(s, Files.readString(Path.of(file.trim())).strip());
                } catch (IOException | RuntimeException e) {
                    unreadable.add(s.name() + SettingsCheck.FILE_SUFFIX + ": cannot read " + file.trim() + " (" + e + ")");
                }
            }
        }
        env.forEach((name, value) -> {
            if (name.startsWith(KafkaClientSettings.PREFIX)) {
                kafkaVariables.put(name, value);
            }
        });
    }

    /** The Kafka client settings passed through from the environment, checked. */
    public KafkaClientSettings kafkaClient() {
        return KafkaClientSettings.from(kafkaVariables);
    }

    /** The variables this configuration was read from. */
    Map<String, String> environment() {
        return env;
    }

    List<String> unreadableSecretFiles() {
        return unreadable;
    }

    /**
     * Every problem of this configuration, one line each (empty when it is right).
     *
     * @see SettingsCheck
     */
    public List<String> problems() {
        return SettingsCheck.problems(this);
    }

    /** Throws {@link ConfigurationException} with the first problem: what a service command does before anything starts. */
    public Settings validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more: `newsflow config --check` lists them)" : ""));
        }
        return this;
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    public static Settings from(Map<String, String> env) {
        return new Settings(env);
    }

    /** A copy with some values replaced (used by `demo` and tests to point at their own folders). */
    public Settings with(Setting setting, String value) {
        Map<String, String> copy = new HashMap<>();
        copy.putAll(kafkaVariables);
        values.forEach((k, v) -> copy.put(k.name(), v));
        copy.put(setting.name(), value);
        return new Settings(copy);
    }

    public String get(Setting s) {
        return values.get(s);
    }

    /** The value for display: secrets masked. */
    public String display(Setting s) {
        String v = get(s);
        return s.type().secret() && !v.isEmpty() ? "********" : v;
    }

    /** A setting of type {@link SettingType#bool()} (checked: only true or false, any case). */
    public boolean getBoolean(Setting s) {
        return Boolean.parseBoolean(get(s));
    }

    /** A setting of type {@link SettingType#oneOf}, lower case. */
    public String getChoice(Setting s) {
        return get(s).toLowerCase(Locale.ROOT);
    }

    /** A duration in milliseconds. */
    public Duration getMillis(Setting s) {
        return Duration.ofMillis(getLong(s));
    }

    public boolean isSet(Setting s) {
        return !get(s).isEmpty();
    }

    public int getInt(Setting s) {
        try {
            return Integer.parseInt(get(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.name() + " must be a whole number, got '" + get(s) + "'");
        }
    }

    public long getLong(Setting s) {
        try {
            return Long.parseLong(get(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.name() + " must be a whole number, got '" + get(s) + "'");
        }
    }

    public Path workDir() {
        return Path.of(get(Setting.NEWSFLOW_WORK_DIR));
    }

    public synchronized Topics topics() {
        if (topics == null) {
            SchemaRegistryClient registry = RegistryAccessSettings.client(this);
            topics = Topics.of(get(Setting.NEWSFLOW_TOPIC_PREFIX), registry, framing(registry != null));
        }
        return topics;
    }

    /** The schema registry client NEWSFLOW_SCHEMA_REGISTRY_* describe, or null when no registry is set. */
    public SchemaRegistryClient schemaRegistry() {
        return RegistryAccessSettings.client(this);
    }

    private Topics.Framing framing(boolean registry) {
        return switch (get(Setting.NEWSFLOW_WIRE_FORMAT).toLowerCase(Locale.ROOT)) {
            case "single-object" -> Topics.Framing.SINGLE_OBJECT;
            case "confluent" -> Topics.Framing.CONFLUENT;
            default -> registry ? Topics.Framing.CONFLUENT : Topics.Framing.SINGLE_OBJECT;
        };
    }

    /** Retention of the seen-items topic, and so of what the feed reader remembers of vanished items. */
    public Duration seenItemsRetention() {
        return Duration.ofDays(getLong(Setting.NEWSFLOW_SEEN_ITEMS_RETENTION_DAYS));
    }

    public DropFolderConfig dropFolder() {
        return new DropFolderConfig(Path.of(get(Setting.NEWSFLOW_DROP_DIR)),
                Duration.ofMillis(getLong(Setting.NEWSFLOW_DROP_POLL_MS)),
                Duration.ofMillis(getLong(Setting.NEWSFLOW_DROP_STABLE_MS)),
                getLong(Setting.NEWSFLOW_DROP_MAX_BYTES),
                getBoolean(Setting.NEWSFLOW_DROP_DELETE_DONE),
                getInt(Setting.NEWSFLOW_DROP_MAX_DEAD_LETTERS));
    }

    public EnrichConfig enrich() {
        Path stateDir = isSet(Setting.NEWSFLOW_STATE_DIR)
                ? Path.of(get(Setting.NEWSFLOW_STATE_DIR)) : workDir().resolve("streams");
        return new EnrichConfig(get(Setting.NEWSFLOW_ENRICH_APP_ID), stateDir,
                Duration.ofHours(getLong(Setting.NEWSFLOW_EVENT_IDLE_HOURS)),
                getLong(Setting.NEWSFLOW_ENRICH_CACHE_MB) * 1024 * 1024,
                Duration.ofMillis(getLong(Setting.NEWSFLOW_ENRICH_COMMIT_MS)),
                getLong(Setting.NEWSFLOW_ENRICH_ROCKSDB_MB) * 1024 * 1024,
                Duration.ofMillis(getLong(Setting.NEWSFLOW_ENRICH_LIVE_COMMIT_MS)));
    }

    /** NEWSFLOW_INSTANCE_ID, else the host name; null when neither is known. */
    public String instanceId() {
        if (isSet(Setting.NEWSFLOW_INSTANCE_ID)) {
            return get(Setting.NEWSFLOW_INSTANCE_ID);
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    public SinkConfig sink() {
        return new SinkConfig(
                isSet(Setting.NEWSFLOW_SINK_JSONL_DIR) ? Path.of(get(Setting.NEWSFLOW_SINK_JSONL_DIR)) : null,
                isSet(Setting.NEWSFLOW_SINK_JDBC_URL) ? get(Setting.NEWSFLOW_SINK_JDBC_URL) : null,
                get(Setting.NEWSFLOW_SINK_JDBC_USER),
                get(Setting.NEWSFLOW_SINK_JDBC_PASSWORD),
                getInt(Setting.NEWSFLOW_SINK_BATCH_SIZE),
                Duration.ofMillis(getLong(Setting.NEWSFLOW_SINK_LINGER_MS)),
                getLong(Setting.NEWSFLOW_SINK_JSONL_ROTATE_BYTES),
                Duration.ofSeconds(getLong(Setting.NEWSFLOW_SINK_JSONL_ROTATE_SECONDS)),
                getInt(Setting.NEWSFLOW_SINK_WRITERS));
    }
}
