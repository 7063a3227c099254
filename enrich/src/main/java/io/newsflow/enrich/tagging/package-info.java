/**
 * Tagging: which countries (ISO 3166-1 alpha-2) and which officials (name, normal key, role, country) an
 * article names. {@link io.newsflow.enrich.tagging.ArticleTagger#standard()} loads the data once;
 * {@link io.newsflow.enrich.tagging.ArticleTagger#tag} is then pure and thread-safe.
 *
 * <p>How it works: the text is cut into tokens once; a token trie holding every country form (names,
 * abbreviations, demonyms, capitals, seats of government, and "not a country" phrases such as "South China
 * Sea") finds countries by longest match in one pass, with a few data-driven rules for ambiguous words
 * (Georgia, Jordan, Congo, Washington). Officials come from titles before names, appositions after them,
 * counterparts and a curated list, decided with set lookups on the same tokens.
 *
 * <p>Data, in {@code src/main/resources/tagging/}: {@code countries.tsv} (generated from mledoze/countries,
 * ODbL 1.0, see NOTICE there), and Newsflow's own {@code country-aliases.tsv}, {@code office-words.tsv},
 * {@code role-forms.tsv}, {@code government-bodies.tsv} and {@code officials.tsv}.
 * {@link io.newsflow.eval.TaggingEvaluation} scores the tagger against hand labels.
 */
package io.newsflow.enrich.tagging;
