package io.newsflow.launcher.commands;

import io.newsflow.launcher.pipeline.Stages;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "up", description = "Run ingest, enrich and sink in one process; starts an embedded Kafka broker "
        + "unless KAFKA_BOOTSTRAP_SERVERS is set. Stops cleanly on SIGTERM/Ctrl-C.")
public final class UpCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return ServiceRunner.runWithIngest(true, List.of(Stages::ingest, Stages::enrich, Stages::sink));
    }
}
