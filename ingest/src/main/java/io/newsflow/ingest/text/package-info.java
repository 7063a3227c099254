/**
 * Text that both ingest sources share: decoding bytes to text, plain-text articles with their page chrome,
 * publication dates, outlets, canonical URLs, article identity and the size limit of an article.
 *
 * <p>Uses nothing else in ingest.
 */
package io.newsflow.ingest.text;
