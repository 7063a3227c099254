package io.newsflow.ingest.feeds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.ingest.feeds.FeedService;
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
    void everyBadPollingValueIsOneLineAndTheOtherSettingsKeepTheirValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, """
                polling:
                  connectTimeout: 0s
                  readTimeout: 20s
                  maxBodyBytes: -1
                  maxRedirects: -2
                  perHostConcurrency: 0
                  jitter: -0.5
                  threads: many
                  backoffCap: soon
                  deadAfter: 2d
                  jiter: 0.2
                  allowedRanges: [10.20.0.0/16, 10.0.0.0/33]
                feeds:
                  - url: https://example.org/rss
                """);
        FeedsConfig config = new FeedsFile(name -> null).load(file);
        assertThat(config.problems()).containsExactlyInAnyOrder(
                file + " line 1: polling: connectTimeout '0s' must be a duration above zero (e.g. 30s, 15m, 6h)",
                file + " line 1: polling: maxBodyBytes '-1' must be a whole number from 1 up",
                file + " line 1: polling: maxRedirects '-2' must be a whole number from 0 to 50",
                file + " line 1: polling: perHostConcurrency '0' must be a whole number from 1 to 100",
                file + " line 1: polling: jitter '-0.5' must be a number from 0 to 1",
                file + " line 1: polling: threads 'many' must be a whole number from 1 to 256",
                file + " line 1: polling: backoffCap 'soon' is not a duration (e.g. 90s, 15m, 2h, PT15M)",
                file + " line 1: polling: unknown key 'jiter' (did you mean 'jitter'?)",
                file + " line 1: polling: allowedRanges '10.0.0.0/33' has a prefix length outside 0..32");
        // One bad value no longer resets the rest of the section.
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.deadAfter()).isEqualTo(Duration.ofDays(2));
        assertThat(config.allowedRanges()).containsExactly("10.20.0.0/16");
    }

    @Test
    void aTypoUnderDefaultsIsReportedOnceAndNeverSilentlyEmptiesTheFeedList(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, """
                defaults:
                  intervall: 30m
                  fullText: sometimes
                feeds:
                  - url: https://example.org/rss
                  - url: https://example.com/atom.xml
                    fulltext: true
                    auth: {username: reader, pasword: x}
                """);
        FeedsConfig config = new FeedsFile(name -> null).load(file);
        assertThat(config.problems()).containsExactly(
                file + " line 1: defaults: unknown key 'intervall' (did you mean 'interval'?)",
                file + " line 1: defaults: fullText 'sometimes' must be true or false",
                file + " line 6: feed https://example.com/atom.xml: unknown key 'fulltext' (did you mean 'fullText'?)",
                file + " line 6: feed https://example.com/atom.xml: auth: unknown key 'pasword' (did you mean 'password'?)");
        // The entry without problems of its own is still read, but a config with problems does not run.
        assertThat(config.feeds()).extracting(f -> f.url().toString()).containsExactly("https://example.org/rss");
        FeedService service = new FeedService(config, Map.of("bootstrap.servers", "127.0.0.1:1"),
                io.newsflow.topics.Topics.embedded());
        assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("4 problem(s)").hasMessageContaining("intervall");
    }

    @Test
    void unknownTopLevelKeysAndAFileWithoutFeedsAreProblems(@TempDir Path dir) throws Exception {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "feed:\n  - url: https://example.org/rss\n");
        assertThat(new FeedsFile(name -> null).load(typo).problems()).containsExactly(
                typo + " line 1: unknown key 'feed' (did you mean 'feeds'?)");
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "feeds: []\n");
        assertThat(new FeedsFile(name -> null).load(empty).problems()).singleElement()
                .satisfies(problem -> assertThat(problem).contains("lists no feed"));
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
