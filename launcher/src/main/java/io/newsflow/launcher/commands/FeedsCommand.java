package io.newsflow.launcher.commands;

import io.newsflow.ingest.feeds.config.OpmlImport;
import io.newsflow.ingest.feeds.parsing.FeedFileParser;
import io.newsflow.launcher.config.ConfigurationException;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.pipeline.Stages;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "feeds", description = "Work with feeds offline.",
        subcommands = {FeedsCommand.Parse.class, FeedsCommand.Import.class, FeedsCommand.Check.class})
public final class FeedsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "parse", description = "Parse saved feed files; one line per file, then "
            + "`parse files=<n> ok=<k> rejected=<r> crashed=<c>`. Exit 0 all read, 1 some rejected, 2 a crash.")
    static final class Parse implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Feed files (RSS 0.9x/1.0/2.0, Atom 0.3/1.0).")
        List<Path> files;

        @Override
        public Integer call() {
            return FeedFileParser.run(files, System.out);
        }
    }

    @Command(name = "import", description = "Add the feeds of an OPML file to the feeds file (existing feeds are kept).")
    static final class Import implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "OPML", description = "The OPML file.")
        Path opml;

        @Option(names = "--into", description = "Feeds file to add to (default: NEWSFLOW_FEEDS_FILE, else feeds.yaml).")
        Path feedsFile;

        @Override
        public Integer call() {
            Settings settings = Settings.fromEnvironment();
            Path target = feedsFile != null ? feedsFile
                    : Path.of(settings.isSet(Setting.NEWSFLOW_FEEDS_FILE) ? settings.get(Setting.NEWSFLOW_FEEDS_FILE) : "feeds.yaml");
            return OpmlImport.run(opml, target, System.out);
        }
    }

    @Command(name = "check", description = "Validate a feeds file without starting anything: one line per problem, then "
            + "`check problems=<n>`. Exit 0 valid, 2 problems.")
    static final class Check implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The feeds file (default: NEWSFLOW_FEEDS_FILE).")
        Path file;

        @Override
        public Integer call() {
            Settings settings = Settings.fromEnvironment();
            if (file == null && !settings.isSet(Setting.NEWSFLOW_FEEDS_FILE)) {
                throw new ConfigurationException("no FILE given and NEWSFLOW_FEEDS_FILE is not set");
            }
            Path target = file != null ? file : Path.of(settings.get(Setting.NEWSFLOW_FEEDS_FILE));
            List<String> problems = Stages.feedsFileProblems(target);
            problems.forEach(System.out::println);
            System.out.println("check problems=" + problems.size());
            return problems.isEmpty() ? 0 : 2;
        }
    }
}
