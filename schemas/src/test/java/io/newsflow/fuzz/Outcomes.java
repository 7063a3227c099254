package io.newsflow.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * The one rule every fuzz target obeys: an input ends, within {@link #TIME_BOUND}, in a result or
 * in the exception type the API documents. Anything else (a NullPointerException, an
 * IllegalArgumentException leaking, StackOverflowError, OutOfMemoryError, a hang) fails the property.
 */
public final class Outcomes {

    /** Per input; generous because the build machine is shared, yet far above any single parse (milliseconds). */
    public static final Duration TIME_BOUND = Duration.ofSeconds(Long.getLong("fuzz.timeout.seconds", 20));

    private Outcomes() {
    }

    /**
     * Runs the call on the input; returns "ok" or the typed error's class name (for jqwik's
     * statistics), or fails with the input and the untyped error as cause.
     */
    @SafeVarargs
    public static String expect(FuzzInput input, ThrowingSupplier<?> call, Class<? extends Exception>... typed) {
        return expect(input.toString(), call, typed);
    }

    @SafeVarargs
    public static String expect(String input, ThrowingSupplier<?> call, Class<? extends Exception>... typed) {
        List<Class<? extends Exception>> documented = List.of(typed);
        try {
            Object result = assertTimeoutPreemptively(TIME_BOUND, call, () -> "no answer within " + TIME_BOUND + " for " + input);
            if (result == null) {
                throw new AssertionError("null result for " + input);
            }
            return "ok";
        } catch (Exception e) {
            if (documented.stream().anyMatch(type -> type.isInstance(e))) {
                // A crash the API wrapped in its typed error is counted apart: a lead for the next fix.
                Throwable cause = e.getCause();
                boolean wrappedCrash = (cause instanceof RuntimeException || cause instanceof Error)
                        && documented.stream().noneMatch(type -> type.isInstance(cause));
                return e.getClass().getSimpleName() + (wrappedCrash ? " wrapping " + cause.getClass().getName() : "");
            }
            throw new AssertionError("untyped " + e.getClass().getName() + " for " + input, e);
        }
    }
}
