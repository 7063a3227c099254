package io.newsflow.launcher;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.grouping.state.TaggedArticle;
import io.newsflow.schemas.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The articles in the order the live grouping task saw them: grouping reads its one-partition
 * internal topic in offset order, so its committed records are that order.
 */
final class GroupingInputTopic {

    private GroupingInputTopic() {
    }

    static String name(String applicationId) {
        return applicationId + "-" + EnrichTopology.GROUPING_TOPIC + "-repartition";
    }

    /** Reads the topic from its start until every article id was seen (or the timeout). */
    static List<RawArticle> read(Map<String, Object> kafka, String applicationId, Set<String> articleIds, Duration timeout) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<RawArticle> seen = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        try (KafkaConsumer<String, TaggedArticle> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                TaggedArticle.serde().deserializer())) {
            TopicPartition partition = new TopicPartition(name(applicationId), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Instant deadline = Instant.now().plus(timeout);
            while (!seenIds.containsAll(articleIds) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, TaggedArticle> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.value().article() != null) {
                        seen.add(record.value().article());
                        seenIds.add(record.value().article().getArticleId());
                    }
                }
            }
        }
        return seen;
    }
}
