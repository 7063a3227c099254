/**
 * Turning the bytes of a feed into a feed document and its items, repairing what a lenient reader can,
 * and the plain text of item HTML and article pages.
 * Uses: nothing else in feeds.
 */
package io.newsflow.ingest.feeds.parsing;
