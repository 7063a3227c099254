package io.newsflow.enrich.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tagger found in one article: countries most mentioned first, officials in the order the article
 * first names them.
 */
public record ArticleTags(List<CountryMention> countries, List<OfficialMention> officials) {

    /**
     * The tags of several articles as one, for an event: countries by code and officials by key, mentions
     * added up; a country is in the title or lead if it is so in any article; an official keeps the first
     * known name, role and country. Most mentioned first.
     */
    public static ArticleTags union(List<ArticleTags> articles) {
        Map<String, CountryMention> countries = new LinkedHashMap<>();
        Map<String, OfficialMention> officials = new LinkedHashMap<>();
        for (ArticleTags a : articles) {
            for (CountryMention c : a.countries()) {
                countries.merge(c.code(), c, (x, y) -> new CountryMention(x.code(), x.name(), x.mentions() + y.mentions(),
                        x.inTitleOrLead() || y.inTitleOrLead()));
            }
            for (OfficialMention o : a.officials()) {
                officials.merge(o.key(), o, (x, y) -> new OfficialMention(x.name(), x.key(),
                        x.role() != null ? x.role() : y.role(),
                        x.role() != null ? x.roleAsWritten() : y.roleAsWritten(),
                        x.country() != null ? x.country() : y.country(), x.mentions() + y.mentions()));
            }
        }
        List<CountryMention> c = new ArrayList<>(countries.values());
        c.sort((x, y) -> Integer.compare(y.mentions(), x.mentions()));
        List<OfficialMention> o = new ArrayList<>(officials.values());
        o.sort((x, y) -> Integer.compare(y.mentions(), x.mentions()));
        return new ArticleTags(List.copyOf(c), List.copyOf(o));
    }
}
