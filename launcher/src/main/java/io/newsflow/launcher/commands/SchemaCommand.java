package io.newsflow.launcher.commands;

import io.newsflow.launcher.config.ConfigurationException;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.SeenItem;
import io.newsflow.schemas.SourceHealth;
import io.newsflow.topics.Topics;
import io.newsflow.wire.ReleasedSchemas;
import io.newsflow.wire.SchemaRegistryClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schema", description = "Print the Avro schema (JSON) of a topic's values, NewsEvent by default: "
        + "the contract of the events topic (docs/consumers.md, \"Consuming events\").")
public final class SchemaCommand implements Callable<Integer> {

    /** Each record with the topic (after the prefix) whose values it is. */
    private static final Map<String, RecordTopic> RECORDS = Map.of(
            "NewsEvent", new RecordTopic(NewsEvent.getClassSchema(), Topics.EVENTS),
            "EventMember", new RecordTopic(EventMember.getClassSchema(), Topics.EVENT_ARTICLES),
            "RawArticle", new RecordTopic(RawArticle.getClassSchema(), Topics.RAW_ARTICLES),
            "DeadLetter", new RecordTopic(DeadLetter.getClassSchema(), Topics.DEAD_LETTERS),
            "SourceHealth", new RecordTopic(SourceHealth.getClassSchema(), Topics.SOURCE_HEALTH),
            "SeenItem", new RecordTopic(SeenItem.getClassSchema(), Topics.SEEN_ITEMS));

    @Option(names = "--name", defaultValue = "NewsEvent", paramLabel = "RECORD",
            description = "The record: NewsEvent (default), EventMember, RawArticle, DeadLetter, SourceHealth or SeenItem.")
    String name;

    @Option(names = "--released", description = "List the released versions bundled in the schemas jar, one line each "
            + "(`<record> v<k> fingerprint=<CRC-64-AVRO, hex>`), then this build's (`<record> build fingerprint=<hex> released=v<k>|no`).")
    boolean released;

    @Option(names = "--released-version", paramLabel = "K", description = "Print released version K instead of this build's schema.")
    Integer releasedVersion;

    @Option(names = "--register", description = "Register this build's schema in NEWSFLOW_SCHEMA_REGISTRY_URL under the "
            + "subject `<NEWSFLOW_TOPIC_PREFIX><topic>-value`; prints `registered subject=<subject> id=<id>`.")
    boolean register;

    @Override
    public Integer call() {
        RecordTopic topic = RECORDS.get(name);
        if (topic == null) {
            throw new ConfigurationException("--name " + name + ": no such record; one of " + String.join(", ",
                    List.of("NewsEvent", "EventMember", "RawArticle", "DeadLetter", "SourceHealth", "SeenItem")));
        }
        List<Schema> versions = ReleasedSchemas.of(name);
        if (released) {
            for (int k = 1; k <= versions.size(); k++) {
                System.out.println(name + " v" + k + " fingerprint=" + fingerprint(versions.get(k - 1)));
            }
            String build = fingerprint(topic.schema());
            int asReleased = versions.stream().map(SchemaCommand::fingerprint).toList().indexOf(build);
            System.out.println(name + " build fingerprint=" + build + " released=" + (asReleased < 0 ? "no" : "v" + (asReleased + 1)));
        } else if (register) {
            register(topic);
        } else if (releasedVersion != null) {
            if (releasedVersion < 1 || releasedVersion > versions.size()) {
                throw new ConfigurationException("--released-version " + releasedVersion + ": " + name + " has released versions 1 to "
                        + versions.size());
            }
            System.out.println(versions.get(releasedVersion - 1).toString(true));
        } else {
            System.out.println(topic.schema().toString(true));
        }
        return 0;
    }

    private static void register(RecordTopic topic) {
        Settings settings = Settings.fromEnvironment().validated();
        SchemaRegistryClient registry = settings.schemaRegistry();
        if (registry == null) {
            throw new ConfigurationException("NEWSFLOW_SCHEMA_REGISTRY_URL is not set: no registry to register in");
        }
        String subject = settings.get(Setting.NEWSFLOW_TOPIC_PREFIX) + topic.name() + "-value";
        int id = registry.register(subject, topic.schema());
        System.out.println("registered subject=" + subject + " id=" + id);
    }

    private static String fingerprint(Schema schema) {
        return String.format("%016x", SchemaNormalization.parsingFingerprint64(schema));
    }

    private record RecordTopic(Schema schema, String name) {
    }
}
