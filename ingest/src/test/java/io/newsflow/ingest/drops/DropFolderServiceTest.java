package io.newsflow.ingest.drops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.RawArticle;
import io.newsflow.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drop folder against a real broker: files in, acknowledged records out, files filed. */
class DropFolderServiceTest {

    private static final Path SEEDS = Path.of("../testdata/seeds");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static TestBroker broker;

    @TempDir
    Path root;

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
    void producesEachArticleOnceAndFilesEveryDrop() throws Exception {
        Topics topics = new Topics("t1-", null);
        List<Path> seeds = seedFiles();
        for (Path seed : seeds) {
            Files.copy(seed, root.resolve(seed.getFileName()));
        }
        Files.writeString(root.resolve("empty.txt"), "");
        Files.write(root.resolve("scan.txt"), new byte[] {0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, (byte) 0xFF, 0, 0, 7});
        Files.writeString(root.resolve("still-copying.txt.part"), "half an article");
        Files.writeString(root.resolve(".hidden.txt"), "A headline\n\nA paragraph that is long enough.");

        try (DropFolderService service = new DropFolderService(config(), broker.clientProperties(), topics)) {
            service.start();
            assertThat(Eventually.holds(() -> listNames(root.resolve("done")).size() == seeds.size()
                    && listNames(root.resolve("failed")).size() == 4, TIMEOUT)).as("all drops filed").isTrue();
            assertThat(service.healthy()).isTrue();

            // The same content again, under another name: reported, not produced again.
            Path again = root.resolve("again.txt");
            Files.copy(seeds.get(0), again);
            assertThat(Eventually.holds(() -> Files.exists(root.resolve("done/again.txt.report.txt")), TIMEOUT)).isTrue();
            assertThat(Files.readString(root.resolve("done/again.txt.report.txt")))
                    .contains(seeds.get(0).getFileName().toString());
        }

        List<ConsumerRecord<String, RawArticle>> articles = broker.readUntil(topics.rawArticles(),
                records -> records.size() >= seeds.size(), TIMEOUT);
        assertThat(articles).hasSize(seeds.size());
        assertThat(articles.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).hasSize(seeds.size());
        for (ConsumerRecord<String, RawArticle> record : articles) {
            assertThat(record.key()).isEqualTo(record.value().getArticleId());
            assertThat(record.value().getBody()).isNotBlank();
        }
        assertThat(articles.stream().map(r -> r.value().getSourceId()).collect(Collectors.toSet()))
                .isEqualTo(seeds.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()));

        assertThat(listNames(root.resolve("failed"))).containsExactlyInAnyOrder("empty.txt", "empty.txt.error.txt",
                "scan.txt", "scan.txt.error.txt");
        assertThat(Files.readString(root.resolve("failed/empty.txt.error.txt"))).contains("empty");
        assertThat(Files.readString(root.resolve("failed/scan.txt.error.txt"))).contains("binary");
        assertThat(root.resolve("still-copying.txt.part")).exists();
        assertThat(root.resolve(".hidden.txt")).exists();

