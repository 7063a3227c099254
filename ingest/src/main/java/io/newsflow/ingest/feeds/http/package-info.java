/**
 * Fetching feeds and article pages as a polite client: per-host limits, redirects, size limits, when to
 * poll again, and the guard that keeps fetches chosen by feed content away from inside addresses.
 * Uses: feeds.config.
 */
package io.newsflow.ingest.feeds.http;
