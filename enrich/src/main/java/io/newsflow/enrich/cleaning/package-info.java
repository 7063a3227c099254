/**
 * Article text cleaning before tagging and grouping: page-chrome lines dropped from the body.
 *
 * <p>Uses nothing else in enrich.
 */
package io.newsflow.enrich.cleaning;
