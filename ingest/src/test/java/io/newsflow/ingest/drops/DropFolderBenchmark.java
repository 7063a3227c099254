package io.newsflow.ingest.drops;

import io.newsflow.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Files per second and MB/s from the drop folder to acknowledged records, on a real single-node
 * broker: 10,000 small text files, then 1,000 HTML pages (the benchmark pages of the extraction
 * test, each made unique). A benchmark, not a test: run it by hand, e.g.
 * {@code java -cp <test class path> io.newsflow.ingest.drops.DropFolderBenchmark [textFiles] [htmlPages]}.
 */
public final class DropFolderBenchmark {

    private DropFolderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int textFiles = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int htmlPages = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path work = Files.createTempDirectory("newsflow-bench");
        try (TestBroker broker = TestBroker.start(work.resolve("kafka"))) {
            run("warm-up (500 text files)", work.resolve("warm"), broker, "warm-", writeText(work.resolve("warm"), 500));
            run(textFiles + " small text files", work.resolve("text"), broker, "text-",
                    writeText(work.resolve("text"), textFiles));
            run(htmlPages + " HTML pages", work.resolve("html"), broker, "html-", writeHtml(work.resolve("html"), htmlPages));
        }
    }

    private static void run(String label, Path root, TestBroker broker, String prefix, long bytes) throws Exception {
        long files;
        try (Stream<Path> list = Files.list(root)) {
            files = list.count();
        }
        DropFolderConfig config = new DropFolderConfig(root, Duration.ofMillis(20), Duration.ZERO, 10 << 20, false);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        try (DropFolderService service = new DropFolderService(config, broker.clientProperties(), new Topics(prefix, null))) {
            service.start();
            long total = files;
            if (!Eventually.holds(() -> count(root.resolve("done")) == total, Duration.ofMinutes(20))) {
                throw new IllegalStateException("not all files were produced: " + count(root.resolve("done")));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        // CPU time of the whole JVM (ingest and the in-process broker): on a shared machine wall time says little.
        System.out.printf("%s: %d files, %.1f MB in %.2f s = %.0f files/s, %.2f MB/s (process CPU %.1f s = %.2f ms/file)%n",
                label, files, bytes / 1e6, seconds, files / seconds, bytes / 1e6 / seconds, cpuSeconds,
                cpuSeconds * 1000 / files);
    }

    private static long writeText(Path root, int count) throws IOException {
        Files.createDirectories(root);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            String text = "Harbour report number " + i + "\n\nPublished: 2024-03-" + String.format("%02d", 1 + i % 28) + "\n\n"
                    + ("The harbour master counted " + (1000 + i) + " ships this week, the port authority said. "
                    + "Fishermen said the weather had been kind and catches were up.\n\n").repeat(4)
                    + "Related news\n\nCopyright © 2024 Example Gazette. All rights reserved.\n";
            bytes += Files.write(root.resolve(String.format("article-%05d.txt", i)), text.getBytes(StandardCharsets.UTF_8)).toFile().length();
        }
        return bytes;
    }

    private static long writeHtml(Path root, int count) throws IOException {
        Files.createDirectories(root);
        List<String> pages = List.of("14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f",
                "359fee228518d55b921194561e9ca88e428df81940246f8fac7a75398377daea",
                "0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2",
                "4648a420af9984d45b76a4afedf4f74965f8a2e0bf1c69bd3da2dc189020f3c9",
                "7916ecca969ffdd8f6fc32d171fbe0dd63db40fe4c1d2ade02b1dec5929a162f",
                "42aad16bde9288623543642a9ce1a396be83e2db44aa2ff8cbbfe46e14abd7cc");
        byte[][] html = new byte[pages.size()][];
        for (int i = 0; i < pages.size(); i++) {
            try (InputStream in = new GZIPInputStream(DropFolderBenchmark.class.getResourceAsStream(
                    "/extraction/" + pages.get(i) + ".html.gz"))) {
                html[i] = in.readAllBytes();
            }
        }
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            // A unique comment and canonical URL per copy: each copy is a different article.
            String page = new String(html[i % html.length], StandardCharsets.ISO_8859_1)
                    .replaceFirst("(?i)<head>", "<head><link rel=\"canonical\" href=\"https://bench.example/" + i + "\">"
                            + "<meta property=\"og:title\" content=\"Benchmark copy " + i + "\">");
            bytes += Files.write(root.resolve(String.format("page-%04d.html", i)),
                    page.getBytes(StandardCharsets.ISO_8859_1)).toFile().length();
        }
        return bytes;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long count(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
