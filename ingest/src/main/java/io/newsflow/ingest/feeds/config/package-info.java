/**
 * The feeds file and what it configures: each feed's settings, polling limits and timeouts, the
 * address blocks inside the network that item links may reach, and adding feeds from OPML.
 * Uses: nothing else in feeds.
 */
package io.newsflow.ingest.feeds.config;
