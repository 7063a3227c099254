package io.newsflow.launcher.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka client settings given from outside, as every Kafka tool takes them: {@code NEWSFLOW_KAFKA_<NAME>}
 * (e.g. {@code NEWSFLOW_KAFKA_SECURITY_PROTOCOL} gives {@code security.protocol}) and a Java properties file
 * ({@code NEWSFLOW_KAFKA_PROPERTIES_FILE}, for secrets such as {@code sasl.jaas.config}); a variable wins over
 * the file. They go to every producer, consumer, admin client and to Kafka Streams alike.
 *
 * <p>Every name is checked against the settings Kafka's clients and Streams define (prefixed Streams names
 * such as {@code producer.compression.type} included), and every value against its type and validator, so a
 * typo stops the service at start with one line rather than a warning Kafka logs and forgets.
 *
 * <p>The settings Newsflow's guarantees rest on, or that have a Newsflow variable of their own, are not taken
 * from here ({@link #OWNED}): they are left out with a warning naming what sets them.
 */
public final class KafkaClientSettings {

    public static final String PREFIX = "NEWSFLOW_KAFKA_";
    public static final String PROPERTIES_FILE = PREFIX + "PROPERTIES_FILE";

    /** Kafka settings Newsflow sets itself, and why; a pass-through value of one of them is ignored. */
    static final Map<String, String> OWNED = Map.ofEntries(
            Map.entry("bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS sets it"),
            Map.entry("processing.guarantee", "enrich runs exactly_once_v2"),
            Map.entry("isolation.level", "consumers read read_committed (exactly once)"),
            Map.entry("enable.idempotence", "producers are idempotent (exactly once)"),
            Map.entry("acks", "producers wait for all in-sync replicas"),
            Map.entry("enable.auto.commit", "offsets are committed after the records are stored"),
            Map.entry("transactional.id", "NEWSFLOW_FEEDS_TRANSACTIONAL_ID sets it"),
            Map.entry("application.id", "NEWSFLOW_ENRICH_APP_ID sets it"),
            Map.entry("group.id", "each service names its own group"),
            Map.entry("group.instance.id", "NEWSFLOW_INSTANCE_ID sets it"),
            Map.entry("state.dir", "NEWSFLOW_STATE_DIR sets it"),
            Map.entry("statestore.cache.max.bytes", "NEWSFLOW_ENRICH_CACHE_MB sets it"),
            Map.entry("commit.interval.ms", "NEWSFLOW_ENRICH_COMMIT_MS sets it"),
            Map.entry("rocksdb.config.setter", "NEWSFLOW_ENRICH_ROCKSDB_MB bounds RocksDB's memory"),
            Map.entry("key.serializer", "Newsflow's serdes are fixed by the topic contracts"),
            Map.entry("value.serializer", "Newsflow's serdes are fixed by the topic contracts"),
            Map.entry("key.deserializer", "Newsflow's serdes are fixed by the topic contracts"),
            Map.entry("value.deserializer", "Newsflow's serdes are fixed by the topic contracts"),
            Map.entry("default.key.serde", "Newsflow's serdes are fixed by the topic contracts"),
            Map.entry("default.value.serde", "Newsflow's serdes are fixed by the topic contracts"),
            Map.entry("deserialization.exception.handler", "enrich routes bad records to dead-letters"));

    /** Prefixes Kafka Streams passes on to one of its clients or its internal topics. */
    private static final List<String> STREAMS_PREFIXES = List.of("main.consumer.", "restore.consumer.",
            "global.consumer.", "consumer.", "producer.", "admin.");
    private static final String TOPIC_PREFIX = "topic.";

    private static final Map<String, ConfigDef.ConfigKey> KNOWN = knownSettings();

    private final Map<String, String> settings;
    private final Map<String, String> origins;
    private final Map<String, String> ignored;

    private KafkaClientSettings(Map<String, String> settings, Map<String, String> origins, Map<String, String> ignored) {
        this.settings = settings;
        this.origins = origins;
        this.ignored = ignored;
    }

    /**
     * Reads and checks the settings of the environment.
     *
     * @throws KafkaSettingsException naming the first wrong variable or file entry, in one line
     */
    public static KafkaClientSettings from(Map<String, String> env) {
        Map<String, String> settings = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        String file = env.get(PROPERTIES_FILE);
        if (file != null && !file.isBlank()) {
            readFile(Path.of(file.trim())).forEach((name, value) -> {
                settings.put(name, value);
                origins.put(name, PROPERTIES_FILE + " " + file.trim());
            });
        }
        new TreeMap<>(env).forEach((variable, value) -> {
            String name = propertyName(variable);
            if (name != null) {
                settings.put(name, value.trim());
                origins.put(name, variable);
            }
        });
        Map<String, String> ignored = new TreeMap<>();
        for (String name : List.copyOf(settings.keySet())) {
            check(name, settings.get(name), origins.get(name));
            String owner = OWNED.get(unprefixed(name));
            if (owner != null) {
                ignored.put(origins.get(name) + " (" + name + ")", owner);
                settings.remove(name);
                origins.remove(name);
            }
        }
        return new KafkaClientSettings(settings, origins, ignored);
    }

    /** Every problem of the environment's Kafka settings, one line each; empty when they are right. */
    public static List<String> problems(Map<String, String> env) {
        try {
            from(env);
            return List.of();
        } catch (KafkaSettingsException e) {
            return List.of(e.getMessage());
        }
    }

    /** The Kafka property a {@code NEWSFLOW_KAFKA_*} variable gives, or null for any other variable. */
    static String propertyName(String variable) {
        if (!variable.startsWith(PREFIX) || variable.equals(PROPERTIES_FILE)) {
            return null;
        }
        return variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The settings to give every client (Newsflow-owned ones left out). */
    public Map<String, Object> properties() {
        return new LinkedHashMap<>(settings);
    }

    /** Pass-through values left out because Newsflow sets them itself: what gave it, and why. */
    public Map<String, String> ignored() {
        return ignored;
    }

    /** The settings in force for the start log: secrets masked, each with where it came from. */
    public Map<String, String> display() {
        Map<String, String> shown = new TreeMap<>();
        settings.forEach((name, value) -> shown.put(name, (isSecret(name) ? "********" : value)
                + " (" + origins.get(name) + ")"));
        return shown;
    }

    static boolean isSecret(String name) {
        ConfigDef.ConfigKey key = KNOWN.get(unprefixed(name));
        return (key != null && key.type == ConfigDef.Type.PASSWORD)
                || name.contains("jaas") || name.contains("password") || name.contains("secret");
    }

    private static void check(String name, String value, String origin) {
        if (name.startsWith(TOPIC_PREFIX)) {
            return; // settings Streams gives its internal topics: the broker checks them when it creates them
        }
        ConfigDef.ConfigKey key = KNOWN.get(unprefixed(name));
        if (key == null) {
            String closest = closest(unprefixed(name));
            String closestVariable = PREFIX + closest.toUpperCase(Locale.ROOT).replace('.', '_');
            boolean variable = !origin.startsWith(PROPERTIES_FILE);
            throw new KafkaSettingsException(origin + ": " + name + " is not a Kafka client setting; did you mean "
                    + (variable ? closestVariable + " (" + closest + ")" : closest) + "?");
        }
        try {
            Object parsed = ConfigDef.parseType(key.name, value, key.type);
            if (key.validator != null) {
                key.validator.ensureValid(key.name, parsed);
            }
        } catch (ConfigException e) {
            throw new KafkaSettingsException(origin + ": " + (isSecret(name) ? "invalid value for " + name : e.getMessage()));
        }
    }

    private static String unprefixed(String name) {
        for (String prefix : STREAMS_PREFIXES) {
            if (name.startsWith(prefix) && KNOWN.containsKey(name.substring(prefix.length()))) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new KafkaSettingsException(PROPERTIES_FILE + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name.trim(), properties.getProperty(name).trim()));
        return values;
    }

    private static Map<String, ConfigDef.ConfigKey> knownSettings() {
        Map<String, ConfigDef.ConfigKey> known = new TreeMap<>();
        for (ConfigDef def : List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
                AdminClientConfig.configDef(), StreamsConfig.configDef())) {
            def.configKeys().forEach(known::putIfAbsent);
        }
        return known;
    }

    /** The known setting nearest to {@code name} in edit distance. */
    static String closest(String name) {
        Set<String> names = new TreeSet<>(KNOWN.keySet());
        return names.stream().min(Comparator.comparingInt(known -> LevenshteinDistance.getDefaultInstance().apply(name, known)))
                .orElseThrow();
    }
}
