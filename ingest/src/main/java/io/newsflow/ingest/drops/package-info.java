/**
 * The drop folder: article files (plain text, HTML, JSON) dropped into a folder become raw-article records,
 * each file once ({@link io.newsflow.ingest.drops.ContentLedger}), unreadable ones dead letters.
 * {@link io.newsflow.ingest.drops.ArticleFiles} is the one reader of article files, for the eval and the tests too.
 *
 * <p>Uses {@code ingest.text}, {@code ingest.extract}, {@code feeds.parsing} and the schemas module.
 */
package io.newsflow.ingest.drops;
