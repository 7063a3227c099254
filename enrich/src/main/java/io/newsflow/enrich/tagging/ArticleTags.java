package io.newsflow.enrich.tagging;

import java.util.List;

/** What the tagger found in one article. */
public record ArticleTags(List<CountryMention> countries, List<OfficialMention> officials) {
}
