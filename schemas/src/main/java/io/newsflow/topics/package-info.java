/**
 * Each topic as one typed descriptor (name, key and value serdes, settings): {@link io.newsflow.topics.Topics};
 * a producer, a topology and a test cannot disagree about a topic.
 *
 * <p>Uses {@code wire} and the generated Avro classes.
 */
package io.newsflow.topics;
