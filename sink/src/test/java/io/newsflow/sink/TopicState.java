package io.newsflow.sink;

import io.newsflow.schemas.NewsEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the events table must hold after reading a topic, computed independently of the sink: per event the
 * highest version since its last tombstone, minus every event some snapshot lists as absorbed.
 */
final class TopicState {

    private TopicState() {
    }

    static Map<String, Long> expectedVersions(List<ConsumerRecord<String, NewsEvent>> records) {
        Map<String, Long> versions = new TreeMap<>();
        Set<String> absorbed = new HashSet<>();
        for (ConsumerRecord<String, NewsEvent> record : records) {
            if (record.value() == null) {
                versions.remove(record.key());
            } else {
                versions.merge(record.key(), record.value().getVersion(), Math::max);
                absorbed.addAll(record.value().getAbsorbedEventIds());
            }
        }
        versions.keySet().removeAll(absorbed);
        return versions;
    }
}
