package io.newsflow.sink;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Splits the one map of Kafka settings the launcher hands over into what a consumer and a producer each know,
 * so neither logs warnings about the other's settings. Null values are left out (the launcher may pass unset ones).
 */
final class KafkaSettings {

    private KafkaSettings() {
    }

    static Map<String, Object> consumer(Map<String, Object> all) {
        return only(all, ConsumerConfig.configNames());
    }

    static Map<String, Object> producer(Map<String, Object> all) {
        return only(all, ProducerConfig.configNames());
    }

    private static Map<String, Object> only(Map<String, Object> all, Set<String> known) {
        Map<String, Object> kept = new HashMap<>();
        all.forEach((key, value) -> {
            if (value != null && known.contains(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
