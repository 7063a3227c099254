package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.text.ArticleProfile;
import io.newsflow.enrich.grouping.vectors.TermVector;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.CountryMention;
import io.newsflow.enrich.tagging.OfficialMention;
import java.util.ArrayList;
import java.util.List;

/**
 * What an event keeps of each member article: enough to compare the article with newcomers and
 * to re-form events from their members when a later article shows that two events are one, or
 * that one event is two.
 *
 * @param vector    the article's strongest TF-IDF weights, as stored (float precision)
 * @param names     the names among those terms
 * @param day       the day the article reports or was written (epoch day), or null
 * @param countries the article's tagged countries
 * @param officials the article's tagged officials
 * @param lead      the first paragraph, the summary of an event the article founds
 */
public record MemberFeatures(TermVector vector, List<String> names, Long day,
                      List<EventState.CountryCount> countries, List<EventState.OfficialCount> officials, String lead) {

    public static MemberFeatures of(TermVector vector, ArticleProfile profile, ArticleTags tags, String lead, int terms) {
        TermVector kept = vector.largest(terms).asStored();
        List<String> names = new ArrayList<>();
        for (String name : profile.names()) {
            if (profile.termWeights().containsKey(name) && kept.contains(TermVector.termOf(name))) {
                names.add(name);
            }
        }
        names.sort(null);
        List<EventState.CountryCount> countries = new ArrayList<>();
        List<EventState.OfficialCount> officials = new ArrayList<>();
        if (tags != null) {
            for (CountryMention c : tags.countries()) {
                countries.add(new EventState.CountryCount(c.code(), c.name(), c.mentions(), c.inTitleOrLead()));
            }
            for (OfficialMention o : tags.officials()) {
                officials.add(new EventState.OfficialCount(o.name(), o.key(), o.role(), o.roleAsWritten(), o.country(),
                        o.mentions()));
            }
        }
        Long day = profile.day() == null ? null : profile.day().toEpochDay();
        return new MemberFeatures(kept, names, day, countries, officials, lead);
    }
}
