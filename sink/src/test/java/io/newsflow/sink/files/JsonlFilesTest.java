package io.newsflow.sink.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlFilesTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));

    @Test
    void linesStayInProgressUntilRotationThenArePublishedWhole() throws IOException {
        JsonlFiles files = new JsonlFiles(dir, 1_000_000, Duration.ofMinutes(1), clock);
        files.append(List.of("{\"a\":1}", "{\"a\":2}"));
        files.sync();

        assertThat(files(JsonlFiles.SUFFIX)).isEmpty();
        assertThat(files(JsonlFiles.IN_PROGRESS_SUFFIX)).hasSize(1);

        clock.advance(Duration.ofSeconds(59));
        files.rotateIfDue();
        assertThat(files(JsonlFiles.SUFFIX)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        files.rotateIfDue();
        assertThat(files(JsonlFiles.IN_PROGRESS_SUFFIX)).isEmpty();
        assertThat(publishedLines()).containsExactly("{\"a\":1}", "{\"a\":2}");
    }

    @Test
    void rotatesBySizeWithoutSplittingALine() throws IOException {
        JsonlFiles files = new JsonlFiles(dir, 20, Duration.ofHours(1), clock);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add("{\"n\":" + i + "}"); // 8 bytes + newline
        }
        files.append(lines);
        files.close();

        List<Path> published = files(JsonlFiles.SUFFIX);
        assertThat(published).hasSize(5);
        for (Path file : published) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(20);
        }
        assertThat(publishedLines()).isEqualTo(lines);
    }

    @Test
    void aLineLargerThanTheLimitGetsAFileOfItsOwn() throws IOException {
        JsonlFiles files = new JsonlFiles(dir, 10, Duration.ofHours(1), clock);
        files.append(List.of("{}", "{\"long\":\"" + "x".repeat(50) + "\"}", "{}"));
        files.close();
        assertThat(files(JsonlFiles.SUFFIX)).hasSize(3);
    }

    @Test
    void afterACrashTheUnfinishedFileIsCutToItsLastWholeLineAndPublished() throws IOException {
        Path leftover = dir.resolve("events-20260601T000000000Z-000001" + JsonlFiles.IN_PROGRESS_SUFFIX);
        Files.writeString(leftover, "{\"a\":1}\n{\"a\":2}\n{\"a\":", StandardCharsets.UTF_8);
        Path empty = dir.resolve("events-20260601T000000000Z-000002" + JsonlFiles.IN_PROGRESS_SUFFIX);
        Files.writeString(empty, "{\"half", StandardCharsets.UTF_8);

        JsonlFiles files = new JsonlFiles(dir, 1000, Duration.ofHours(1), clock);
        files.append(List.of("{\"a\":3}"));
        files.close();

        assertThat(files(JsonlFiles.IN_PROGRESS_SUFFIX)).isEmpty();
        assertThat(files(JsonlFiles.SUFFIX)).hasSize(2);
        assertThat(publishedLines()).containsExactly("{\"a\":1}", "{\"a\":2}", "{\"a\":3}");
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private List<String> publishedLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : files(JsonlFiles.SUFFIX)) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
