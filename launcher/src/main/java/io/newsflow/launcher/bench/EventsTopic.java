package io.newsflow.launcher.bench;

import io.newsflow.ingest.text.ArticleIdentity;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The events topic as a consumer sees it (read committed, latest snapshot per event id,
 * tombstones remove), read to its end: how many records it holds, and which events the
 * measured articles ended up in.
 */
final class EventsTopic {

    final Map<String, NewsEvent> live = new HashMap<>();
    long records;

    static EventsTopic read(Map<String, Object> kafka, Topic<String, NewsEvent> events) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        EventsTopic topic = new EventsTopic();
        try (KafkaConsumer<String, NewsEvent> consumer = new KafkaConsumer<>(props, events.keySerde().deserializer(),
                events.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(events.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, NewsEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    topic.records++;
                    if (record.value() == null) {
                        topic.live.remove(record.key());
                    } else {
                        topic.live.put(record.key(), record.value());
                    }
                }
            }
        }
        return topic;
    }

    /** The measured articles placed in live events. */
    int placed(Collection<String> articleIds) {
        Set<String> placed = new java.util.HashSet<>();
        for (NewsEvent event : live.values()) {
            for (EventArticle article : event.getArticles()) {
                placed.add(article.getArticleId());
            }
        }
        return (int) articleIds.stream().filter(placed::contains).count();
    }

    /** Events holding at least one of the articles. */
    List<Set<String>> groupsOf(Collection<String> articleIds) {
        Set<String> wanted = Set.copyOf(articleIds);
        List<Set<String>> groups = new ArrayList<>();
        for (NewsEvent event : live.values()) {
            Set<String> members = new TreeSet<>();
            event.getArticles().forEach(a -> {
                if (wanted.contains(a.getArticleId())) {
                    members.add(a.getArticleId());
                }
            });
            if (!members.isEmpty()) {
                groups.add(members);
            }
        }
        return groups;
    }

    /** A short hash of how the articles are grouped, independent of event ids and order: equal runs, equal hash. */
    static String fingerprint(List<Set<String>> groups) {
        List<String> lines = new ArrayList<>(groups.stream().map(g -> String.join(",", g)).toList());
        lines.sort(null);
        return ArticleIdentity.sha256Hex(String.join("\n", lines)).substring(0, 16);
    }

    /** Events open when the live stream began (grouping clock: fetch times): started before it, active within the idle window. */
    int openAt(Instant liveFrom, Duration idle) {
        Instant openFrom = liveFrom.minus(idle);
        return (int) live.values().stream()
                .filter(e -> e.getFirstSeenAt().isBefore(liveFrom) && !e.getLastUpdatedAt().isBefore(openFrom))
                .count();
    }
}
