package io.newsflow.launcher.pipeline;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One condition of readiness, named in {@code /health/ready}'s answer: {@code problem} gives why it fails now,
 * or empty while it passes.
 */
public record HealthCheck(String name, Supplier<Optional<String>> problem) {

    /** A check that passes while {@code passing} is true, else fails saying {@code whenFailing}. */
    public static HealthCheck of(String name, java.util.function.BooleanSupplier passing, String whenFailing) {
        return new HealthCheck(name, () -> passing.getAsBoolean() ? Optional.empty() : Optional.of(whenFailing));
    }
}
