package io.newsflow.ingest.feeds.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFileParserTest {

    @Test
    void printsOneLinePerFileAndTheSummaryLast(@TempDir Path dir) throws Exception {
        Path guardian = dir.resolve("guardian.rss");
        Files.write(guardian, FeedDocumentParserTest.resource("real-captures/guardian.rss"));
        Path html = dir.resolve("page.rss");
        Files.write(html, FeedDocumentParserTest.resource("real-captures/unrecognized.rss"));
        Path xxe = dir.resolve("xxe.xml");
        Files.writeString(xxe, "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel>&e;</channel></rss>");
        Path missing = dir.resolve("missing.xml");

        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = FeedFileParser.run(List.of(guardian, html, xxe, missing), new PrintStream(buffer, true, StandardCharsets.UTF_8));

        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith(guardian + ": ok type=rss_2.0 items=");
        assertThat(lines.get(1)).startsWith(html + ": rejected ");
        assertThat(lines.get(2)).startsWith(xxe + ": rejected xml-entity-declaration: ");
        assertThat(lines.get(3)).startsWith(missing + ": rejected unreadable-file");
        assertThat(lines.get(4)).isEqualTo("parse files=4 ok=1 rejected=3 crashed=0");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void allFixtureFeedsAreReadWithoutCrash() throws Exception {
        Path root = Path.of("src/test/resources/feeds");
        List<Path> files;
        try (var stream = Files.walk(root)) {
            files = stream.filter(p -> p.toString().matches(".*\\.(xml|rss|atom)$")).sorted().toList();
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        FeedFileParser.run(files, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        // Only the captured HTML error page is not a feed.
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("parse files=" + files.size() + " ok=" + (files.size() - 1) + " rejected=1 crashed=0");
    }
}
