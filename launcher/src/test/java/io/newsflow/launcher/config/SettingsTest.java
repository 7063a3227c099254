package io.newsflow.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void enrichTakesItsCacheAndCommitIntervalFromTheEnvironment() {
        EnrichConfig config = Settings.from(Map.of(
                "NEWSFLOW_ENRICH_CACHE_MB", "64", "NEWSFLOW_ENRICH_COMMIT_MS", "250",
                "NEWSFLOW_STATE_DIR", "/var/lib/x", "NEWSFLOW_EVENT_IDLE_HOURS", "24")).enrich();
        assertThat(config.storeCacheBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/x"));
        assertThat(config.eventIdleTimeout()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void enrichDefaultsAreTheDocumentedOnes() {
        EnrichConfig config = Settings.from(Map.of()).enrich();
        assertThat(config.storeCacheBytes()).isEqualTo(EnrichConfig.DEFAULT_STORE_CACHE_BYTES)
                .isEqualTo(Long.parseLong(Setting.NEWSFLOW_ENRICH_CACHE_MB.defaultValue()) * 1024 * 1024);
        assertThat(config.commitInterval()).isEqualTo(EnrichConfig.DEFAULT_COMMIT_INTERVAL)
                .isEqualTo(Duration.ofMillis(Long.parseLong(Setting.NEWSFLOW_ENRICH_COMMIT_MS.defaultValue())));
    }
}
