/**
 * How an article that enrich cannot tag or group is reported: one log line with its reason, a metric, and a
 * dead-letter record; the stream goes on.
 *
 * <p>Uses the schemas module only.
 */
package io.newsflow.enrich.failures;
