package io.newsflow.launcher.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Checks a configuration before anything starts: each value against its {@link SettingType}, and every
 * {@code NEWSFLOW_*} variable against the known names, so a typo is an error naming the closest real setting
 * rather than a setting silently left at its default.
 */
final class SettingsCheck {

    static final String FILE_SUFFIX = "_FILE";
    /**
     * Kafka client settings pass through as {@code NEWSFLOW_KAFKA_<NAME>} (and a properties file); their names are
     * checked against Kafka's own configuration names where they are read, not here.
     */
    static final String KAFKA_PASS_THROUGH_PREFIX = "NEWSFLOW_KAFKA_";
    /** Read by the {@code newsflow} script (JVM options), not by the Java code. */
    static final Set<String> READ_ELSEWHERE = Set.of("NEWSFLOW_JAVA_OPTS");

    private SettingsCheck() {
    }

    static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>(unknownNames(settings.environment()));
        problems.addAll(settings.unreadableSecretFiles());
        for (Setting s : Setting.values()) {
            String value = settings.get(s);
            if (value.isEmpty()) {
                if (!s.type().emptyAllowed()) {
                    problems.add(s.name() + " must not be empty (default " + s.defaultValue() + ")");
                }
                continue;
            }
            s.type().problem(value).ifPresent(problem -> problems.add(s.name() + " " + problem));
        }
        if (settings.get(Setting.NEWSFLOW_WIRE_FORMAT).equalsIgnoreCase("confluent") && !settings.isSet(Setting.NEWSFLOW_SCHEMA_REGISTRY_URL)) {
            problems.add("NEWSFLOW_WIRE_FORMAT=confluent needs NEWSFLOW_SCHEMA_REGISTRY_URL (the framing carries the registry's schema ids)");
        }
        return problems;
    }

    private static List<String> unknownNames(Map<String, String> env) {
        Set<String> known = new TreeSet<>();
        for (Setting s : Setting.values()) {
            known.add(s.name());
            if (s.type().secret()) {
                known.add(s.name() + FILE_SUFFIX);
            }
        }
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith("NEWSFLOW_") && !name.startsWith(KAFKA_PASS_THROUGH_PREFIX)
                    && !known.contains(name) && !READ_ELSEWHERE.contains(name)) {
                problems.add("unknown setting " + name + " (did you mean " + closest(name, known) + "?)");
            }
        }
        return problems;
    }

    private static String closest(String name, Set<String> known) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return known.stream()
                .min(Comparator.comparingInt((String k) -> distance.apply(name, k)).thenComparing(k -> k))
                .orElseThrow();
    }

}
