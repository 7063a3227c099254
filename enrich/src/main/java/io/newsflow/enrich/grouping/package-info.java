/**
 * Grouping: which real-world event each article reports. {@link io.newsflow.enrich.grouping.EventGrouper}
 * places an article (a known article, a copy, or a new report clustered with its neighbourhood),
 * {@link io.newsflow.enrich.grouping.Regrouping} turns clusters into merged, split or kept events, and
 * {@link io.newsflow.enrich.grouping.EventGroupingProcessor} wires that into Kafka Streams (plan, then write).
 *
 * <p>Uses its subpackages ({@code text} → {@code vectors} → {@code state} → {@code clustering}, each using only
 * those before it), {@code tagging} and {@code commits} (a live stream commits sooner); nothing below it uses this
 * package.
 */
package io.newsflow.enrich.grouping;
