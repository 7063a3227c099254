package io.newsflow.launcher.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stages started in order and stopped in reverse order, so nothing downstream outlives its input. */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final List<Stage> stages;
    /** Checks of the process as a whole (Kafka reachable), before the stages' own. */
    private final List<HealthCheck> processChecks;
    private final List<Stage> started = new ArrayList<>();

    public Pipeline(List<Stage> stages) {
        this(stages, List.of());
    }

    public Pipeline(List<Stage> stages, List<HealthCheck> processChecks) {
        this.stages = List.copyOf(stages);
        this.processChecks = List.copyOf(processChecks);
    }

    public Pipeline start() {
        for (Stage stage : stages) {
            LOG.info("starting {}", stage.name());
            stage.start().run();
            synchronized (started) {
                started.add(stage);
            }
        }
        return this;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Every stage can make progress (a stage not started yet can). */
    public boolean live() {
        return stages.stream().allMatch(s -> s.live().getAsBoolean());
    }

    /** Every check's problem by check name, in order ("started" first); an empty value is a passing check. */
    public Map<String, Optional<String>> checks() {
        Map<String, Optional<String>> results = new LinkedHashMap<>();
        int startedCount;
        synchronized (started) {
            startedCount = started.size();
        }
        results.put("started", startedCount == stages.size() ? Optional.empty()
                : Optional.of("starting: " + startedCount + " of " + stages.size() + " stages started"));
        for (HealthCheck check : processChecks) {
            results.put(check.name(), check.problem().get());
        }
        for (Stage stage : stages) {
            results.put(stage.name() + ".live", stage.live().getAsBoolean() ? Optional.empty()
                    : Optional.of(stage.name() + " has stopped making progress"));
            for (HealthCheck check : stage.checks()) {
                results.put(stage.name() + "." + check.name(), check.problem().get());
            }
        }
        return results;
    }

    /** Started, and every check passes: each stage does its work now. */
    public boolean ready() {
        return checks().values().stream().allMatch(Optional::isEmpty);
    }

    /** The same as {@link #ready()} (kept for callers that ask for health). */
    public boolean healthy() {
        return ready();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Stage stage = started.get(i);
            try {
                LOG.info("stopping {}", stage.name());
                stage.stop().close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", stage.name(), e.toString());
            }
        }
        synchronized (started) {
            started.clear();
        }
    }
}
