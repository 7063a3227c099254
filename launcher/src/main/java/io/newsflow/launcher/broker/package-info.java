/**
 * The launcher's side of the all-in-one parts: starting the embedded broker
 * ({@link io.newsflow.launcher.broker.EmbeddedBroker}) and a clear one-line refusal where the service image lacks a part
 * ({@link io.newsflow.launcher.broker.AllInOneParts}).
 *
 * <p>Uses {@code config} and the embedded-kafka module.
 */
package io.newsflow.launcher.broker;
