/**
 * What one article's text gives grouping: tokens and terms ({@link io.newsflow.enrich.grouping.text.TextFeatures}),
 * the dates it mentions, its MinHash signature for near-copies and its wire-headline form, gathered in an
 * {@link io.newsflow.enrich.grouping.text.ArticleProfile}. Pure functions of the text, no state.
 *
 * <p>Uses {@code tagging} and {@code io.newsflow.text} (page chrome, shared with ingest) only; no other grouping package.
 */
package io.newsflow.enrich.grouping.text;
