package io.newsflow.ingest.feeds.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.newsflow.fuzz.FuzzInput;
import io.newsflow.fuzz.FuzzInputs;
import io.newsflow.fuzz.Outcomes;
import io.newsflow.fuzz.Seed;
import io.newsflow.fuzz.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Fuzzes the feeds-file reader, {@link FeedsFile#load}, with the example feeds file and a JSON one,
 * edited: YAML anchors, aliases, merges, tags and documents, durations and sizes far out of range,
 * bad URLs, proxies, headers and secrets. Every file is a {@link FeedsConfig} (bad entries listed as
 * problems) or a {@link FeedsConfigException}.
 */
class FeedsFileFuzzTest {

    private static final String JSON_FEEDS = """
            {"polling": {"connectTimeout": "10s", "readTimeout": 30, "maxBodyBytes": 1048576, "jitter": 0.1, "threads": 2},
             "defaults": {"interval": "PT15M", "headers": {"Accept-Language": "en"}},
             "feeds": [{"url": "https://www.example.org/rss.xml", "name": "Example", "interval": "2h",
                        "auth": {"username": "reader", "password": "${env:EXAMPLE_FEED_PASSWORD}"}, "proxy": "proxy.local:3128"},
                       {"url": "http://example.com/atom", "fullText": true, "headers": {"X-Api-Key": "${env:EXAMPLE_API_KEY}"}}]}
            """;
    private static final String YAML_FEEDS = """
            polling: {connectTimeout: 5s, readTimeout: 1m, maxRedirects: 3, backoffCap: 2h, deadAfter: 1d, jitter: 0.2}
            defaults:
              interval: 30m
              userAgent: Newsflow-test
            feeds:
              - url: https://www.example.org/world/rss.xml
                name: World
                interval: 1h
              - url: https://api.example.com/news/feed.atom
                headers: {X-Api-Key: "${env:EXAMPLE_API_KEY}"}
                auth: {username: reader, password: "${env:EXAMPLE_FEED_PASSWORD}"}
                fullText: true
            """;
    /** What Edit.Kind.VALUE puts where a value was: durations and sizes that overflow, bad URLs, wrong types. */
    private static final List<byte[]> VALUES = Seeds.fragments(
            "999999999999999d", "106751991167301d", "153722867280912930m", "2562047788015216h", "9223372036854775807s",
            "9223372036854775807", "-9223372036854775808", "9223372036854775807ms", "99999999999999999999h", "-5s", "0s",
            "PT99999999999999999H", "P106751991167301D", "1e999", ".nan", "-.inf", "-1", "0", "http://[::1]/x",
            "https://user:pw@example.org/", "host:99999999", "[1, 2]", "{}", "~", "''", "\"${file:/nonexistent/secret}\"",
            "\"${env:UNSET_VARIABLE}\"", "*undefined", "!!binary aGVsbG8=");
    private static final List<byte[]> FRAGMENTS = Seeds.fragments(
            "interval: 999999999999999d\n", "interval: 9223372036854775807ms\n", "connectTimeout: 99999999999999999999h\n",
            "readTimeout: -5s\n", "deadAfter: PT99999999999999999H\n", "backoffCap: 106751991167301d\n", "maxBodyBytes: 1e999\n",
            "maxRedirects: 99999999999999999999\n", "jitter: .nan\n", "jitter: -1\n", "threads: -1\n", "perHostConcurrency: 0\n",
            "\"interval\": 9223372036854775807,", "\"interval\": \"153722867280912930m\",", "\"threads\": 1e10,",
            "  - url: http://[::1]/x\n", "  - url: https://user:pw@example.org/\n", "  - url: ftp://example.org/\n", "  - url: \n",
            "  - url: https://example.org/a\n  - url: https://example.org/a\n", "  - 42\n", "  - [a, b]\n",
            "    headers: [1, 2]\n", "    headers: {X: [1]}\n", "    auth: {}\n", "    auth: {username: ''}\n",
            "    auth: {username: u, password: \"${file:/nonexistent/secret}\"}\n", "\"${env:UNSET_VARIABLE}\"", "\"${env:}\"",
            "    proxy: host:99999999\n", "    proxy: \"\"\n", "    fullText: maybe\n", "    unknownKey: 1\n",
            "defaults: {interval: 1s, bogus: 1}\n", "polling: [1, 2]\n", "feeds: {}\n", "feeds: null\n",
            "&a [*a]", "*undefined", "<<: *a\n", "&anchor ", "!!binary aGVsbG8=", "!!java.lang.Object {}", "!foo ", "? complex\n: key\n",
            "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x\n", "{", "}", "[", "]", "\t", "'", "\"", "#", "|\n", ">-\n", "\u0000", "\uFEFF");

    private static Path dir;
    private static Logger feedsFileLog;
    private static Level level;

    private final FeedsFile reader = new FeedsFile(name -> name.startsWith("EXAMPLE_") ? "secret-of-" + name : null);

    @BeforeContainer
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("feeds-file-fuzz");
        // Each load logs its refused entries; a few hundred loads would drown the build log.
        feedsFileLog = (Logger) LoggerFactory.getLogger(FeedsFile.class);
        level = feedsFileLog.getLevel();
        feedsFileLog.setLevel(Level.ERROR);
    }

    @AfterContainer
    static void tearDown() throws IOException {
        feedsFileLog.setLevel(level);
        Files.deleteIfExists(dir.resolve("feeds.yaml"));
        Files.delete(dir);
    }

    @Property
    void everyFeedsFileIsAConfigOrAFeedsConfigException(@ForAll("feedsFiles") FuzzInput input) throws IOException {
        Path file = dir.resolve("feeds.yaml");
        Files.write(file, input.bytes());
        Statistics.label("feeds-file").collect(Outcomes.expect(input, () -> reader.load(file), FeedsConfigException.class));
    }

    /** Found by the property above: a duration past the long range leaked ArithmeticException and failed the whole file. */
    @Test
    void aDurationPastTheLongRangeIsOneProblem(@TempDir Path tmp) throws IOException, FeedsConfigException {
        Path file = tmp.resolve("feeds.yaml");
        Files.writeString(file, "feeds:\n  - url: https://example.org/rss\n    interval: 999999999999999d\n"
                + "  - url: https://example.org/atom\n    interval: 400d\n"
                + "polling:\n  readTimeout: 99999999999999999999999\n");
        assertThat(reader.load(file).problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("999999999999999d", "not a duration"))
                .anySatisfy(p -> assertThat(p).contains("400d", "longer than 365d"));
    }

    @Provide
    Arbitrary<FuzzInput> feedsFiles() {
        List<Seed> seeds = new ArrayList<>(Seeds.files(Path.of(".."), "feeds.example.yaml"));
        seeds.add(new Seed("feeds.json", JSON_FEEDS.getBytes(StandardCharsets.UTF_8)));
        seeds.add(new Seed("feeds.yaml", YAML_FEEDS.getBytes(StandardCharsets.UTF_8)));
        return FuzzInputs.mutated(seeds, FRAGMENTS, VALUES);
    }
}
