package io.newsflow.enrich.tagging;

import java.util.List;

/** Tags the countries and officials an article names. STUB: returns nothing until written. */
public final class ArticleTagger {

    public static ArticleTagger standard() {
        return new ArticleTagger();
    }

    public ArticleTags tag(String title, String body) {
        return new ArticleTags(List.of(), List.of());
    }
}
