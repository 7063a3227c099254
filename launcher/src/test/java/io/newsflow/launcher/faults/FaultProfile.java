package io.newsflow.launcher.faults;

/**
 * How hard the fault suite pushes: {@code short} (the default, part of {@code ./mvnw verify}) or {@code full}
 * ({@code -Dfaults=full}). {@code -Dfaults.seed=N} replays a run: every random choice (articles, kill moments,
 * downtimes) comes from the seed, which each scenario logs.
 */
record FaultProfile(String name, int articles, int killsPerStage, int brokerRestarts, int databaseRestarts,
                    int diskArticles, int dropsPerSecond, long seed) {

    static FaultProfile fromSystemProperties() {
        long seed = Long.getLong("faults.seed", System.nanoTime() % 1_000_000);
        return switch (System.getProperty("faults", "short")) {
            case "short" -> new FaultProfile("short", 300, 1, 1, 1, 100, 30, seed);
            case "full" -> new FaultProfile("full", 3000, 3, 3, 3, 1000, 40, seed);
            default -> throw new IllegalArgumentException("-Dfaults must be short or full, got "
                    + System.getProperty("faults"));
        };
    }
}
