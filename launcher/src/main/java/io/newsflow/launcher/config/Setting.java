package io.newsflow.launcher.config;

import static io.newsflow.launcher.config.SettingType.bool;
import static io.newsflow.launcher.config.SettingType.hostPorts;
import static io.newsflow.launcher.config.SettingType.millis;
import static io.newsflow.launcher.config.SettingType.oneOf;
import static io.newsflow.launcher.config.SettingType.path;
import static io.newsflow.launcher.config.SettingType.port;
import static io.newsflow.launcher.config.SettingType.secretText;
import static io.newsflow.launcher.config.SettingType.text;
import static io.newsflow.launcher.config.SettingType.url;
import static io.newsflow.launcher.config.SettingType.wholeNumber;

import io.newsflow.enrich.grouping.clustering.GroupingSettings;

/**
 * Every environment variable Newsflow reads, with its default and meaning. The table of docs/configuration.md
 * is this list ({@code newsflow config} prints it with the values in force). Each setting declares its
 * {@link SettingType}: values are checked against it at start ({@link SettingsCheck}).
 */
public enum Setting {
    KAFKA_BOOTSTRAP_SERVERS("", hostPorts(), "Kafka brokers (host:port,...). Empty: `up` and `demo` start an embedded single-node broker; the single-service commands require it."),
    NEWSFLOW_EMBEDDED_KAFKA_PORT("9092", port(0), "Port on 127.0.0.1 of the embedded broker that `up` starts when KAFKA_BOOTSTRAP_SERVERS is empty: the same at every start, so consumers and tools find it again (`up` logs the address); 0 picks a free port. `demo` and `bench` always pick a free one."),
    NEWSFLOW_TOPIC_PREFIX("", text(), "Prefix of every topic name, e.g. `prod.` gives `prod.raw-articles`."),
    NEWSFLOW_TOPIC_PARTITIONS("3", wholeNumber(1, 10_000), "Partitions of the topics `up` creates when they are missing."),
    NEWSFLOW_SCHEMA_REGISTRY_URL("", url("http", "https"), "Confluent-compatible schema registry (e.g. Apicurio `http://registry:8080/apis/ccompat/v7`). Empty: Avro single-object encoding, no registry."),
    NEWSFLOW_WIRE_FORMAT("auto", oneOf("auto", "single-object", "confluent"), "How record values are framed on the topics: `single-object` (Avro single-object encoding: schema fingerprint, then the body), `confluent` (magic byte and the registry's schema id; needs NEWSFLOW_SCHEMA_REGISTRY_URL), or `auto`: `confluent` when a registry is set, else `single-object`. With `single-object` and a registry, writers register their schema there and readers look up the versions they do not bundle (docs/consumers.md \"Schema evolution\")."),
    NEWSFLOW_SCHEMA_REGISTRY_USER("", text(), "User for the registry's HTTP basic authentication. Empty: no authentication."),
    NEWSFLOW_SCHEMA_REGISTRY_PASSWORD("", secretText(), "Password for the registry's basic authentication (never logged). NEWSFLOW_SCHEMA_REGISTRY_PASSWORD_FILE reads it from a file (Docker secrets)."),
    NEWSFLOW_SCHEMA_REGISTRY_TRUSTSTORE("", path(), "Trust store (PKCS12 or JKS file) of the certificates a `https` registry is checked against. Empty: the JVM's default trust store."),
    NEWSFLOW_SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD("", secretText(), "Password of that trust store (never logged). NEWSFLOW_SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD_FILE reads it from a file."),
    NEWSFLOW_SCHEMA_REGISTRY_TRUSTSTORE_TYPE("PKCS12", oneOf("PKCS12", "JKS"), "Type of that trust store: PKCS12 or JKS."),
    NEWSFLOW_KAFKA_PROPERTIES_FILE("", path(), "Java properties file of Kafka client settings (e.g. `security.protocol`, `sasl.jaas.config`, `ssl.truststore.location`) given to every producer, consumer, admin client and Kafka Streams. Any setting also passes as a variable: `NEWSFLOW_KAFKA_<NAME>` gives `<name>` (lower case, `_` to `.`), e.g. `NEWSFLOW_KAFKA_SECURITY_PROTOCOL=SASL_SSL`, `NEWSFLOW_KAFKA_NUM_STANDBY_REPLICAS=1`; a variable wins over the file. Unknown names stop the service; settings Newsflow's guarantees rest on are ignored with a warning (docs/configuration.md \"Secured Kafka\")."),
    NEWSFLOW_WORK_DIR("work", path(), "Embedded broker data and other local state."),
    NEWSFLOW_HTTP_BIND("127.0.0.1", text(), "Address the health and metrics endpoints listen on: `127.0.0.1` (this machine only) by default; `0.0.0.0` (every interface) in a container, where the Docker image sets it."),
    NEWSFLOW_HTTP_PORT("8080", port(-1), "Port of the health (`/health/live`, `/health/ready`) and Prometheus metrics (`/metrics`) endpoints; 0 picks a free port, -1 turns them off."),
    NEWSFLOW_DROP_DIR("data/drop", path(), "Drop folder watched by ingest (processing/, done/, failed/ are created inside)."),
    NEWSFLOW_DROP_POLL_MS("100", millis(1, 3_600_000L), "How often the drop folder is scanned (an empty folder's listing: cheap; a file waits half of it on average)."),
    NEWSFLOW_DROP_STABLE_MS("2000", millis(0, 3_600_000L), "A file not renamed into place is taken after its size and mtime were stable this long."),
    NEWSFLOW_DROP_MAX_BYTES("10485760", wholeNumber(1, Integer.MAX_VALUE), "Larger dropped files go to failed/ unread."),
    NEWSFLOW_DROP_DELETE_DONE("false", bool(), "Delete produced files instead of moving them to done/."),
    NEWSFLOW_DROP_MAX_DEAD_LETTERS("100", wholeNumber(0, Integer.MAX_VALUE), "Bad records (JSON Lines lines, feed items) of one dropped file that get a dead letter, a log line and a report line each; the rest are counted in one summary dead letter."),
    NEWSFLOW_FEEDS_FILE("", path(), "Feeds file (YAML or JSON, see docs/ingest.md \"Feeds\") polled by ingest. Empty: no feed reader."),
    NEWSFLOW_FEEDS_TRANSACTIONAL_ID("newsflow-feeds", text(), "Transactional id of the feed reader: a poll's articles and its seen-items are written in one transaction (exactly once). Unique per ingest instance; empty turns transactions off (at least once)."),
    NEWSFLOW_SEEN_ITEMS_RETENTION_DAYS("90", wholeNumber(1, 36_500), "Retention of the seen-items topic (compacted and time-limited, set when the topic is created): what ingest remembers of items gone from their feeds this long is forgotten; items still listed are rewritten before they expire."),
    NEWSFLOW_ENRICH_APP_ID("newsflow-enrich", text(), "Kafka Streams application id of enrich (consumer group, internal topic prefix)."),
    NEWSFLOW_INSTANCE_ID("", text(), "Stable name of this enrich instance (Kafka static membership, `group.instance.id`): restarted under the same name it takes its partitions back at once instead of after the dead member's 45 s session. Empty: the host name (a container's stays the same across restarts). Unique per instance."),
    NEWSFLOW_STATE_DIR("", path(), "Kafka Streams state directory. Empty: <NEWSFLOW_WORK_DIR>/streams."),
    NEWSFLOW_EVENT_IDLE_HOURS(Long.toString(GroupingSettings.DEFAULT_IDLE_TIMEOUT.toHours()), wholeNumber(1, 87_600), "An event with no new article for this long (event time) is closed and leaves the state stores."),
    NEWSFLOW_ENRICH_CACHE_MB("256", wholeNumber(0, 1_000_000), "Kafka Streams' record cache in front of enrich's state stores (heap): a key written many times between commits reaches RocksDB and the changelog once. Too small for a commit interval's keys, every write goes through (half the throughput at 64 MB in the grouping service benchmark)."),
    NEWSFLOW_ENRICH_ROCKSDB_MB("192", wholeNumber(16, 1_000_000), "Off-heap memory of all enrich's RocksDB stores in the process, whatever the partitions: one block cache holding data, index and filter blocks, a third of it for memtables. Too small and reads of events no longer in the record cache go to disk."),
    NEWSFLOW_ENRICH_COMMIT_MS("1000", millis(1, 3_600_000L), "How often enrich commits its exactly-once transaction: events become visible to read-committed consumers at commits, and each commit flushes the cache. Shorter: lower latency, more writes."),
    NEWSFLOW_ENRICH_LIVE_COMMIT_MS("200", millis(0, 3_600_000L), "How often enrich commits while it keeps up with a live stream (its articles younger than NEWSFLOW_ENRICH_COMMIT_MS): an article waits one to two commits to reach its event, so this sets the latency of a live stream; a backlog or a replay commits at NEWSFLOW_ENRICH_COMMIT_MS. 0: always at NEWSFLOW_ENRICH_COMMIT_MS."),
    NEWSFLOW_SINK_JSONL_DIR("data/events", path(), "Directory of the JSON Lines event files; empty writes none."),
    NEWSFLOW_SINK_JDBC_URL("", url("jdbc"), "PostgreSQL JDBC URL, e.g. jdbc:postgresql://postgres:5432/newsflow. Empty: no database."),
    NEWSFLOW_SINK_JDBC_USER("newsflow", text(), "Database user."),
    NEWSFLOW_SINK_JDBC_PASSWORD("", secretText(), "Database password (never logged). NEWSFLOW_SINK_JDBC_PASSWORD_FILE reads it from a file (Docker secrets)."),
    NEWSFLOW_SINK_BATCH_SIZE("500", wholeNumber(1, 1_000_000), "Snapshots per database transaction at most."),
    NEWSFLOW_SINK_LINGER_MS("50", millis(0, 3_600_000L), "How long a sink batch may wait to fill (under load batches fill by size first)."),
    NEWSFLOW_SINK_WRITERS("3", wholeNumber(1, 256), "Database writers, each with its own connection, writing the records of every n-th partition of the events topic in transactions of their own; more writers than partitions are idle."),
    NEWSFLOW_SINK_JSONL_ROTATE_BYTES("67108864", wholeNumber(1, Long.MAX_VALUE), "A JSON Lines file is closed and published (renamed from .jsonl.inprogress to .jsonl) at this size..."),
    NEWSFLOW_SINK_JSONL_ROTATE_SECONDS("60", wholeNumber(1, 86_400 * 365L), "... or after being open this long, whichever comes first."),
    NEWSFLOW_LOG_FORMAT("text", oneOf("text", "json"), "`text` for people, `json` for one JSON object per log line with an ISO-8601 `@timestamp` and stack traces in `stack_trace` (the Docker images set json); any case."),
    NEWSFLOW_SHUTDOWN_TIMEOUT_MS("10000", millis(1_000, 10 * 60_000L), "On SIGTERM the stages stop (flush, commit, leave their groups) within this bound; what is not done by then is abandoned (files in processing/ are produced again at the next start, uncommitted records read again) and the process exits 1. Docker's stop grace period must be longer."),
    NEWSFLOW_LOG_LEVEL("INFO", oneOf("trace", "debug", "info", "warn", "error", "off"), "Level of Newsflow's own loggers (trace, debug, info, warn, error, off; any case)."),
    NEWSFLOW_JAVA_OPTS("", text(), "Options of the JVM (e.g. `-Xmx1g`), read by the `./newsflow` script and the images' entry point, not by Newsflow itself. The images set `-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError` (docs/operations.md \"Docker\": memory).");

    private final String defaultValue;
    private final SettingType type;
    private final String doc;

    Setting(String defaultValue, SettingType type, String doc) {
        this.defaultValue = defaultValue;
        this.type = type;
        this.doc = doc;
    }

    public SettingType type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String doc() {
        return doc;
    }
}
