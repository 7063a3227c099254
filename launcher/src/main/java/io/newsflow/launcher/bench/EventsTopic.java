package io.newsflow.launcher.bench;

import io.newsflow.ingest.text.ArticleIdentity;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.topics.Topic;
import io.newsflow.topics.Topics;
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
 * The events and event-articles topics as a consumer sees them (read committed, latest snapshot per event
 * id and latest event per article, tombstones remove), read to their ends: how many event records there
 * are, and which events the measured articles ended up in.
 */
final class EventsTopic {

    final Map<String, NewsEvent> live = new HashMap<>();
    final Map<String, EventMember> members = new HashMap<>();
    /** Records on the events topic. */
    long records;
    /** Records on the event-articles topic. */
    long memberRecords;

    static EventsTopic read(Map<String, Object> kafka, Topics topics) {
        EventsTopic topic = new EventsTopic();
        topic.records = readToEnd(kafka, topics.events(), topic.live);
        topic.memberRecords = readToEnd(kafka, topics.eventArticles(), topic.members);
        return topic;
    }

    /** Reads the topic from its start to its end, keeping the latest value per key; returns the records read. */
    private static <V> long readToEnd(Map<String, Object> kafka, Topic<String, V> from, Map<String, V> latest) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long records = 0;
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, from.keySerde().deserializer(),
                from.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(from.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
        }
        return records;
    }

    /** The measured articles placed in live events. */
    int placed(Collection<String> articleIds) {
        return (int) articleIds.stream().filter(id -> members.containsKey(id)
                && live.containsKey(members.get(id).getEventId())).count();
    }

    /** Events holding at least one of the articles: their ids among those given. */
    List<Set<String>> groupsOf(Collection<String> articleIds) {
        Map<String, Set<String>> byEvent = new HashMap<>();
        for (String id : articleIds) {
            EventMember member = members.get(id);
            if (member != null && live.containsKey(member.getEventId())) {
                byEvent.computeIfAbsent(member.getEventId(), e -> new TreeSet<>()).add(id);
            }
        }
        return new ArrayList<>(byEvent.values());
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
