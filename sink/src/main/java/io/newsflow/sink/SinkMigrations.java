package io.newsflow.sink;

/** STUB until the PostgreSQL sink lands. */
public final class SinkMigrations {

    private SinkMigrations() {
    }

    public static void migrate(String jdbcUrl, String user, String password) {
        throw new UnsupportedOperationException("migrations not yet available");
    }
}
