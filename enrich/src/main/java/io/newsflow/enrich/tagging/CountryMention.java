package io.newsflow.enrich.tagging;

/**
 * A country an article involves.
 *
 * @param code          ISO 3166-1 alpha-2
 * @param name          common English name
 * @param mentions      how often the article names it (names, aliases, demonyms, metonyms)
 * @param inTitleOrLead named in the title or the lead paragraph
 */
public record CountryMention(String code, String name, int mentions, boolean inTitleOrLead) {
}
