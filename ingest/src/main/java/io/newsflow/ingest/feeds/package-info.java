/**
 * The feed service: schedules each configured feed, polls it, turns new and edited items into raw
 * articles and writes them, with seen-items, source health and dead letters, to Kafka.
 * Uses: feeds.config, feeds.http, feeds.parsing, feeds.items.
 */
package io.newsflow.ingest.feeds;
