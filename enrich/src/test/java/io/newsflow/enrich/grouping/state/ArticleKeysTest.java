package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.text.MinHash;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class ArticleKeysTest {

    @Test
    void aKeyIsHeldWhileAnyArticleUsesIt() {
        ArticleKeys keys = new ArticleKeys();
        GroupingStores.ArticleRecord first = new GroupingStores.ArticleRecord("a1", "ev-1", "https://x/1", "h1", null, new int[0]);
        GroupingStores.ArticleRecord second = new GroupingStores.ArticleRecord("a2", "ev-1", "https://x/1", null, null, new int[0]);
        assertThat(keys.mayHold(ArticleKeys.byUrl("https://x/1"))).isFalse();
        keys.add(first);
        keys.add(second);
        keys.remove(first);
        assertThat(keys.mayHold(ArticleKeys.byUrl("https://x/1"))).as("a2 still uses it").isTrue();
        assertThat(keys.mayHold(ArticleKeys.byId("a1"))).isFalse();
        assertThat(keys.mayHold(ArticleKeys.byHash("h1"))).isFalse();
        assertThat(keys.mayHold(ArticleKeys.byId("a2"))).isTrue();
        keys.remove(second);
        assertThat(keys.mayHold(ArticleKeys.byUrl("https://x/1"))).isFalse();
        assertThat(keys.mayHold(ArticleKeys.byId("a1"))).as("an id is not a URL").isEqualTo(keys.mayHold(ArticleKeys.byUrl("a1")));
    }

    /** The keys are rebuilt from the records: a restarted task finds an article by id, URL and hash. */
    @Test
    void aRestartedTaskFindsStoredArticlesByEveryKey() {
        try (TopologyTestDriver driver = GroupingStoresDriver.start()) {
            GroupingStores stores = stores(driver);
            int[] signature = MinHash.standard().signature(java.util.List.of("a", "quake", "struck", "the", "island"));
            stores.putArticle(new GroupingStores.ArticleRecord("a1", "ev-1", "https://x/1", "h1", null, signature),
                    stores.articlesInBands(signature, 10));

            GroupingStores restarted = stores(driver);
            assertThat(restarted.article("a1").eventId()).isEqualTo("ev-1");
            assertThat(restarted.articleIdByUrl("https://x/1")).isEqualTo("a1");
            assertThat(restarted.articleIdByHash("h1")).isEqualTo("a1");
            assertThat(restarted.article("a2")).isNull();
            restarted.forgetArticle(restarted.article("a1"));
            assertThat(stores(driver).articleIdByUrl("https://x/1")).isNull();
            assertThat(restarted.articleIdByHash("h1")).isNull();
        }
    }

    private static GroupingStores stores(TopologyTestDriver driver) {
        return GroupingStoresDriver.stores(driver);
    }
}
