/**
 * What operators see of a running service: the health and Prometheus endpoints
 * ({@link io.newsflow.launcher.ops.OpsServer}), Kafka reachability, build information and service metrics.
 *
 * <p>Uses {@code pipeline} and {@code config}.
 */
package io.newsflow.launcher.ops;
