package io.newsflow.launcher.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stages started in order and stopped in reverse order, so nothing downstream outlives its input. */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final List<Stage> stages;
    private final List<Stage> started = new ArrayList<>();

    public Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public Pipeline start() {
        for (Stage stage : stages) {
            LOG.info("starting {}", stage.name());
            stage.start().run();
            started.add(stage);
        }
        return this;
    }

    public List<Stage> stages() {
        return stages;
    }

    public boolean healthy() {
        return started.size() == stages.size() && stages.stream().allMatch(s -> s.healthy().getAsBoolean());
    }

    /** Healthy, and every stage does its work now (enrich: Kafka Streams RUNNING, not rebalancing). */
    public boolean ready() {
        return healthy() && stages.stream().allMatch(s -> s.ready().getAsBoolean());
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
        started.clear();
    }
}
