package io.newsflow.launcher.commands;

import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.pipeline.Stages;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "ingest", description = "Run the ingest stage alone (drop folder -> raw-articles) against KAFKA_BOOTSTRAP_SERVERS.")
public final class IngestCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.fromEnvironment().validated();
        int feedsFile = Stages.checkFeedsFile(settings, System.err);
        if (feedsFile != 0) {
            return feedsFile;
        }
        return ServiceRunner.run(settings, false, List.of(Stages::ingest));
    }
}
