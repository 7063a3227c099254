package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsFileTest {

    @Test
    void readsFeedsWithDefaultsSecretsAndPolling(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("password.txt");
        Files.writeString(secret, "s3cret-from-file\n");
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, """
                # Newsflow feeds
                polling:
                  readTimeout: 20s
                  perHostConcurrency: 1
                  deadAfter: 2d
                defaults:
                  interval: 30m
                  userAgent: TestAgent/1.0
                feeds:
                  - url: https://example.org/rss
                    name: Example
                    headers: {X-Api-Key: "${env:EXAMPLE_KEY}"}
                    auth: {username: reader, password: "${file:%s}"}
                    fullText: true
                  - url: https://example.com/atom.xml
                    interval: 2h
                    proxy: proxy.internal:3128
                """.formatted(secret));
        FeedsConfig config = new FeedsFile(Map.of("EXAMPLE_KEY", "key-123")::get).load(file);

        assertThat(config.problems()).isEmpty();
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.perHostConcurrency()).isEqualTo(1);
        assertThat(config.deadAfter()).isEqualTo(Duration.ofDays(2));
        assertThat(config.connectTimeout()).isEqualTo(FeedsConfig.defaults(java.util.List.of()).connectTimeout());
        FeedSettings first = config.feeds().get(0);
        assertThat(first.name()).isEqualTo("Example");
        assertThat(first.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(first.headers()).containsEntry("X-Api-Key", "key-123");
        assertThat(first.username()).isEqualTo("reader");
        assertThat(first.password()).isEqualTo("s3cret-from-file");
        assertThat(first.userAgent()).isEqualTo("TestAgent/1.0");
        assertThat(first.fullText()).isTrue();
        assertThat(first.line()).isEqualTo(10);
        assertThat(first.toString()).doesNotContain("key-123").doesNotContain("s3cret");
        FeedSettings second = config.feeds().get(1);
        assertThat(second.interval()).isEqualTo(Duration.ofHours(2));
        assertThat(second.proxy()).isEqualTo("proxy.internal:3128");
        assertThat(second.name()).isEqualTo("example.com");
    }

    @Test
    void badEntriesAreReportedWithLineAndReasonAndTheOthersKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, """
                feeds:
                  - url: https://good.example.org/rss
                  - url: not a url
                  - url: ftp://example.org/feed
                  - url: https://example.org/typo
                    intervall: 5m
                  - url: https://example.org/fast
                    interval: 10s
                  - url: https://example.org/secret
                    headers: {Authorization: "${env:MISSING_TOKEN}"}
                  - url: https://good.example.org/rss
                  - url: https://good.example.org/json-style
                    interval: PT45M
                  - url: https://user:secret@example.org/feed
                """);
        FeedsConfig config = new FeedsFile(name -> null).load(file);
        assertThat(config.feeds()).extracting(f -> f.url().toString())
                .containsExactly("https://good.example.org/rss", "https://good.example.org/json-style");
        assertThat(config.feeds().get(1).interval()).isEqualTo(Duration.ofMinutes(45));
        assertThat(config.problems()).hasSize(7);
        assertThat(config.problems().get(0)).contains("line 3").contains("not a url");
        assertThat(config.problems().get(1)).contains("line 4").contains("absolute http(s)");
        assertThat(config.problems().get(2)).contains("line 5").contains("unknown key 'intervall'");
        assertThat(config.problems().get(3)).contains("line 7").contains("too impolite");
        assertThat(config.problems().get(4)).contains("line 9").contains("MISSING_TOKEN");
        assertThat(config.problems().get(5)).contains("line 11").contains("duplicate");
        assertThat(config.problems().get(6)).contains("line 14").contains("credentials").doesNotContain("secret@");
    }

    @Test
    void jsonIsReadToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feeds.json");
        Files.writeString(file, "{\"feeds\": [{\"url\": \"https://example.org/rss\", \"interval\": 3600}]}");
        FeedsConfig config = new FeedsFile(name -> null).load(file);
        assertThat(config.feeds()).singleElement().satisfies(f -> assertThat(f.interval()).isEqualTo(Duration.ofHours(1)));
    }

    @Test
    void aFileThatIsNotYamlIsATypedError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, "feeds:\n  - url: [unclosed\n");
        assertThatThrownBy(() -> new FeedsFile(name -> null).load(file)).isInstanceOf(FeedsConfigException.class)
                .hasMessageContaining("line");
        assertThatThrownBy(() -> new FeedsFile(name -> null).load(dir.resolve("missing.yaml")))
                .isInstanceOf(FeedsConfigException.class);
    }
}
