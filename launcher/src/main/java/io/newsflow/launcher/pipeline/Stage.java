package io.newsflow.launcher.pipeline;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One running stage (ingest, enrich or sink) as the launcher sees it: start, liveness (its threads can make
 * progress), the checks of its readiness, stop.
 */
public record Stage(String name, Runnable start, BooleanSupplier live, List<HealthCheck> checks, AutoCloseable stop) {

    public Stage {
        checks = List.copyOf(checks);
    }

    /** Live and every check passing. */
    public boolean healthy() {
        return live.getAsBoolean() && checks.stream().allMatch(c -> c.problem().get().isEmpty());
    }
}
