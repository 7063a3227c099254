package io.newsflow.launcher.commands;

import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.pipeline.Stages;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "enrich", description = "Run the enrich stage alone (raw-articles -> events) against KAFKA_BOOTSTRAP_SERVERS.")
public final class EnrichCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return ServiceRunner.run(Settings.fromEnvironment().validated(), false, List.of(Stages::enrich));
    }
}
