package io.newsflow.examples;

import io.newsflow.sink.TestKafka;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The topics the examples' tests write on the sink's test broker, and the sink's view they compare with. */
final class ExampleTopics {

    private ExampleTopics() {
    }

    /**
     * Creates the events topic and the event-articles topic beside it (compacted, as the pipeline creates them)
     * and the dead-letter topic the sink writes to.
     */
    static void create(String events, String deadLetters, int partitions) {
        try (Admin admin = Admin.create(TestKafka.clientProperties())) {
            admin.createTopics(List.of(
                    new NewTopic(events, partitions, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(EventsViewConsumer.eventArticlesTopic(events), partitions, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(deadLetters, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    /** The sink's membership: {@code SELECT article_id, event_id FROM event_articles}, by article id. */
    static Map<String, String> sinkMembership(String jdbcUrl) throws SQLException {
        return byFirstColumn(jdbcUrl, "SELECT article_id, event_id FROM event_articles", rows -> rows.getString(2));
    }

    /** The sink's view: {@code SELECT event_id, version FROM events}, by event id. */
    static Map<String, Long> sinkVersions(String jdbcUrl) throws SQLException {
        return byFirstColumn(jdbcUrl, "SELECT event_id, version FROM events", rows -> rows.getLong(2));
    }

    /** A column reader that may fail as JDBC does. */
    private interface Column<V> {
        V read(ResultSet rows) throws SQLException;
    }

    private static <V> Map<String, V> byFirstColumn(String jdbcUrl, String sql, Column<V> value) throws SQLException {
        Map<String, V> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet result = s.executeQuery(sql)) {
            while (result.next()) {
                rows.put(result.getString(1), value.read(result));
            }
        }
        return rows;
    }
}
