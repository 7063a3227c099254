package io.newsflow.enrich.tagging;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The curated office holders of {@code tagging/officials.tsv}, looked up by any variant of their name. */
final class KnownOfficials {

    /** One known office holder. */
    record Known(String name, String key, String role, String country, LocalDate from, LocalDate to) {

        /** In office on that day; an unknown day (null) counts as in office. */
        boolean inOfficeOn(LocalDate day) {
            return day == null || (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
        }
    }

    private final Map<String, Known> byKey = new HashMap<>();

    static KnownOfficials standard() {
        return from("tagging/officials.tsv");
    }

    /** The office holders of these resources (tests add lists of their own to the standard one). */
    static KnownOfficials from(String... resources) {
        KnownOfficials k = new KnownOfficials();
        for (String resource : resources) {
            k.read(resource);
        }
        return k;
    }

    private void read(String resource) {
        KnownOfficials k = this;
        CountryGazetteer.read(resource, cols -> {
            String[] names = cols[0].split("\\|");
            String[] c = Arrays.copyOf(cols, 5);
            Known known = new Known(names[0], PersonNames.key(names[0]), c[1], c[2],
                    blank(c[3]) ? null : LocalDate.parse(c[3].strip()), blank(c[4]) ? null : LocalDate.parse(c[4].strip()));
            for (String n : names) {
                k.byKey.putIfAbsent(PersonNames.key(n), known);
            }
        });
    }

    Known byKey(String key) {
        return byKey.get(key);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
