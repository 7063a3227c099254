/**
 * Who a feed item is and whether it is new, edited or unchanged: identity keys, versions, and the
 * seen-items state they are decided against.
 * Uses: feeds.parsing.
 */
package io.newsflow.ingest.feeds.items;
