package io.newsflow.launcher.commands;

import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "config", description = "Print every setting (environment variable), its value in force and its meaning.")
public final class ConfigCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print the table as Markdown (README's configuration table).")
    boolean markdown;

    @Override
    public Integer call() {
        Settings settings = Settings.fromEnvironment();
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
        return 0;
    }
}
