package io.newsflow.launcher.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What values a {@link Setting} accepts. Declared next to each setting, so a new setting is checked at start
 * by naming its type: no separate list of checks to keep in step.
 */
public sealed interface SettingType {

    /** Why {@code value} (already trimmed, never empty) is refused, or empty when it is accepted. */
    Optional<String> problem(String value);

    /** True when an empty value (the variable set to nothing, or an empty default) means "not set". */
    default boolean emptyAllowed() {
        return true;
    }

    /** Masked when shown and logged; {@code <NAME>_FILE} may name a file holding it (Docker secrets). */
    default boolean secret() {
        return false;
    }

    static SettingType text() {
        return new Text(false);
    }

    static SettingType secretText() {
        return new Text(true);
    }

    /** A TCP port; {@code min} below 0 lets negative values turn the listener off. */
    static SettingType port(int min) {
        return new WholeNumber(min, 65_535, "a port");
    }

    /** Milliseconds, from {@code min}. */
    static SettingType millis(long min, long max) {
        return new WholeNumber(min, max, "a duration in milliseconds");
    }

    static SettingType wholeNumber(long min, long max) {
        return new WholeNumber(min, max, "a whole number");
    }

    static SettingType bool() {
        return new OneOf(List.of("true", "false"));
    }

    /** One of the values, case-insensitively. */
    static SettingType oneOf(String... values) {
        return new OneOf(List.of(values));
    }

    static SettingType path() {
        return new FilePath();
    }

    /** An absolute URL with one of the schemes. */
    static SettingType url(String... schemes) {
        return new Url(List.of(schemes));
    }

    /** host:port,host:port... */
    static SettingType hostPorts() {
        return new HostPorts();
    }

    record Text(boolean secret) implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            return Optional.empty();
        }
    }

    record WholeNumber(long min, long max, String what) implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            try {
                long n = Long.parseLong(value);
                return n < min || n > max
                        ? Optional.of("must be " + what + " from " + min + " to " + max + ", got '" + value + "'")
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.of("must be " + what + " (" + min + " to " + max + "), got '" + value + "'");
            }
        }

        @Override
        public boolean emptyAllowed() {
            return false;
        }
    }

    record OneOf(List<String> values) implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            return values.stream().anyMatch(v -> v.equalsIgnoreCase(value)) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", values) + " (any case), got '" + value + "'");
        }

        @Override
        public boolean emptyAllowed() {
            return false;
        }
    }

    record FilePath() implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            try {
                java.nio.file.Path.of(value);
                return Optional.empty();
            } catch (java.nio.file.InvalidPathException e) {
                return Optional.of("must be a file path: " + e.getMessage());
            }
        }
    }

    record Url(List<String> schemes) implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            try {
                URI uri = new URI(value);
                if (uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                    return Optional.empty();
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            return Optional.of("must be a URL starting " + String.join(": or ", schemes) + ":, got '" + value + "'");
        }
    }

    record HostPorts() implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            for (String server : value.split(",")) {
                String s = server.strip();
                int colon = s.lastIndexOf(':');
                boolean ok = colon > 0 && colon < s.length() - 1 && s.substring(colon + 1).chars().allMatch(Character::isDigit);
                if (!ok) {
                    return Optional.of("must be host:port[,host:port...], got '" + value + "'");
                }
            }
            return Optional.empty();
        }
    }
}
