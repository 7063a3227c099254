/**
 * One class per command ({@code up}, {@code ingest}, {@code enrich}, {@code sink}, {@code demo}, {@code eval},
 * {@code feeds}, {@code config}, {@code schema}, {@code bench}): options, then a call into the parts that do the
 * work. {@link io.newsflow.launcher.commands.ServiceRunner} runs stages as a service until SIGTERM.
 *
 * <p>Uses every other launcher package, the stages and, provided, the eval module; nothing uses it but the root.
 */
package io.newsflow.launcher.commands;