        List<ConsumerRecord<String, DeadLetter>> deadLetters = broker.readUntil(topics.deadLetters(),
                records -> records.size() >= 2, TIMEOUT);
        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters).allSatisfy(r -> assertThat(r.value().getStage()).isEqualTo("ingest"));
    }

    @Test
    void takesOverFilesLeftInProcessingByAStoppedInstance() throws Exception {
        Topics topics = new Topics("t2-", null);
        Path left = Files.createDirectories(root.resolve("processing/dead0001"));
        Files.copy(seedFiles().get(1), left.resolve("left-over.txt"));

        try (DropFolderService service = new DropFolderService(config(), broker.clientProperties(), topics)) {
            service.start();
            assertThat(Eventually.holds(() -> Files.exists(root.resolve("done/left-over.txt")), TIMEOUT)).isTrue();
        }
        assertThat(left).doesNotExist();
        List<ConsumerRecord<String, RawArticle>> articles = broker.readUntil(topics.rawArticles(),
                records -> !records.isEmpty(), TIMEOUT);
        assertThat(articles).hasSize(1);
        assertThat(articles.get(0).value().getSourceId()).isEqualTo("left-over.txt");
    }

    @Test
    void aBadLineIsADeadLetterAndTheGoodLinesStillGo() throws Exception {
        Topics topics = new Topics("t3-", null);
        Files.writeString(root.resolve("batch.jsonl"), """
                {"title": "First", "body": "The first article says something worth reading.", "url": "https://example.org/a?utm_source=x"}
                {"title": "Broken", "body":
                {"title": "Third", "body": "The third article says something else.", "source": "Example Wire"}
                """, StandardCharsets.UTF_8);

        try (DropFolderService service = new DropFolderService(config(), broker.clientProperties(), topics)) {
            service.start();
            assertThat(Eventually.holds(() -> Files.exists(root.resolve("done/batch.jsonl")), TIMEOUT)).isTrue();
        }
        List<ConsumerRecord<String, RawArticle>> articles = broker.readUntil(topics.rawArticles(),
                records -> records.size() >= 2, TIMEOUT);
        assertThat(articles).extracting(r -> r.value().getTitle()).containsExactlyInAnyOrder("First", "Third");
        assertThat(articles).filteredOn(r -> r.value().getTitle().equals("First")).singleElement()
                .satisfies(r -> assertThat(r.value().getCanonicalUrl()).isEqualTo("https://example.org/a"));
        List<ConsumerRecord<String, DeadLetter>> deadLetters = broker.readUntil(topics.deadLetters(),
                records -> !records.isEmpty(), TIMEOUT);
        assertThat(deadLetters).singleElement().satisfies(r -> assertThat(r.value().getMessage()).contains("line 2"));
        assertThat(Files.readString(root.resolve("done/batch.jsonl.report.txt"))).contains("line 2");
    }

    @Test
    void waitsForAFileStillBeingWritten() throws Exception {
        Topics topics = new Topics("t4-", null);
        DropFolderConfig slow = new DropFolderConfig(root, Duration.ofMillis(50), Duration.ofSeconds(2), 1 << 20, false);
        Path growing = root.resolve("growing.txt");
        Files.writeString(growing, "Headline\n\nA first paragraph.");

        try (DropFolderService service = new DropFolderService(slow, broker.clientProperties(), topics)) {
            service.start();
            // While the writer keeps touching the file it is not taken.
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < until) {
                Files.setLastModifiedTime(growing, FileTime.from(Instant.now()));
                assertThat(growing).exists();
                Eventually.holds(() -> false, Duration.ofMillis(100));
            }
            Files.writeString(growing, "Headline\n\nA first paragraph.\n\nAnd a second one.");
            assertThat(Eventually.holds(() -> Files.exists(root.resolve("done/growing.txt")), TIMEOUT)).isTrue();
        }
        List<ConsumerRecord<String, RawArticle>> articles = broker.readUntil(topics.rawArticles(),
                records -> !records.isEmpty(), TIMEOUT);
        assertThat(articles).singleElement().satisfies(r -> assertThat(r.value().getBody()).contains("second one"));
    }

    @Test
    void twoInstancesSharingAFolderNeverTakeTheSameFile() throws Exception {
        Topics topics = new Topics("t5-", null);
        int files = 120;
        for (int i = 0; i < files; i++) {
            Files.writeString(root.resolve(String.format("shared-%03d.txt", i)),
                    "Shared headline " + i + "\n\nParagraph number " + i + " of the shared folder test.\n");
        }
        try (DropFolderService one = new DropFolderService(config(), broker.clientProperties(), topics);
             DropFolderService two = new DropFolderService(config(), broker.clientProperties(), topics)) {
            one.start();
            two.start();
            assertThat(Eventually.holds(() -> listNames(root.resolve("done")).size() == files, TIMEOUT)).isTrue();
        }
        List<ConsumerRecord<String, RawArticle>> articles = broker.readUntil(topics.rawArticles(),
                records -> records.size() >= files, TIMEOUT);
        // Read a little longer: a file taken twice would show up as a record too many.
        List<ConsumerRecord<String, RawArticle>> settled = broker.readUntil(topics.rawArticles(),
                records -> false, Duration.ofSeconds(2));
        assertThat(settled).hasSize(files);
        assertThat(articles.stream().map(r -> r.value().getSourceId()).distinct().count()).isEqualTo(files);
    }

    @Test
    void deletesProducedFilesWhenConfiguredTo() throws Exception {
        Topics topics = new Topics("t6-", null);
        Files.copy(seedFiles().get(2), root.resolve("gone.txt"));
        DropFolderConfig deleting = new DropFolderConfig(root, Duration.ofMillis(50), Duration.ZERO, 1 << 20, true);
        try (DropFolderService service = new DropFolderService(deleting, broker.clientProperties(), topics)) {
            service.start();
            assertThat(Eventually.holds(() -> !Files.exists(root.resolve("gone.txt")) && processingIsEmpty(), TIMEOUT))
                    .isTrue();
        }
        assertThat(listNames(root.resolve("done"))).isEmpty();
        assertThat(broker.readUntil(topics.rawArticles(), records -> !records.isEmpty(), TIMEOUT)).hasSize(1);
    }

    @Test
    void neverFollowsASymbolicLink(@TempDir Path outside) throws Exception {
        Topics topics = new Topics("t7-", null);
        String secret = "SECRET-7f3a9c";
        Path passwd = Files.writeString(outside.resolve("passwd"), "root:x:0:0:" + secret + ":/root:/bin/bash\n"
                + "\nA paragraph that would make an article of the secret.\n");
        Path keys = Files.createDirectories(outside.resolve("keys"));
        Files.writeString(keys.resolve("id.txt"), "Key " + secret + "\n\nA private key paragraph.\n");
        Path secretJson = Files.writeString(outside.resolve("secret.json"), "{\"source\": \"" + secret + "\"}");
        Files.createSymbolicLink(root.resolve("passwd.txt"), passwd);
        Files.createSymbolicLink(root.resolve("keys"), keys);
        Files.writeString(root.resolve("story.txt"), "A harbour story\n\nThe harbour reopened on Monday.\n");
        Files.createSymbolicLink(root.resolve("story.txt.meta.json"), secretJson);
        Files.writeString(root.resolve("plain.txt"), "A plain story\n\nThe storm moved east overnight.\n");

        try (DropFolderService service = new DropFolderService(config(), broker.clientProperties(), topics)) {
            service.start();
            assertThat(Eventually.holds(() -> listNames(root.resolve("done")).contains("plain.txt")
                    && listNames(root.resolve("failed")).containsAll(Set.of("passwd.txt", "keys", "story.txt")), TIMEOUT))
                    .as("links filed in failed/, the plain file produced").isTrue();
            assertThat(service.healthy()).isTrue();
        }
        assertThat(Files.isSymbolicLink(root.resolve("failed/passwd.txt"))).isTrue();
        assertThat(Files.readString(root.resolve("failed/passwd.txt.error.txt"))).contains("symbolic link");
        assertThat(Files.readString(root.resolve("failed/story.txt.error.txt"))).contains("symbolic link");
        assertThat(passwd).exists();

        List<ConsumerRecord<String, DeadLetter>> deadLetters = broker.readUntil(topics.deadLetters(),
                records -> records.size() >= 3, TIMEOUT);
        assertThat(deadLetters).hasSize(3).allSatisfy(r -> {
            assertThat(r.value().getMessage()).contains("symbolic link").doesNotContain(secret);
            assertThat(r.value().getOriginalBytes() == null ? "" : StandardCharsets.UTF_8.decode(r.value().getOriginalBytes())
                    .toString()).doesNotContain(secret);
        });
        List<ConsumerRecord<String, RawArticle>> articles = broker.readUntil(topics.rawArticles(),
                records -> false, Duration.ofSeconds(2));
        assertThat(articles).extracting(r -> r.value().getTitle()).containsExactly("A plain story");
        assertThat(articles.get(0).value().toString()).doesNotContain(secret);
    }

    @Test
    void deadLettersOfOneFileAreCappedWithOneSummary() throws Exception {
        Topics topics = new Topics("t8-", null);
        int cap = 20;
        int bad = 5000;
        StringBuilder lines = new StringBuilder("{\"title\": \"Good\", \"body\": \"The one good line of the file.\"}\n");
        for (int i = 0; i < bad; i++) {
            lines.append("{\"title\": \"Broken ").append(i).append("\", \"body\":\n");
        }
        Files.writeString(root.resolve("bad.jsonl"), lines, StandardCharsets.UTF_8);
        DropFolderConfig capped = new DropFolderConfig(root, Duration.ofMillis(50), Duration.ZERO, 1 << 20, false, cap);

        try (DropFolderService service = new DropFolderService(capped, broker.clientProperties(), topics)) {
            service.start();
            assertThat(Eventually.holds(() -> Files.exists(root.resolve("done/bad.jsonl")), TIMEOUT)).isTrue();
        }
        List<ConsumerRecord<String, DeadLetter>> deadLetters = broker.readUntil(topics.deadLetters(),
                records -> false, Duration.ofSeconds(3));
        assertThat(deadLetters).hasSize(cap + 1);
        assertThat(deadLetters).filteredOn(r -> r.value().getErrorClass().equals("unreadable-records")).singleElement()
                .satisfies(r -> assertThat(r.value().getMessage()).contains((bad - cap) + " more unreadable records in bad.jsonl")
                        .contains("line " + (cap + 2)));
        List<String> report = Files.readAllLines(root.resolve("done/bad.jsonl.report.txt"));
        assertThat(report).hasSizeLessThanOrEqualTo(cap + 2);
        assertThat(broker.readUntil(topics.rawArticles(), records -> !records.isEmpty(), TIMEOUT))
                .extracting(r -> r.value().getTitle()).containsExactly("Good");
    }

    @Test
    void savedFeedsAreReadLikeTheFeedReaderReadsThem() throws Exception {
        Topics topics = new Topics("t9-", null);
        // RSS 0.91 as Netscape published it, DOCTYPE and all: plain Rome refuses any DOCTYPE.
        Files.writeString(root.resolve("netscape.rss"), """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
                  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel><title>Old Wire</title><link>https://old.example/</link>
                <description>News</description><language>en-us</language>
                <item><title>Harbour reopens</title><link>https://old.example/harbour</link>
                <description>The harbour reopened on Monday after three days of closure.</description></item>
                </channel></rss>
                """, StandardCharsets.ISO_8859_1);
        // Junk before the prolog, an unescaped ampersand and an HTML entity: what the reader repairs.
        Files.writeString(root.resolve("messy.xml"), """

                \uFEFF<?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Tom & Jerry News</title><link>https://messy.example/</link>
                <description>News</description>
                <item><title>Storm passes&nbsp;east</title><link>https://messy.example/storm?a=1&b=2</link>
                <description>The storm moved east overnight & the ferries sail again.</description></item>
                </channel></rss>
                """, StandardCharsets.UTF_8);

        try (DropFolderService service = new DropFolderService(config(), broker.clientProperties(), topics)) {
            service.start();
            assertThat(Eventually.holds(() -> listNames(root.resolve("done")).containsAll(Set.of("netscape.rss", "messy.xml")),
                    TIMEOUT)).as("both feeds produced").isTrue();
        }
        List<ConsumerRecord<String, RawArticle>> articles = broker.readUntil(topics.rawArticles(),
                records -> records.size() >= 2, TIMEOUT);
        assertThat(articles).extracting(r -> r.value().getTitle())
                .containsExactlyInAnyOrder("Harbour reopens", "Storm passes east");
        assertThat(articles).extracting(r -> r.value().getMetadata().get("source"))
                .containsExactlyInAnyOrder("Old Wire", "Tom & Jerry News");
    }

    @Test
    void anArticleOverARecordsSizeIsCutToFitAndTheFolderCarriesOn() throws Exception {
        Topics topics = new Topics("t10-", null);
        StringBuilder page = new StringBuilder("<html><head><title>A very long report</title></head><body><article>"
                + "<h1>A very long report</h1>");
        for (int i = 0; page.length() < 1_600_000; i++) {
            page.append("<p>Paragraph ").append(i).append(" of the long report: ")
                    .append("the committee heard evidence on the harbour works and the budget. ".repeat(6)).append("</p>\n");
        }
        page.append("</article></body></html>");
        Files.writeString(root.resolve("a-big.html"), page, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("b-small.txt"), "A small story\n\nThe storm moved east overnight.\n");
        DropFolderConfig large = new DropFolderConfig(root, Duration.ofMillis(50), Duration.ZERO, 10 << 20, false);

        try (DropFolderService service = new DropFolderService(large, broker.clientProperties(), topics)) {
            service.start();
            assertThat(Eventually.holds(() -> listNames(root.resolve("done")).containsAll(Set.of("a-big.html", "b-small.txt")),
                    TIMEOUT)).as("both files produced").isTrue();
            assertThat(service.healthy()).isTrue();
        }
        List<ConsumerRecord<String, RawArticle>> articles = broker.readUntil(topics.rawArticles(),
                records -> records.size() >= 2, TIMEOUT);
        assertThat(articles).extracting(r -> r.value().getTitle())
                .containsExactlyInAnyOrder("A very long report", "A small story");
        RawArticle big = articles.stream().map(ConsumerRecord::value).filter(a -> a.getTitle().startsWith("A very"))
                .findFirst().orElseThrow();
        assertThat(big.getRawHtml()).isNull();
        assertThat(big.getMetadata().get("truncated")).contains("raw HTML dropped").contains("body cut");
        assertThat(big.getBody()).startsWith("Paragraph 0 of the long report").hasSizeGreaterThan(900_000)
                .endsWith("the budget.");
        assertThat(Files.readString(root.resolve("done/a-big.html.report.txt"))).contains("cut to fit");
    }

    @Test
    void aRecordTheBrokerRefusesIsNoOutage() throws Exception {
        Topics topics = new Topics("t11-", null);
        try (Admin admin = Admin.create(broker.clientProperties())) {
            // The broker's limit below the producer's: the broker itself refuses the record.
            admin.createTopics(List.of(new NewTopic(topics.rawArticles().name(), 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "100000")))).all().get();
        }
        Files.writeString(root.resolve("a-big.txt"), "A long story\n\n" + "A paragraph of the long story. ".repeat(10_000));
        Files.writeString(root.resolve("b-small.txt"), "A small story\n\nThe storm moved east overnight.\n");

        try (DropFolderService service = new DropFolderService(config(), broker.clientProperties(), topics)) {
            service.start();
            assertThat(Eventually.holds(() -> listNames(root.resolve("done")).contains("b-small.txt")
                    && listNames(root.resolve("failed")).contains("a-big.txt"), TIMEOUT)).as("both files filed").isTrue();
            assertThat(service.healthy()).isTrue();
        }
        assertThat(Files.readString(root.resolve("failed/a-big.txt.error.txt"))).contains("RecordTooLargeException");
        assertThat(broker.readUntil(topics.rawArticles(), records -> !records.isEmpty(), TIMEOUT))
                .extracting(r -> r.value().getTitle()).containsExactly("A small story");
        assertThat(broker.readUntil(topics.deadLetters(), records -> !records.isEmpty(), TIMEOUT)).singleElement()
                .satisfies(r -> assertThat(r.value().getErrorClass()).isEqualTo("refused-by-broker"));
    }

    private boolean processingIsEmpty() {
        try (Stream<Path> files = Files.walk(root.resolve("processing"))) {
            return files.noneMatch(p -> Files.isRegularFile(p) && !p.toString().endsWith(".lock"));
        } catch (IOException e) {
            return false;
        }
    }

    private DropFolderConfig config() {
        return new DropFolderConfig(root, Duration.ofMillis(50), Duration.ZERO, 1 << 20, false);
    }

    private static List<Path> seedFiles() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static Set<String> listNames(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
