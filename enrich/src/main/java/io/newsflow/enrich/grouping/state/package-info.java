/**
 * Grouping's state and its stores: an event ({@link io.newsflow.enrich.grouping.state.EventState}, head and
 * member pages), placed articles and their keys, MinHash bands, the candidate index, document frequencies,
 * and {@link io.newsflow.enrich.grouping.state.GroupingStores}, which holds writes back until a placement is
 * applied ({@link io.newsflow.enrich.grouping.state.WritePlan}). Byte formats are versioned (docs/enrich.md).
 *
 * <p>Uses {@code grouping.text}, {@code grouping.vectors} and {@code tagging}.
 */
package io.newsflow.enrich.grouping.state;
