package io.newsflow.launcher.commands;

import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.pipeline.Stages;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "sink", description = "Run the sink stage alone (events -> JSON Lines, PostgreSQL) against KAFKA_BOOTSTRAP_SERVERS.",
        subcommands = SinkMigrateCommand.class)
public final class SinkCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return ServiceRunner.run(Settings.fromEnvironment().validated(), false, List.of(Stages::sink));
    }
}
