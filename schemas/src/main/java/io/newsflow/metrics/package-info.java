/**
 * Meters every stage registers the same way (names and tags shared across stages).
 *
 * <p>Uses the generated Avro classes only.
 */
package io.newsflow.metrics;
