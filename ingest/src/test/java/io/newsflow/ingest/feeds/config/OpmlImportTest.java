package io.newsflow.ingest.feeds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmlImportTest {

    private static final String OPML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>Subscriptions</title></head>
              <body>
                <outline text="News">
                  <outline type="rss" text="World &amp; Politics" title="World &amp; Politics" xmlUrl="https://example.org/world.rss" htmlUrl="https://example.org/"/>
                  <outline type="rss" text="Tech" xmlUrl="https://example.com/tech/atom.xml"/>
                  <outline type="rss" text="Again" xmlUrl="https://example.org/world.rss"/>
                  <outline text="Not a feed" htmlUrl="https://example.net/"/>
                </outline>
              </body>
            </opml>""";

    @Test
    void addsNewFeedsToTheYamlFileKeepingItsComments(@TempDir Path dir) throws Exception {
        Path opml = dir.resolve("subs.opml");
        Files.writeString(opml, OPML);
        Path feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, """
                # my feeds
                defaults:
                  interval: 20m
                feeds:
                  - url: https://example.com/tech/atom.xml   # already here
                polling:
                  threads: 2
                """);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = OpmlImport.run(opml, feeds, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(buffer.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b)).contains("import feeds=2 added=1 skipped=1");
        String text = Files.readString(feeds);
        assertThat(text).contains("# my feeds").contains("# already here");
        FeedsConfig config = new FeedsFile(name -> null).load(feeds);
        assertThat(config.problems()).isEmpty();
        assertThat(config.threads()).isEqualTo(2);
        assertThat(config.feeds()).extracting(f -> f.url().toString())
                .containsExactly("https://example.com/tech/atom.xml", "https://example.org/world.rss");
        assertThat(config.feeds().get(1).name()).isEqualTo("World & Politics");
    }

    @Test
    void createsTheFeedsFileWhenThereIsNone(@TempDir Path dir) throws Exception {
        Path opml = dir.resolve("subs.opml");
        Files.writeString(opml, OPML);
        Path feeds = dir.resolve("feeds.yaml");
        OpmlImport.run(opml, feeds, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(new FeedsFile(name -> null).load(feeds).feeds()).hasSize(2);
        // Importing again adds nothing.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        OpmlImport.run(opml, feeds, new PrintStream(again, true, StandardCharsets.UTF_8));
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("import feeds=2 added=0 skipped=2");
    }
}
