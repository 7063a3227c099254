/**
 * JMH benchmarks and throughput programs of single parts (tagging, text features, grouping); the whole
 * pipeline's figures come from {@code newsflow bench}.
 *
 * <p>Uses the stages and the embedded-kafka module.
 */
package io.newsflow.benchmarks;
