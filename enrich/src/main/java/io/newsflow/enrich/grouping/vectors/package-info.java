/**
 * Sparse term vectors and their weighting: {@link io.newsflow.enrich.grouping.vectors.TermVector} (terms as
 * 64-bit hashes, sorted), the slots a vector is spread over for fast dot products, a primitive term table,
 * and the background document frequencies that act as a prior for IDF.
 *
 * <p>Uses nothing else in grouping.
 */
package io.newsflow.enrich.grouping.vectors;
