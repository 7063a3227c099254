/**
 * The main text of an HTML page: the article's paragraphs without navigation, asides and footers
 * ({@link io.newsflow.ingest.extract.MainTextExtractor}).
 *
 * <p>Uses nothing else in ingest.
 */
package io.newsflow.ingest.extract;
