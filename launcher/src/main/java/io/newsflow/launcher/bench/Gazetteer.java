package io.newsflow.launcher.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The countries and office holders the tagger knows (its own gazetteer and curated list, read from
 * the enrich jar), so that generated articles get realistic tags rather than names nobody tags.
 */
final class Gazetteer {

    /** A country with the forms articles use: name, demonym and capital (all three known to the tagger). */
    record Country(String code, String name, String demonym, String capital) {
    }

    /** A current office holder of the curated list. */
    record Official(String name, String role, String countryCode) {
    }

    final List<Country> countries;
    final List<Official> officials;

    private Gazetteer(List<Country> countries, List<Official> officials) {
        this.countries = countries;
        this.officials = officials;
    }

    static Gazetteer standard() {
        Map<String, String[]> forms = new LinkedHashMap<>();
        for (String[] row : rows("/tagging/countries.tsv")) {
            if (row.length < 3) {
                continue;
            }
            String[] f = forms.computeIfAbsent(row[0], code -> new String[3]);
            int slot = switch (row[1]) {
                case "name" -> 0;
                case "demonym" -> 1;
                case "capital" -> 2;
                default -> -1;
            };
            if (slot >= 0 && f[slot] == null) {
                f[slot] = row[2];
            }
        }
        List<Country> countries = new ArrayList<>();
        forms.forEach((code, f) -> {
            // "Georgia" needs a sign of the country and names with commas read badly in a sentence
            if (f[0] != null && f[1] != null && f[2] != null && !f[0].contains(",") && !code.equals("GE")) {
                countries.add(new Country(code, f[0], f[1], f[2]));
            }
        });
        List<Official> officials = new ArrayList<>();
        for (String[] row : rows("/tagging/officials.tsv")) {
            // name, variants..., role, country, from, until: current holders have no end date
            if (row.length >= 5 && row[row.length - 1].isBlank()) {
                // the first column is the name and its variants ("Lee Jae-myung|Lee Jae Myung"): articles use the name
                officials.add(new Official(row[0].split("\\|")[0], row[row.length - 4], row[row.length - 3]));
            }
        }
        return new Gazetteer(List.copyOf(countries), List.copyOf(officials));
    }

    /** The country with this code, or null when the gazetteer leaves it out. */
    Country country(String code) {
        for (Country c : countries) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        return null;
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
