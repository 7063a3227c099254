package io.newsflow.launcher.commands;

import io.newsflow.launcher.config.ConfigurationException;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.pipeline.Stages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "config", description = "Print every setting (environment variable), its value in force and its meaning; "
        + "with --check, validate the settings (and the feeds file) without starting anything.")
public final class ConfigCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print the table as Markdown (docs/configuration.md's table).")
    boolean markdown;

    @Option(names = "--check", description = "Validate only: one line per problem on stdout, then `check problems=<n>`. "
            + "Exit 0 valid, 2 problems.")
    boolean check;

    @Override
    public Integer call() {
        Settings settings = Settings.fromEnvironment();
        if (check) {
            return check(settings);
        }
        if (markdown) {
            System.out.println("| Variable | Default | Meaning |");
            System.out.println("|---|---|---|");
        }
        for (Setting s : Setting.values()) {
            if (markdown) {
                String shown = s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`";
                System.out.printf("| `%s` | %s | %s |%n", s.name(), shown, s.doc());
            } else {
                System.out.printf("%s=%s%n    %s%n", s.name(), settings.display(s), s.doc());
            }
        }
        List<String> problems = settings.problems();
        if (!markdown && !problems.isEmpty()) {
            problems.forEach(problem -> System.err.println("config: " + problem));
            return ConfigurationException.EXIT_CODE;
        }
        return 0;
    }

    private static int check(Settings settings) {
        List<String> problems = new ArrayList<>(settings.problems());
        if (problems.isEmpty() && settings.isSet(Setting.NEWSFLOW_FEEDS_FILE)) {
            Stages.feedsFileProblems(Path.of(settings.get(Setting.NEWSFLOW_FEEDS_FILE)))
                    .forEach(problem -> problems.add("NEWSFLOW_FEEDS_FILE " + problem));
        }
        problems.forEach(System.out::println);
        System.out.println("check problems=" + problems.size());
        return problems.isEmpty() ? 0 : ConfigurationException.EXIT_CODE;
    }
}
