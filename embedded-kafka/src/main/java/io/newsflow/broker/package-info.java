/**
 * The embedded Kafka broker: the product's default broker ({@code up}, {@code demo}) and the broker of every
 * module's tests. May use Kafka's server classes, kafka-clients, slf4j and {@code io.newsflow.topics}; never the
 * launcher, which translates its errors for users.
 */
package io.newsflow.broker;
