package io.newsflow.enrich.grouping.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes planned, read back before they are made, then made with undo images (real heap stores). */
class WritePlanTest {

    private TopologyTestDriver driver;
    private KeyValueStore<String, byte[]> events;
    private KeyValueStore<String, byte[]> articles;
    private final WritePlan plan = new WritePlan();

    @BeforeEach
    void start() {
        driver = GroupingStoresDriver.start();
        events = driver.getKeyValueStore(GroupingStores.EVENTS);
        articles = driver.getKeyValueStore(GroupingStores.ARTICLES);
        events.put("e1", bytes("one"));
        events.put("e2", bytes("two"));
        articles.put("a:x", bytes("ex"));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void plannedWritesAreReadBackButNotMadeUntilApplied() {
        plan.begin();
        plan.write(events, "e1", bytes("one, changed"));
        plan.write(events, "e2", null);
        plan.write(articles, "a:y", bytes("why"));
        List<String> changed = new ArrayList<>();
        plan.afterWrites(() -> changed.add("index"));

        assertThat(text(plan.read(events, "e1"))).isEqualTo("one, changed");
        assertThat(plan.read(events, "e2")).isNull();
        assertThat(plan.stages(events, "e2")).isTrue();
        assertThat(text(plan.read(articles, "a:y"))).isEqualTo("why");
        assertThat(plan.stages(events, "a:y")).as("another store's key").isFalse();
        assertThat(contents(events)).containsEntry("e1", "one").containsEntry("e2", "two");
        assertThat(changed).isEmpty();

        plan.applyWrites();
        plan.applyMemoryChanges();
        plan.close();
        assertThat(contents(events)).isEqualTo(Map.of("e1", "one, changed"));
        assertThat(contents(articles)).isEqualTo(Map.of("a:x", "ex", "a:y", "why"));
        assertThat(changed).containsExactly("index");
    }

    @Test
    void aMemoryChangeThatFailsAfterTheWritesPutsTheStoresBack() {
        Map<String, String> eventsBefore = contents(events);
        Map<String, String> articlesBefore = contents(articles);
        plan.begin();
        plan.write(events, "e1", bytes("first"));
        plan.write(events, "e1", bytes("second"));
        plan.write(events, "e3", bytes("three"));
        plan.write(articles, "a:x", null);
        plan.afterWrites(() -> {
            throw new IllegalStateException("index broke on purpose");
        });
        plan.applyWrites();
        assertThat(contents(events)).containsEntry("e1", "second").containsEntry("e3", "three");

        assertThatThrownBy(plan::applyMemoryChanges).hasMessageContaining("on purpose");
        plan.close();
        assertThat(contents(events)).isEqualTo(eventsBefore);
        assertThat(contents(articles)).isEqualTo(articlesBefore);
    }

    @Test
    void outsideAPlanWritesAndMemoryChangesAreMadeAtOnce() {
        List<String> changed = new ArrayList<>();
        plan.write(events, "e9", bytes("nine"));
        plan.afterWrites(() -> changed.add("index"));
        assertThat(contents(events)).containsEntry("e9", "nine");
        assertThat(changed).containsExactly("index");
        assertThat(plan.open()).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Map<String, String> contents(KeyValueStore<String, byte[]> store) {
        Map<String, String> contents = new TreeMap<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(e -> contents.put(e.key, text(e.value)));
        }
        return contents;
    }
}
