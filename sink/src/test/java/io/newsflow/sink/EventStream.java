package io.newsflow.sink;

import io.newsflow.schemas.NewsEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A reproducible, busy stream of event changes like the enricher's: new events, new versions, stale re-sends of
 * older versions, tombstones, and merges (survivor snapshot listing the absorbed id, then its tombstone).
 */
final class EventStream {

    private final String topic;
    private final Random random;
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, List<String>> absorbedBy = new HashMap<>();
    private final List<String> live = new ArrayList<>();
    private int nextId;

    EventStream(String topic, long seed) {
        this.topic = topic;
        this.random = new Random(seed);
    }

    List<ProducerRecord<String, NewsEvent>> next(int count) {
        List<ProducerRecord<String, NewsEvent>> records = new ArrayList<>(count);
        while (records.size() < count) {
            int roll = random.nextInt(100);
            if (live.size() < 20 || roll < 15) {
                String id = "ev" + nextId++;
                live.add(id);
                records.add(snapshot(id, 1));
            } else if (roll < 75) {
                String id = pick();
                records.add(snapshot(id, versions.get(id) + 1));
            } else if (roll < 87) {
                String id = pick();
                long current = versions.get(id);
                records.add(stale(id, 1 + random.nextInt((int) Math.min(current, 8))));
            } else if (roll < 93) {
                String id = pick();
                live.remove(id);
                records.add(new ProducerRecord<>(topic, id, null));
            } else {
                String survivor = pick();
                String absorbed = pick();
                if (!survivor.equals(absorbed)) {
                    live.remove(absorbed);
                    absorbedBy.computeIfAbsent(survivor, s -> new ArrayList<>()).add(absorbed);
                    records.add(snapshot(survivor, versions.get(survivor) + 1));
                    records.add(new ProducerRecord<>(topic, absorbed, null));
                }
            }
        }
        return records;
    }

    private String pick() {
        return live.get(random.nextInt(live.size()));
    }

    private ProducerRecord<String, NewsEvent> snapshot(String id, long version) {
        versions.put(id, version);
        return stale(id, version);
    }

    private ProducerRecord<String, NewsEvent> stale(String id, long version) {
        NewsEvent event = Snapshots.builder(id, Math.min(version, 40))
                .setVersion(version)
                .setAbsorbedEventIds(List.copyOf(absorbedBy.getOrDefault(id, List.of())))
                .build();
        return new ProducerRecord<>(topic, id, event);
    }
}
