package io.newsflow.launcher.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.topics.Topics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopicSetupTest {

    private final Topics topics = Topics.embedded();

    @Test
    void seenItemsAreCompactedAndExpireAfterTheirRetention() {
        assertThat(TopicSetup.configs(topics.seenItems(), topics, Duration.ofDays(90)))
                .containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(90).toMillis()));
    }

    @Test
    void eventsAreCompactedOnlyAndArticlesAreALog() {
        assertThat(TopicSetup.configs(topics.events(), topics, Duration.ofDays(90)))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("cleanup.policy", "compact",
                        "max.message.bytes", "8388608"));
        assertThat(TopicSetup.configs(topics.rawArticles(), topics, Duration.ofDays(90)))
                .containsExactlyEntriesOf(java.util.Map.of("cleanup.policy", "delete"));
    }
}
