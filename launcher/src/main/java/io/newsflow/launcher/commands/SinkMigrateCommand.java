package io.newsflow.launcher.commands;

import io.newsflow.launcher.config.ConfigurationException;
import io.newsflow.launcher.config.Setting;
import io.newsflow.launcher.config.Settings;
import io.newsflow.sink.SinkMigrations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "migrate", description = "Apply the database migrations to NEWSFLOW_SINK_JDBC_URL and exit.")
public final class SinkMigrateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Settings settings = Settings.fromEnvironment().validated();
        if (!settings.isSet(Setting.NEWSFLOW_SINK_JDBC_URL)) {
            throw new ConfigurationException("NEWSFLOW_SINK_JDBC_URL is not set: no database to migrate");
        }
        SinkMigrations.migrate(settings.get(Setting.NEWSFLOW_SINK_JDBC_URL),
                settings.get(Setting.NEWSFLOW_SINK_JDBC_USER), settings.get(Setting.NEWSFLOW_SINK_JDBC_PASSWORD));
        return 0;
    }
}
