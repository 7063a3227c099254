package io.newsflow.ingest.feeds.parsing;

/**
 * Extracts the main text of an article page for full-text feeds: paragraphs separated by a
 * blank line, empty when the page holds no article. The seam where a better extractor plugs in.
 */
@FunctionalInterface
public interface ArticleTextExtractor {

    String extract(String html, String url);
}
