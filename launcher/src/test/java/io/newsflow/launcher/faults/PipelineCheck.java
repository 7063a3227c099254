package io.newsflow.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.sink.files.JsonlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the pipeline made of the dropped files, read from each of its outputs, and the exact counts a fault must
 * not change: every dropped file one article, in exactly one live event; the database holding exactly the live
 * events of the topic at their latest version, each article once; the JSON Lines files, folded as a reader folds
 * them, equal to the database.
 */
final class PipelineCheck implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The figures a scenario reports. */
    record Counts(int articles, int liveEvents, long topicRecords, int databaseRows, int jsonlLines,
                  int multiArticleEvents) {
        @Override
        public String toString() {
            return "articles=" + articles + " live_events=" + liveEvents + " topic_records=" + topicRecords
                    + " db_event_rows=" + databaseRows + " jsonl_lines=" + jsonlLines
                    + " events_with_several_articles=" + multiArticleEvents;
        }
    }

    private final Set<String> expectedIds;
    private final EventsTopic topic;
    private final String jdbcUrl;
    private final Path work;

    PipelineCheck(List<String> expectedIds, EventsTopic topic, String jdbcUrl, Path work) {
        this.expectedIds = Set.copyOf(expectedIds);
        assertThat(this.expectedIds).as("generated articles are distinct").hasSameSizeAs(expectedIds);
        this.topic = topic;
        this.jdbcUrl = jdbcUrl;
        this.work = work;
    }

    /** Articles placed in the database so far (for progress logs; 0 while it is unreachable). */
    int articlesInDatabase() {
        try {
            return Integer.parseInt(query("SELECT count(*) FROM event_articles").get(0).get(0));
        } catch (SQLException e) {
            return 0;
        }
    }

    /** True once every article is placed in the topic and the database holds the topic's live events. */
    boolean caughtUp() throws SQLException {
        if (!topic.catchUp()) {
            return false;
        }
        Map<String, NewsEvent> live = topic.live();
        Set<String> placed = live.values().stream().flatMap(e -> e.getArticles().stream())
                .map(EventArticle::getArticleId).collect(Collectors.toSet());
        return placed.equals(expectedIds) && databaseVersions().equals(versions(live));
    }

    /** The exact counts, once the sink has stopped cleanly (its JSON Lines files are all published). */
    Counts assertExactlyOnce() throws SQLException {
        assertThat(topic.catchUp()).as("the events topic can be read to its end").isTrue();
        Map<String, NewsEvent> live = topic.live();

        // The topic: each article in exactly one live event, once.
        List<String> topicArticles = live.values().stream().flatMap(e -> e.getArticles().stream())
                .map(EventArticle::getArticleId).toList();
        assertThat(duplicates(topicArticles)).as("articles in two live events (or twice in one) on the topic").isEmpty();
        assertThat(new HashSet<>(topicArticles)).as("articles placed on the topic").isEqualTo(expectedIds);

        // The database: the topic's live events at their latest version, each article once.
        Map<String, Long> databaseVersions = databaseVersions();
        assertThat(databaseVersions).as("database events and versions = topic's live events").isEqualTo(versions(live));
        List<String> dbArticles = query("SELECT article_id FROM event_articles").stream().map(r -> r.get(0)).toList();
        assertThat(duplicates(dbArticles)).as("article rows twice in the database").isEmpty();
        assertThat(new HashSet<>(dbArticles)).as("articles in the database").isEqualTo(expectedIds);
        assertThat(query("SELECT event_id, count(*) FROM events GROUP BY event_id HAVING count(*) > 1"))
                .as("duplicate event rows").isEmpty();

        // The files: folded as a reader folds them (the last line of each event id wins), equal to the database.
        List<JsonNode> lines = jsonlLines();
        Map<String, JsonNode> folded = new TreeMap<>();
        for (JsonNode line : lines) {
            if (line.path("tombstone").asBoolean()) {
                folded.remove(line.get("eventId").asText());
            } else {
                folded.merge(line.get("eventId").asText(), line,
                        (old, now) -> now.get("version").asLong() >= old.get("version").asLong() ? now : old);
            }
        }
        assertThat(folded).as("JSON Lines files folded = PostgreSQL's snapshots").isEqualTo(databaseSnapshots());

        int multi = (int) live.values().stream().filter(e -> e.getArticles().size() > 1).count();
        return new Counts(topicArticles.size(), live.size(), topic.records(), databaseVersions.size(), lines.size(),
                multi);
    }

    /** Article files filed in done/ so far. */
    long filesDone(Path dropDir) {
        return regularFiles(dropDir.resolve("done")).stream().filter(p -> p.toString().endsWith(".txt")).count();
    }

    /** Files in processing/ (claimed, not yet filed). */
    long filesInProcessing(Path dropDir) {
        return walk(dropDir.resolve("processing")).stream().filter(p -> !p.toString().endsWith(".lock")).count();
    }

    /** Drop folder: every file filed in done/, none failed, none left in processing/ or the folder itself. */
    void assertEveryFileDone(Path dropDir, int files) {
        assertThat(regularFiles(dropDir.resolve("done")).stream().filter(p -> p.toString().endsWith(".txt")).count())
                .as("files in done/").isEqualTo(files);
        assertThat(regularFiles(dropDir.resolve("failed"))).as("files in failed/").isEmpty();
        assertThat(filesInProcessing(dropDir)).as("files left in processing/").isZero();
        assertThat(regularFiles(dropDir).stream().filter(p -> !p.getFileName().toString().startsWith(".")).toList())
                .as("files left in the drop folder").isEmpty();
    }

    private Map<String, Long> databaseVersions() throws SQLException {
        Map<String, Long> versions = new TreeMap<>();
        for (List<String> row : query("SELECT event_id, version FROM events")) {
            versions.put(row.get(0), Long.parseLong(row.get(1)));
        }
        return versions;
    }

    private Map<String, JsonNode> databaseSnapshots() throws SQLException {
        Map<String, JsonNode> snapshots = new TreeMap<>();
        for (List<String> row : query("SELECT event_id, snapshot::text FROM events")) {
            snapshots.put(row.get(0), parse(row.get(1)));
        }
        return snapshots;
    }

    private static Map<String, Long> versions(Map<String, NewsEvent> live) {
        Map<String, Long> versions = new TreeMap<>();
        live.forEach((id, event) -> versions.put(id, event.getVersion()));
        return versions;
    }

    private List<JsonNode> jsonlLines() {
        List<JsonNode> lines = new ArrayList<>();
        List<Path> files = regularFiles(ServiceProcesses.jsonlDir(work)).stream()
                .filter(p -> p.getFileName().toString().endsWith(JsonlFiles.SUFFIX)).sorted().toList();
        for (Path file : files) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        lines.add(parse(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    private static List<String> duplicates(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    private List<List<String>> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static List<Path> regularFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> walk(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        topic.close();
    }
}
