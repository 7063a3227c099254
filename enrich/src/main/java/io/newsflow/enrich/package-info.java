/**
 * The enrich stage: a Kafka Streams application that reads raw articles, cleans and tags them
 * ({@link io.newsflow.enrich.TaggingStep}) and groups them into events ({@code grouping}), writing event snapshots,
 * article memberships and dead letters. {@link io.newsflow.enrich.EnrichTopology} builds the topology,
 * {@link io.newsflow.enrich.EnrichService} runs it, {@link io.newsflow.enrich.EnrichConfig} holds its settings.
 *
 * <p>Uses {@code tagging}, {@code grouping}, {@code failures}, {@code commits} (when to commit sooner: a live stream),
 * the schemas module and the shared text rules.
 */
package io.newsflow.enrich;
