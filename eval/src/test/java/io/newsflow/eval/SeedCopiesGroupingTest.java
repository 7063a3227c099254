package io.newsflow.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.eval.GroupingEvaluation;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.schemas.EventArticle;
import io.newsflow.schemas.NewsEvent;
import io.newsflow.schemas.RawArticle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seeds with two wire copies of each (as `eval --copies 2` makes them) group exactly as the
 * labels say, in name order (each copy right after its original) and in shuffles (copies before
 * their originals too): every copy in its original's event, and each event counts one independent
 * source per labelled article.
 */
class SeedCopiesGroupingTest {

    private static final Path SEEDS = Path.of("../testdata/seeds");

    /** Name order and 24 shuffles: one order in six merged the later meetings before the encounter veto. */
    static LongStream orders() {
        return LongStream.rangeClosed(0, 24);
    }

    @ParameterizedTest
    @MethodSource("orders")
    void seedsWithCopiesGiveTheGoldEventsInAnyOrder(long shuffleSeed) throws Exception {
        LabelledCorpus labelled = LabelledCorpus.read(SEEDS);
        List<WireCopies.Entry> stream = new ArrayList<>(WireCopies.following(WireCopiesTest.originals(), 2));
        if (shuffleSeed != 0) {
            Collections.shuffle(stream, new Random(shuffleSeed));
        }
        List<RawArticle> articles = new ArrayList<>();
        Map<String, String> goldOfArticle = new HashMap<>();
        Instant arrivals = Instant.parse("2026-01-01T00:00:00Z");
        for (WireCopies.Entry entry : stream) {
            articles.add(RawArticle.newBuilder(entry.article()).setFetchedAt(arrivals.plusSeconds(articles.size())).build());
            goldOfArticle.put(entry.article().getArticleId(), labelled.goldEventOfFile().get(entry.labelledFile()));
        }

        Map<String, NewsEvent> events = GroupingEvaluation.latestEvents(articles, GroupingSettings.defaults(Duration.ofDays(7)));

        Set<Set<String>> predicted = events.values().stream()
                .map(e -> e.getArticles().stream().map(EventArticle::getArticleId).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
        Set<Set<String>> gold = goldOfArticle.keySet().stream()
                .collect(Collectors.groupingBy(goldOfArticle::get, Collectors.toSet())).values().stream()
                .collect(Collectors.toSet());
        assertThat(predicted).isEqualTo(gold);
        for (NewsEvent event : events.values()) {
            Set<String> labelledFiles = new HashSet<>();
            stream.stream().filter(e -> event.getArticles().stream()
                            .anyMatch(a -> a.getArticleId().equals(e.article().getArticleId())))
                    .forEach(e -> labelledFiles.add(e.labelledFile()));
            Set<String> members = event.getArticles().stream().map(EventArticle::getArticleId).collect(Collectors.toSet());
            assertThat(event.getArticles()).filteredOn(a -> a.getCopyOf() != null)
                    .allSatisfy(a -> assertThat(members).contains(a.getCopyOf()));
            // every copy found in any order (a full text arriving after its cut copy takes its place
            // as the original): one independent source per labelled article
            assertThat(event.getIndependentSources()).as("independent sources of %s", event.getTitle())
                    .isEqualTo(labelledFiles.size());
        }
    }
}
