package io.newsflow.launcher.pipeline;

import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads the events topic as a downstream consumer does (read_committed, latest snapshot per
 * event id, tombstones remove) until the given articles are all placed in live events and the
 * topic has been quiet for a while.
 */
public final class EventWatcher implements AutoCloseable {

    private final KafkaConsumer<String, NewsEvent> consumer;
    private final Map<String, NewsEvent> live = new LinkedHashMap<>();

    public EventWatcher(Map<String, Object> clientProperties, Topic<String, NewsEvent> events) {
        Map<String, Object> props = new LinkedHashMap<>(clientProperties);
        props.keySet().retainAll(ConsumerConfig.configNames()); // Streams settings passed to all clients: not ours
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-watch-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(props, events.keySerde().deserializer(), events.valueSerde().deserializer());
        consumer.subscribe(List.of(events.name()));
    }

    /** Waits until every article id is in a live event and no snapshot arrived for {@code quiet}. */
    public boolean awaitArticles(Collection<String> articleIds, Duration quiet, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Instant lastChange = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            boolean changed = false;
            for (ConsumerRecord<String, NewsEvent> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() == null) {
                    live.remove(record.key());
                } else {
                    live.put(record.key(), record.value());
                }
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

    public Set<String> placedArticleIds() {
        return live.values().stream().flatMap(e -> e.getArticles().stream()).map(a -> a.getArticleId())
                .collect(Collectors.toSet());
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
