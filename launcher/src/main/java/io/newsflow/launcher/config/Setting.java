package io.newsflow.launcher.config;

/**
 * Every environment variable Newsflow reads, with its default and meaning. README's configuration
 * table is this list ({@code newsflow config} prints it with the values in force).
 */
public enum Setting {
    KAFKA_BOOTSTRAP_SERVERS("", "Kafka brokers (host:port,...). Empty: `up` and `demo` start an embedded single-node broker; the single-service commands require it."),
    NEWSFLOW_TOPIC_PREFIX("", "Prefix of every topic name, e.g. `prod.` gives `prod.raw-articles`."),
    NEWSFLOW_TOPIC_PARTITIONS("3", "Partitions of the topics `up` creates when they are missing."),
    NEWSFLOW_SCHEMA_REGISTRY_URL("", "Confluent-compatible schema registry (e.g. Apicurio `http://registry:8080/apis/ccompat/v7`). Empty: Avro single-object encoding, no registry."),
    NEWSFLOW_WORK_DIR("work", "Embedded broker data and other local state."),
    NEWSFLOW_HTTP_PORT("8080", "Port of the health (`/health`) and Prometheus metrics (`/metrics`) endpoints; 0 picks a free port, -1 turns them off."),
    NEWSFLOW_DROP_DIR("data/drop", "Drop folder watched by ingest (processing/, done/, failed/ are created inside)."),
    NEWSFLOW_DROP_POLL_MS("500", "How often the drop folder is scanned."),
    NEWSFLOW_DROP_STABLE_MS("2000", "A file not renamed into place is taken after its size and mtime were stable this long."),
    NEWSFLOW_DROP_MAX_BYTES("10485760", "Larger dropped files go to failed/ unread."),
    NEWSFLOW_DROP_DELETE_DONE("false", "Delete produced files instead of moving them to done/."),
    NEWSFLOW_DROP_MAX_DEAD_LETTERS("100", "Bad records (JSON Lines lines, feed items) of one dropped file that get a dead letter, a log line and a report line each; the rest are counted in one summary dead letter."),
    NEWSFLOW_FEEDS_FILE("", "Feeds file (YAML or JSON, see README \"Feeds\") polled by ingest. Empty: no feed reader."),
    NEWSFLOW_FEEDS_TRANSACTIONAL_ID("newsflow-feeds", "Transactional id of the feed reader: a poll's articles and its seen-items are written in one transaction (exactly once). Unique per ingest instance; empty turns transactions off (at least once)."),
    NEWSFLOW_SEEN_ITEMS_RETENTION_DAYS("90", "Retention of the seen-items topic (compacted and time-limited, set when the topic is created): what ingest remembers of items gone from their feeds this long is forgotten; items still listed are rewritten before they expire."),
    NEWSFLOW_ENRICH_APP_ID("newsflow-enrich", "Kafka Streams application id of enrich (consumer group, internal topic prefix)."),
    NEWSFLOW_INSTANCE_ID("", "Stable name of this enrich instance (Kafka static membership, `group.instance.id`): restarted under the same name it takes its partitions back at once instead of after the dead member's 45 s session. Empty: the host name (a container's stays the same across restarts). Unique per instance."),
    NEWSFLOW_STATE_DIR("", "Kafka Streams state directory. Empty: <NEWSFLOW_WORK_DIR>/streams."),
    NEWSFLOW_EVENT_IDLE_HOURS("168", "An event with no new article for this long (event time) is closed and leaves the state stores."),
    NEWSFLOW_ENRICH_CACHE_MB("256", "Kafka Streams' record cache in front of enrich's state stores (heap): a key written many times between commits reaches RocksDB and the changelog once. Too small for a commit interval's keys, every write goes through (half the throughput at 64 MB in the grouping service benchmark)."),
    NEWSFLOW_ENRICH_COMMIT_MS("1000", "How often enrich commits its exactly-once transaction: events become visible to read-committed consumers at commits, and each commit flushes the cache. Shorter: lower latency, more writes."),
    NEWSFLOW_SINK_JSONL_DIR("data/events", "Directory of the JSON Lines event files; empty writes none."),
    NEWSFLOW_SINK_JDBC_URL("", "PostgreSQL JDBC URL, e.g. jdbc:postgresql://postgres:5432/newsflow. Empty: no database."),
    NEWSFLOW_SINK_JDBC_USER("newsflow", "Database user."),
    NEWSFLOW_SINK_JDBC_PASSWORD("", "Database password (never logged). NEWSFLOW_SINK_JDBC_PASSWORD_FILE reads it from a file (Docker secrets)."),
    NEWSFLOW_SINK_BATCH_SIZE("500", "Snapshots per database transaction at most."),
    NEWSFLOW_SINK_LINGER_MS("200", "How long a sink batch may wait to fill."),
    NEWSFLOW_SINK_WRITERS("3", "Database writers, each with its own connection, writing the records of every n-th partition of the events topic in transactions of their own; more writers than partitions are idle."),
    NEWSFLOW_SINK_JSONL_ROTATE_BYTES("67108864", "A JSON Lines file is closed and published (renamed from .jsonl.inprogress to .jsonl) at this size..."),
    NEWSFLOW_SINK_JSONL_ROTATE_SECONDS("60", "... or after being open this long, whichever comes first."),
    NEWSFLOW_LOG_FORMAT("text", "`text` for people, `json` for one JSON object per log line (the Docker images set json)."),
    NEWSFLOW_LOG_LEVEL("INFO", "Level of Newsflow's own loggers.");

    private final String defaultValue;
    private final String doc;

    Setting(String defaultValue, String doc) {
        this.defaultValue = defaultValue;
        this.doc = doc;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String doc() {
        return doc;
    }
}
