/**
 * Kafka client settings for a secured cluster (TLS, SASL) from {@code NEWSFLOW_KAFKA_*} variables, checked and
 * turned into client properties.
 *
 * <p>Uses nothing else in the launcher.
 */
package io.newsflow.launcher.kafka;
