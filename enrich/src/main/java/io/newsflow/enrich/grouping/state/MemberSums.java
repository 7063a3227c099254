package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.vectors.TermVector;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sums over members' features: an event's aggregates (centroid, names, days, countries,
 * officials). An event keeps the features of its most recent members only (the ones a
 * neighbourhood can take in), so that the state of a story with thousands of reports stays small (a
 * state store record, and its changelog record, is written on every change); what older members
 * add is kept as such sums ({@link EventState#retired}).
 */
public final class MemberSums {

    TermVector centroid = TermVector.EMPTY;
    final Map<String, Integer> names = new HashMap<>();
    final Map<Long, Integer> days = new HashMap<>();
    final Map<String, EventState.CountryCount> countries = new LinkedHashMap<>();
    final Map<String, EventState.OfficialCount> officials = new LinkedHashMap<>();

    void add(MemberFeatures f) {
        centroid = centroid.plusAsStored(f.vector());
        f.names().forEach(name -> names.merge(name, 1, Integer::sum));
        if (f.day() != null) {
            days.merge(f.day(), 1, Integer::sum);
        }
        f.countries().forEach(c -> countries.merge(c.code(), c, EventState::sum));
        f.officials().forEach(o -> officials.merge(o.key(), o, EventState::sum));
    }

    public void add(MemberSums other) {
        centroid = centroid.plusAsStored(other.centroid);
        other.names.forEach((name, n) -> names.merge(name, n, Integer::sum));
        other.days.forEach((day, n) -> days.merge(day, n, Integer::sum));
        other.countries.forEach((code, c) -> countries.merge(code, c, EventState::sum));
        other.officials.forEach((key, o) -> officials.merge(key, o, EventState::sum));
    }
}
