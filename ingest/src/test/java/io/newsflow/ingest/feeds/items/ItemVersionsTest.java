package io.newsflow.ingest.feeds.items;

import io.newsflow.ingest.feeds.parsing.FeedDocument;
import io.newsflow.ingest.feeds.parsing.FeedHtmlText;
import io.newsflow.ingest.feeds.parsing.FeedItem;
import io.newsflow.ingest.text.ArticleIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemVersionsTest {

    private static final String SOURCE = "https://example.org/feed";
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final SeenItems seen = new SeenItems();
    private final ItemVersions versions = new ItemVersions(seen);

    private static FeedItem item(String guid, String link, String title, String html, Instant date) {
        return new FeedItem(guid, link, title, html, date, null, List.of());
    }

    private List<ItemVersions.Decision> observe(FeedItem... items) {
        return observeAt(NOW, items);
    }

    private List<ItemVersions.Decision> observeAt(Instant now, FeedItem... items) {
        FeedDocument document = new FeedDocument("rss_2.0", "T", "https://example.org/", null, null, List.of(items), List.of());
        List<ItemIdentity> identities = ItemIdentity.of(SOURCE, document);
        List<ItemVersions.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            // Hashed as the poller does (FeedArticles.feedBody): the title and the plain text of the item HTML.
            ItemVersions.Decision decision = versions.decide(identities.get(i),
                    ArticleIdentity.contentHash(items[i].title(), FeedHtmlText.paragraphs(items[i].html())), now);
            versions.remember(decision);
            decisions.add(decision);
        }
        return decisions;
    }

    @Test
    void anItemSeenAgainIsUnchanged() {
        FeedItem a = item("g1", "https://example.org/a", "A", "<p>text</p>", NOW);
        assertThat(observe(a).get(0).kind()).isEqualTo(ItemVersions.Kind.NEW);
        assertThat(observe(a).get(0).kind()).isEqualTo(ItemVersions.Kind.UNCHANGED);
    }

    @Test
    void anItemStillListedIsWrittenAgainBeforeTheTopicWouldForgetIt() {
        FeedItem a = item("g1", "https://example.org/a", "A", "<p>text</p>", NOW);
        observe(a);
        Instant soon = NOW.plus(SeenItems.DEFAULT_RETENTION.dividedBy(10));
        assertThat(observeAt(soon, a).get(0).toRemember()).as("nothing to write yet").isEmpty();

        Instant later = NOW.plus(SeenItems.DEFAULT_RETENTION.dividedBy(2));
        ItemVersions.Decision rewrite = observeAt(later, a).get(0);
        assertThat(rewrite.kind()).isEqualTo(ItemVersions.Kind.UNCHANGED);
        assertThat(rewrite.toRemember()).isNotEmpty().allSatisfy((key, record) -> {
            assertThat(record.getWrittenAt()).isEqualTo(later);
            assertThat(record.getFirstSeenAt()).isEqualTo(NOW);
        });
        // Rewritten, it outlives a sweep that forgets what was written before the rewrite.
        assertThat(seen.forgetWrittenBefore(later)).isZero();
        assertThat(observeAt(later, a).get(0).kind()).isEqualTo(ItemVersions.Kind.UNCHANGED);
    }

    @Test
    void anItemGoneFromItsFeedIsForgottenWithTheTopicsRetention() {
        observe(item("g1", "https://example.org/a", "A", "<p>text</p>", NOW));
        assertThat(seen.size()).isPositive();
        assertThat(seen.forgetExpired(NOW.plus(SeenItems.DEFAULT_RETENTION).minusSeconds(1))).isZero();
        assertThat(seen.forgetExpired(NOW.plus(SeenItems.DEFAULT_RETENTION).plusSeconds(1))).isPositive();
        assertThat(seen.size()).isZero();
    }

    @Test
    void aRecordFromBeforeWriteTimesIsKeptAndRewrittenWhenListed() {
        FeedItem a = item("g1", "https://example.org/a", "A", "<p>text</p>", NOW);
        ItemVersions.Decision first = observe(a).get(0);
        // as read back from a seen-items topic written by a version without writtenAt
        first.toRemember().forEach((key, record) ->
                seen.load(key, io.newsflow.schemas.SeenItem.newBuilder(record).setWrittenAt(Instant.EPOCH).build()));

        assertThat(seen.forgetExpired(NOW.plus(SeenItems.DEFAULT_RETENTION))).isZero();
        ItemVersions.Decision listedAgain = observe(a).get(0);
        assertThat(listedAgain.kind()).isEqualTo(ItemVersions.Kind.UNCHANGED);
        assertThat(listedAgain.toRemember()).isNotEmpty()
                .allSatisfy((key, record) -> assertThat(record.getWrittenAt()).isEqualTo(NOW));
    }

    @Test
    void anEditedItemIsAnUpdateOfTheSameArticleWithAHigherVersion() {
        ItemVersions.Decision first = observe(item("g1", "https://example.org/a", "A", "<p>text</p>", NOW)).get(0);
        ItemVersions.Decision edit = observe(item("g1", "https://example.org/a", "A", "<p>text, corrected</p>", NOW)).get(0);
        assertThat(edit.kind()).isEqualTo(ItemVersions.Kind.UPDATED);
        assertThat(edit.articleId()).isEqualTo(first.articleId());
        assertThat(edit.version()).isEqualTo(2);
        ItemVersions.Decision whitespaceOnly = observe(item("g1", "https://example.org/a", "A", "<p>text,   corrected </p>", NOW)).get(0);
        assertThat(whitespaceOnly.kind()).isEqualTo(ItemVersions.Kind.UNCHANGED);
    }

    @Test
    void regeneratedGuidsAreCaughtByTheCanonicalLink() {
        ItemVersions.Decision first = observe(item("g1", "https://example.org/a?utm_source=rss", "A", "x", NOW)).get(0);
        ItemVersions.Decision churned = observe(item("g1-regenerated", "https://example.org/a?utm_source=feed#top", "A", "x", NOW)).get(0);
        assertThat(churned.kind()).isEqualTo(ItemVersions.Kind.UNCHANGED);
        assertThat(churned.articleId()).isEqualTo(first.articleId());
        // The new guid is remembered too, so it is known from now on.
        assertThat(churned.toRemember()).isNotEmpty();
    }

    @Test
    void itemsSharingOnePubDateAreAllKept() {
        List<ItemVersions.Decision> decisions = observe(
                item(null, null, "First", "a", NOW), item(null, null, "Second", "b", NOW), item(null, null, "Third", "c", NOW));
        assertThat(decisions).extracting(ItemVersions.Decision::kind).containsOnly(ItemVersions.Kind.NEW);
        assertThat(decisions).extracting(ItemVersions.Decision::articleId).doesNotHaveDuplicates();
    }

    @Test
    void aLinkSharedByAllItemsIdentifiesNone() {
        List<ItemVersions.Decision> decisions = observe(
                item(null, "https://example.org/", "One", "a", NOW), item(null, "https://example.org/", "Two", "b", NOW));
        assertThat(decisions).extracting(ItemVersions.Decision::articleId).doesNotHaveDuplicates();
    }

    @Test
    void articleIdComesFromTheCanonicalUrl() {
        ItemVersions.Decision decision = observe(item("g", "HTTPS://Example.org/a?utm_campaign=x", "A", "x", NOW)).get(0);
        assertThat(decision.articleId()).isEqualTo(ArticleIdentity.articleId("https://example.org/a", null));
    }
}
