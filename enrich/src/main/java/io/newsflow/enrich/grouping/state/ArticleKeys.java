package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.vectors.TermTable;
import io.newsflow.enrich.grouping.vectors.TermVector;

/**
 * Which keys of the articles store (article id, canonical URL, content hash) stored articles use,
 * by 64-bit hash, each with how many articles use it. Nearly every article is new, and asking the
 * store (RocksDB, through its cache) for three keys it does not hold was a few percent of the
 * service's time: a key not here is not in the store, a key here is looked up there. Rebuilt from
 * the article records when a task starts. Counts can only err high (an article put again counts
 * twice), which costs a look-up, never a missed article.
 */
final class ArticleKeys {

    private final TermTable<Integer> counts = new TermTable<>();

    void add(GroupingStores.ArticleRecord record) {
        change(byId(record.articleId()), 1);
        if (record.canonicalUrl() != null) {
            change(byUrl(record.canonicalUrl()), 1);
        }
        if (record.contentHash() != null) {
            change(byHash(record.contentHash()), 1);
        }
    }

    void remove(GroupingStores.ArticleRecord record) {
        change(byId(record.articleId()), -1);
        if (record.canonicalUrl() != null) {
            change(byUrl(record.canonicalUrl()), -1);
        }
        if (record.contentHash() != null) {
            change(byHash(record.contentHash()), -1);
        }
    }

    /** False when no stored article has this key (as {@link #byId}, {@link #byUrl} or {@link #byHash} gives it). */
    boolean mayHold(long key) {
        return counts.get(key) != null;
    }

    static long byId(String articleId) {
        return TermVector.termOf("a:" + articleId);
    }

    static long byUrl(String canonicalUrl) {
        return TermVector.termOf("u:" + canonicalUrl);
    }

    static long byHash(String contentHash) {
        return TermVector.termOf("h:" + contentHash);
    }

    private void change(long key, int by) {
        Integer count = counts.get(key);
        int now = (count == null ? 0 : count) + by;
        if (now > 0) {
            counts.put(key, now);
        } else {
            counts.remove(key);
        }
    }
}
