package io.newsflow.launcher.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The part of one map of client properties a kind of client knows, so it logs no warnings about the rest. */
public final class KafkaClientProperties {

    private KafkaClientProperties() {
    }

    public static Map<String, Object> only(Map<String, Object> all, Set<String> known) {
        Map<String, Object> kept = new HashMap<>();
        all.forEach((key, value) -> {
            if (value != null && known.contains(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
