/**
 * How alike an article and an event are ({@link io.newsflow.enrich.grouping.clustering.EventSimilarity},
 * with the office veto of {@link io.newsflow.enrich.grouping.clustering.SingleHolderOffices}), the neighbourhood
 * an article is clustered in and the shared-nearest-neighbour clustering itself, under
 * {@link io.newsflow.enrich.grouping.clustering.GroupingSettings}.
 *
 * <p>Uses {@code grouping.text}, {@code grouping.vectors}, {@code grouping.state} and {@code tagging}.
 */
package io.newsflow.enrich.grouping.clustering;
