package io.newsflow.sink;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's PostgreSQL schema, as versioned Flyway migrations ({@code io/newsflow/sink/migration/V*.sql}).
 * Applied when the sink starts and by {@code newsflow sink migrate}. The history table has its own name so that
 * the sink's migrations can share a database with other tools' migrations.
 */
public final class SinkMigrations {

    public static final String LOCATION = "classpath:io/newsflow/sink/migration";
    public static final String HISTORY_TABLE = "newsflow_sink_schema_history";

    private static final Logger log = LoggerFactory.getLogger(SinkMigrations.class);

    private SinkMigrations() {
    }

    /**
     * Brings the database schema up to date.
     *
     * @return how many migrations were applied (0 when already current)
     */
    public static int migrate(String jdbcUrl, String user, String password) {
        Flyway flyway = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(false)
                .connectRetries(0)
                .load();
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Database schema migrated to version {} ({} migrations applied)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        } else {
            log.info("Database schema is current at version {}", flyway.info().current() == null
                    ? "none" : flyway.info().current().getVersion());
        }
        return result.migrationsExecuted;
    }
}
