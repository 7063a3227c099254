package io.newsflow.launcher.commands;

import io.newsflow.launcher.pipeline.Stages;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "ingest", description = "Run the ingest stage alone (drop folder -> raw-articles) against KAFKA_BOOTSTRAP_SERVERS.")
public final class IngestCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return ServiceRunner.runWithIngest(false, List.of(Stages::ingest));
    }
}
