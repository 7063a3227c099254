package io.newsflow.ingest.drops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the ingest process (SIGKILL, a real child JVM) while it works through a folder of a few
 * hundred files, restarts it, and checks that nothing was lost or doubled: every file ends in done/
 * or failed/, every article is on the topic, and each file's article has one id only.
 */
class DropFolderCrashTest {

    private static final int ARTICLES = 300;
    private static final int UNREADABLE = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static TestBroker broker;

    @TempDir
    Path work;

    @BeforeAll
    static void startBroker(@TempDir Path brokerDir) {
        broker = TestBroker.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aKilledInstanceLosesAndDoublesNothing() throws Exception {
        Path root = Files.createDirectories(work.resolve("drop"));
        Map<String, String> expectedIdByFile = new HashMap<>();
        for (int i = 0; i < ARTICLES; i++) {
            String name = String.format("article-%03d.txt", i);
            Path file = Files.writeString(root.resolve(name), article(i));
            expectedIdByFile.put(name, ArticleFiles.parse(file).get(0).getArticleId());
        }
        for (int i = 0; i < UNREADABLE; i++) {
            Files.writeString(root.resolve("empty-" + i + ".txt"), "");
        }
        Topics topics = new Topics("crash-", null);

        long startNanos = System.nanoTime();
        Process first = startIngest(root, "first");
        assertThat(Eventually.holds(() -> count(root.resolve("done")) >= 30, TIMEOUT))
                .as("the first instance produced some files").isTrue();
        System.out.printf("crash test: first files done after %d ms%n", (System.nanoTime() - startNanos) / 1_000_000);
        first.destroyForcibly().waitFor();
        long doneAtKill = count(root.resolve("done"));
        long processingAtKill = countInProcessing(root);
        assertThat(doneAtKill).as("killed in the middle of the folder").isLessThan(ARTICLES);
        assertThat(processingAtKill).as("files claimed but not yet filed when killed").isPositive();
        System.out.printf("crash test: killed with %d done, %d in processing%n", doneAtKill, processingAtKill);
        long restartNanos = System.nanoTime();

        Process second = startIngest(root, "second");
        try {
            assertThat(Eventually.holds(() -> count(root.resolve("done")) == ARTICLES
                    && count(root.resolve("failed")) == 2 * UNREADABLE && processingIsEmpty(root), TIMEOUT))
                    .as("every file filed after the restart").isTrue();
            System.out.printf("crash test: restart filed the rest in %d ms%n", (System.nanoTime() - restartNanos) / 1_000_000);
        } finally {
            second.destroy();
            second.waitFor();
        }
        assertThat(count(root)).as("nothing left in the drop folder").isZero();

        List<ConsumerRecord<String, RawArticle>> records = broker.readUntil(topics.rawArticles(),
                read -> new HashSet<>(read.stream().map(ConsumerRecord::key).toList()).size() >= ARTICLES, TIMEOUT);
        Map<String, Set<String>> idsByFile = new HashMap<>();
        for (ConsumerRecord<String, RawArticle> record : records) {
            idsByFile.computeIfAbsent(record.value().getSourceId(), f -> new HashSet<>()).add(record.key());
        }
        assertThat(idsByFile.keySet()).isEqualTo(expectedIdByFile.keySet());
        for (Map.Entry<String, String> expected : expectedIdByFile.entrySet()) {
            assertThat(idsByFile.get(expected.getKey())).as("ids of %s", expected.getKey())
                    .containsExactly(expected.getValue());
        }
        // At-least-once: a record acknowledged just before the kill may be sent again, with the same id.
        assertThat(records.size()).isBetween(ARTICLES, ARTICLES + 300);
    }

    private Process startIngest(Path root, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsflow",
                DropFolderProcess.class.getName(), root.toString(), broker.bootstrapServers(), "crash-",
                // One record per request, one request at a time: slow enough to be killed midway.
                "batch.size=1024", "linger.ms=0", "max.in.flight.requests.per.connection=1"));
        File log = work.resolve(name + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static String article(int i) {
        return "Harbour report number " + i + "\n\n"
                + "Published: 2024-03-" + String.format("%02d", 1 + i % 28) + "\n\n"
                + "The harbour master counted " + (1000 + i) + " ships this week, the port authority said on Monday.\n\n"
                + "Fishermen said the weather had been kind, and that catches were up by " + (i % 17) + " percent.\n";
    }

    private static long count(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean processingIsEmpty(Path root) {
        return countInProcessing(root) == 0;
    }

    private static long countInProcessing(Path root) {
        try (Stream<Path> files = Files.walk(root.resolve("processing"))) {
            return files.filter(p -> Files.isRegularFile(p) && !p.toString().endsWith(".lock")).count();
        } catch (IOException e) {
            return -1;
        }
    }
}
