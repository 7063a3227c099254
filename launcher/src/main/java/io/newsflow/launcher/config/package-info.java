/**
 * Settings from environment variables: each {@link io.newsflow.launcher.config.Setting} with its type, default
 * and documentation, checked together before anything starts; a user's mistake is a
 * {@link io.newsflow.launcher.config.ConfigurationException} (one line, exit 2).
 *
 * <p>Uses {@code kafka} and the stages' own configuration classes, which it fills.
 */
package io.newsflow.launcher.config;
