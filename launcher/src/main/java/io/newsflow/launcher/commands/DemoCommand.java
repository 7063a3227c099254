package io.newsflow.launcher.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.pipeline.EventWatcher;
import io.newsflow.launcher.pipeline.KafkaConnection;
import io.newsflow.launcher.pipeline.Pipeline;
import io.newsflow.launcher.pipeline.Stages;
import io.newsflow.launcher.pipeline.TopicSetup;
import io.newsflow.schemas.NewsEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.apache.commons.io.FileUtils;

@Command(name = "demo", description = "Run the whole pipeline once on an embedded broker over the bundled sample "
        + "articles, print the events found, and exit.")
public final class DemoCommand implements Callable<Integer> {

    private static final String SAMPLES = "/samples/seeds/";

    @Option(names = "--timeout", defaultValue = "PT2M", description = "How long to wait for the events (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        Settings base = Settings.fromEnvironment().validated();
        Path work = base.workDir().resolve("demo");
        FileUtils.deleteDirectory(work.toFile());
        Settings settings = base
                .with(Setting.KAFKA_BOOTSTRAP_SERVERS, "")
                .with(Setting.NEWSFLOW_WORK_DIR, work.toString())
                .with(Setting.NEWSFLOW_DROP_DIR, work.resolve("drop").toString())
                .with(Setting.NEWSFLOW_SINK_JSONL_DIR, work.resolve("events").toString())
                .with(Setting.NEWSFLOW_SINK_JDBC_URL, "")
                .with(Setting.NEWSFLOW_STATE_DIR, "")
                .with(Setting.NEWSFLOW_HTTP_PORT, "-1");
        PrintStream out = System.out;

        List<String> sampleNames = sampleNames();
        Path samples = Files.createDirectories(work.resolve("samples"));
        Map<String, String> fileOfArticle = new LinkedHashMap<>();
        for (String name : sampleNames) {
            Path file = samples.resolve(name);
            try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + name)) {
                Files.copy(in, file);
            }
            fileOfArticle.put(ArticleFiles.parse(file).get(0).getArticleId(), name);
        }

        PrintStream progress = System.err; // stdout carries the events
        progress.println("demo: [1/4] starting an embedded Kafka broker in " + work.resolve("kafka"));
        try (KafkaConnection kafka = KafkaConnection.connectOrEmbed(settings, KafkaConnection.ANY_PORT)) {
            TopicSetup.ensure(kafka.clientProperties(), settings.topics(), 1, settings.seenItemsRetention());
            try (Pipeline pipeline = new Pipeline(List.of(
                    Stages.ingest(settings, kafka.clientProperties()),
                    Stages.enrich(settings, kafka.clientProperties()),
                    Stages.sink(settings, kafka.clientProperties())));
                 EventWatcher watcher = new EventWatcher(kafka.clientProperties(), settings.topics())) {
                progress.println("demo: [2/4] starting ingest, enrich and sink");
                pipeline.start();
                Path drop = Files.createDirectories(settings.dropFolder().root());
                progress.println("demo: [3/4] dropping " + sampleNames.size() + " sample articles into " + drop);
                for (String name : sampleNames) {
                    // Written beside the folder's files under a temporary name, then renamed into place.
                    Path partial = drop.resolve(name + ".part");
                    Files.copy(samples.resolve(name), partial);
                    Files.move(partial, drop.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                }
                progress.println("demo: [4/4] waiting for their events (at most " + timeout + ")");
                boolean complete = watcher.awaitArticles(fileOfArticle.keySet(), Duration.ofSeconds(3), timeout);
                printEvents(out, watcher.events(), fileOfArticle);
                out.printf("JSON Lines output: %s%n", settings.sink().jsonlDir().toAbsolutePath());
                if (!complete) {
                    System.err.println("demo: not every sample article reached an event within " + timeout);
                    return 1;
                }
                return 0;
            }
        }
    }

    static void printEvents(PrintStream out, List<NewsEvent> events, Map<String, String> fileOfArticle) {
        out.printf("%n%d events from %d articles%n%n", events.size(), fileOfArticle.size());
        String format = "%-4s %-26s %-24s %s%n";
        out.printf(format, "#", "SOURCES", "COUNTRIES", "OFFICIALS");
        int n = 0;
        for (NewsEvent event : events) {
            n++;
            List<String> sources = new ArrayList<>();
            event.getArticles().forEach(a -> sources.add(fileOfArticle.getOrDefault(a.getArticleId(), a.getSource())));
            List<String> countries = event.getCountries().stream().map(c -> c.getCode() + "×" + c.getMentions()).toList();
            List<String> officials = event.getOfficials().stream()
                    .map(o -> o.getName() + (o.getCountry() == null ? "" : " (" + o.getCountry() + ")")).toList();
            out.printf("%-4s %s%n", n + ".", "\"" + event.getTitle() + "\"  [" + event.getEventId() + ", v" + event.getVersion() + "]");
            int rows = Math.max(sources.size(), Math.max(chunks(countries).size(), officials.size()));
            List<String> countryRows = chunks(countries);
            for (int i = 0; i < Math.max(rows, 1); i++) {
                out.printf(format, "",
                        i < sources.size() ? sources.get(i) : "",
                        i < countryRows.size() ? countryRows.get(i) : "",
                        i < officials.size() ? officials.get(i) : "");
            }
            out.println();
        }
    }

    private static List<String> chunks(List<String> items) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String item : items) {
            if (row.length() + item.length() + 1 > 24 && row.length() > 0) {
                rows.add(row.toString());
                row.setLength(0);
            }
            row.append(row.length() == 0 ? "" : " ").append(item);
        }
        if (row.length() > 0) {
            rows.add(row.toString());
        }
        return rows;
    }

    private static List<String> sampleNames() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + "labels.json")) {
            JsonNode labels = new ObjectMapper().readTree(in);
            List<String> names = new ArrayList<>();
            labels.path("articles").fieldNames().forEachRemaining(names::add);
            names.sort(Comparator.naturalOrder());
            return names;
        }
    }
}
