/**
 * Quality scoring on labelled data: {@link io.newsflow.eval.CorpusEvaluation} ({@code newsflow eval}: grouping
 * by the enrich topology driven offline, in any arrival order, with wire copies; tagging against hand labels) and
 * {@link io.newsflow.eval.ExtractionEvaluation} ({@code newsflow extract-eval}); corpora, orders and scores.
 *
 * <p>Uses the stages' public code (ingest's parsing, enrich's topology and tagger) and the schemas; no stage uses it.
 */
package io.newsflow.eval;
