package io.newsflow.launcher;

import io.newsflow.launcher.bench.BenchCommand;
import io.newsflow.launcher.commands.ConfigCommand;
import io.newsflow.launcher.commands.DemoCommand;
import io.newsflow.launcher.commands.EnrichCommand;
import io.newsflow.launcher.commands.EvalCommand;
import io.newsflow.launcher.commands.ExtractEvalCommand;
import io.newsflow.launcher.commands.FeedsCommand;
import io.newsflow.launcher.commands.IngestCommand;
import io.newsflow.launcher.commands.SchemaCommand;
import io.newsflow.launcher.commands.SinkCommand;
import io.newsflow.launcher.commands.UpCommand;
import io.newsflow.launcher.config.ConfigurationException;
import io.newsflow.launcher.ops.BuildVersion;
import io.newsflow.launcher.config.Setting;
import io.newsflow.topics.AvroTrust;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `newsflow` command line. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = Newsflow.Version.class,
        // --help and --version on every command and subcommand.
        scope = CommandLine.ScopeType.INHERIT,
        description = "Streaming news pipeline: ingest -> enrich -> sink over Kafka.",
        subcommands = {UpCommand.class, IngestCommand.class, EnrichCommand.class, SinkCommand.class,
                DemoCommand.class, EvalCommand.class, ExtractEvalCommand.class, FeedsCommand.class, ConfigCommand.class,
                SchemaCommand.class, BenchCommand.class})
public final class Newsflow implements Runnable {

    /** Exit code of a user error: a bad setting, a missing folder, a port in use (one line, no stack trace). */
    public static final int USER_ERROR = ConfigurationException.EXIT_CODE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        chooseLogFormat();
        AvroTrust.trustNewsflowPackages();
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return new CommandLine(new Newsflow())
                .setExecutionExceptionHandler(Newsflow::failed)
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * A user error is one line (JSON when logs are JSON) and exit 2; anything else is logged with its stack trace
     * through the logging layout, so JSON logs stay JSON even for a fatal error.
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        String name = command.getCommandSpec().qualifiedName();
        if (e instanceof ConfigurationException) {
            if (jsonLogs()) {
                LoggerFactory.getLogger(Newsflow.class).error("{}: {}", name, e.getMessage());
            } else {
                command.getErr().println(name + ": " + e.getMessage());
            }
            return USER_ERROR;
        }
        LoggerFactory.getLogger(Newsflow.class).error("{} failed", name, e);
        return 1;
    }

    /**
     * Logback reads NEWSFLOW_LOG_FORMAT to pick its appender by name; a system property of the same name (which
     * logback reads first) gives it the value in lower case, so JSON works as json. An unknown value falls back
     * to text here and is refused by the settings check.
     */
    private static void chooseLogFormat() {
        System.setProperty(Setting.NEWSFLOW_LOG_FORMAT.name(), jsonLogs() ? "json" : "text");
    }

    private static boolean jsonLogs() {
        String format = System.getenv(Setting.NEWSFLOW_LOG_FORMAT.name());
        return format != null && format.strip().toLowerCase(Locale.ROOT).equals("json");
    }

    /** picocli's --version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"newsflow " + BuildVersion.current()};
        }
    }
}
