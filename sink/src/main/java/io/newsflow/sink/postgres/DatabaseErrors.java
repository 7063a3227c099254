package io.newsflow.sink.postgres;

import java.sql.SQLException;

/**
 * Tells a record the database refuses for what it contains (dead-letter it, go on) from a database that is
 * unreachable or failing (stop, retry with backoff). Decided by SQLSTATE class: 22 data exception (e.g. value too
 * long, NUL byte), 23 integrity constraint violation, 54 program limit exceeded (e.g. index row too large).
 * Everything else, notably class 08 (connection) and 57 (server shutting down), is treated as transient.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    public static boolean isContentRejection(Throwable failure) {
        return contentState(failure) != null;
    }

    /** The SQLSTATE of the content rejection somewhere in the cause chain, or null when it is none. */
    public static String contentState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23")
                            || state.startsWith("54"))) {
                        return state;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
