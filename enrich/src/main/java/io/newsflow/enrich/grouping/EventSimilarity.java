package io.newsflow.enrich.grouping;

import java.time.LocalDate;
import java.util.Map;

/**
 * How well an article fits an open event, from several signals weighed on purpose:
 * <ul>
 *   <li>TF-IDF cosine of the article with the event's centroid (title and names weigh more,
 *       see {@link TextFeatures});</li>
 *   <li>a veto when both give a day and the days are further apart than the settings allow:
 *       two reports dated weeks apart are about different happenings, however alike their words.</li>
 * </ul>
 */
final class EventSimilarity {

    private EventSimilarity() {
    }

    /** A similarity and why: value is what decides, the rest is evidence. */
    record Score(double value, double cosine, double nameCosine, boolean vetoed) {
    }

    static Score score(Map<String, Double> vector, ArticleProfile profile, EventState event, GroupingSettings settings) {
        double cosine = cosine(vector, event.centroid);
        double names = cosine(restrict(vector, profile.names()), restrict(event.centroid, event.names.keySet()));
        boolean vetoed = dayConflict(profile.day(), event.day(), settings.dayVetoDays());
        double value = NAME_SHARE * names + (1 - NAME_SHARE) * cosine;
        return new Score(vetoed ? 0.0 : value, cosine, names, vetoed);
    }

    static double NAME_SHARE = Double.parseDouble(System.getProperty("nameShare", "0.5"));

    private static Map<String, Double> restrict(Map<String, Double> vector, java.util.Set<String> keep) {
        Map<String, Double> out = new java.util.HashMap<>();
        for (String k : keep) {
            Double w = vector.get(k);
            if (w != null) {
                out.put(k, w);
            }
        }
        return out;
    }

    /** Whether two events are one: their centroids agree and their days do not conflict. */
    static boolean eventsAgree(EventState a, EventState b, GroupingSettings settings) {
        Long dayA = a.day();
        Long dayB = b.day();
        if (dayA != null && dayB != null && Math.abs(dayA - dayB) > settings.dayVetoDays()) {
            return false;
        }
        return cosine(a.centroid, b.centroid) >= settings.joinThreshold();
    }

    static boolean dayConflict(LocalDate articleDay, Long eventDay, int vetoDays) {
        return articleDay != null && eventDay != null && Math.abs(articleDay.toEpochDay() - eventDay) > vetoDays;
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double w = large.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        double na = norm(a);
        double nb = norm(b);
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    private static double norm(Map<String, Double> v) {
        double s = 0;
        for (double w : v.values()) {
            s += w * w;
        }
        return Math.sqrt(s);
    }
}
