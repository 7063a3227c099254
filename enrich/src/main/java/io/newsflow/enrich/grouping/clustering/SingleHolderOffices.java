package io.newsflow.enrich.grouping.clustering;

import io.newsflow.enrich.tagging.RoleNormaliser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The offices a country has one holder of at a time ({@code single-holder-offices.tsv} beside this class): only for
 * those does naming a different holder mean a different event. Vice ministers, spokespersons, senators and
 * governors come many at a time, so two of them tell nothing apart.
 */
final class SingleHolderOffices {

    private static final SingleHolderOffices STANDARD = load("io/newsflow/enrich/grouping/clustering/single-holder-offices.tsv");

    private final Set<String> offices;
    private final RoleNormaliser roles = RoleNormaliser.standard();

    private SingleHolderOffices(Set<String> offices) {
        this.offices = offices;
    }

    static SingleHolderOffices standard() {
        return STANDARD;
    }

    /** Whether a role, in any wording, is one of the listed offices (qualifiers such as "First" set aside). */
    boolean contains(String role) {
        return role != null && offices.contains(roles.officeKey(role));
    }

    private static SingleHolderOffices load(String resource) {
        Set<String> offices = new HashSet<>();
        try (InputStream in = SingleHolderOffices.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    offices.add(RoleNormaliser.standard().officeKey(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SingleHolderOffices(Set.copyOf(offices));
    }
}
