package io.newsflow.launcher.pipeline;

import io.newsflow.launcher.kafka.KafkaClientProperties;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the events and event-articles topics as a downstream consumer does (read_committed, latest
 * snapshot per event id and latest event per article, tombstones remove) until the given articles are
 * all placed and the topics have been quiet for a while.
 */
public final class EventWatcher implements AutoCloseable {

    private final Topics topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, NewsEvent> live = new LinkedHashMap<>();
    private final Map<String, EventMember> members = new LinkedHashMap<>();

    public EventWatcher(Map<String, Object> clientProperties, Topics topics) {
        this.topics = topics;
        // Streams settings passed to all clients: not ours
        Map<String, Object> props = KafkaClientProperties.only(clientProperties, ConsumerConfig.configNames());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-watch-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics.events().name(), topics.eventArticles().name()));
    }

    /** Waits until every article id is in a live event and no record arrived for {@code quiet}. */
    public boolean awaitArticles(Collection<String> articleIds, Duration quiet, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Instant lastChange = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            boolean changed = false;
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                apply(record);
                changed = true;
            }
            if (changed) {
                lastChange = Instant.now();
            }
            boolean allPlaced = placedArticleIds().containsAll(articleIds);
            if (allPlaced && Duration.between(lastChange, Instant.now()).compareTo(quiet) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(topics.events().name())) {
            keepLatest(live, record.key(), topics.events().valueSerde().deserializer().deserialize(record.topic(), record.value()));
        } else {
            keepLatest(members, record.key(),
                    topics.eventArticles().valueSerde().deserializer().deserialize(record.topic(), record.value()));
        }
    }

    private static <V> void keepLatest(Map<String, V> latest, String key, V value) {
        if (value == null) {
            latest.remove(key);
        } else {
            latest.put(key, value);
        }
    }

    /** Articles whose event is live (not tombstoned). */
    public Set<String> placedArticleIds() {
        Set<String> placed = new HashSet<>();
        members.forEach((articleId, member) -> {
            if (live.containsKey(member.getEventId())) {
                placed.add(articleId);
            }
        });
        return placed;
    }

    /** Live events, latest snapshot each, in order of first appearance. */
    public List<NewsEvent> events() {
        return List.copyOf(live.values());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
