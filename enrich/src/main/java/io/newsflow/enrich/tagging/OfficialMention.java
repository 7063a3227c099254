package io.newsflow.enrich.tagging;

/**
 * An office holder an article names.
 *
 * @param name          the full name as first written, e.g. "Kim Hong-kyun"
 * @param key           normalised key, e.g. "kim hong kyun"
 * @param role          the office, normalised, e.g. "Vice Foreign Minister"; null when unknown
 * @param roleAsWritten the office in the text's words; null when unknown
 * @param country       ISO alpha-2 of the country served; null when unknown
 * @param mentions      full and short mentions ("Kim said") together
 */
public record OfficialMention(String name, String key, String role, String roleAsWritten, String country, int mentions) {
}
