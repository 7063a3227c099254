/**
 * The stages as runnable parts: each {@link io.newsflow.launcher.pipeline.Stage} with its health checks, the
 * {@link io.newsflow.launcher.pipeline.Pipeline} that starts and stops them in order, the Kafka connection (a
 * cluster or the embedded broker) and topic setup.
 *
 * <p>Uses {@code config}, {@code kafka}, {@code broker} and the stages.
 */
package io.newsflow.launcher.pipeline;
