package io.newsflow.launcher;

import io.newsflow.launcher.commands.ConfigCommand;
import io.newsflow.launcher.commands.DemoCommand;
import io.newsflow.launcher.commands.EnrichCommand;
import io.newsflow.launcher.commands.EvalCommand;
import io.newsflow.launcher.commands.ExtractEvalCommand;
import io.newsflow.launcher.commands.FeedsCommand;
import io.newsflow.launcher.commands.IngestCommand;
import io.newsflow.launcher.commands.SinkCommand;
import io.newsflow.launcher.commands.UpCommand;
import io.newsflow.topics.AvroTrust;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `newsflow` command line. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, version = "newsflow 0.1.0",
        description = "Streaming news pipeline: ingest -> enrich -> sink over Kafka.",
        subcommands = {UpCommand.class, IngestCommand.class, EnrichCommand.class, SinkCommand.class,
                DemoCommand.class, EvalCommand.class, ExtractEvalCommand.class, FeedsCommand.class, ConfigCommand.class})
public final class Newsflow implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        AvroTrust.trustNewsflowPackages();
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return new CommandLine(new Newsflow()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
