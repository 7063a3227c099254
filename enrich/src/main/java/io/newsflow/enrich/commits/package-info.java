/**
 * When enrich commits its exactly-once transaction sooner than the commit interval: while it keeps up with a live
 * stream ({@link io.newsflow.enrich.commits.LiveCommits}).
 *
 * <p>Uses Kafka Streams' configuration names and processing context only.
 */
package io.newsflow.enrich.commits;
