package io.newsflow.sink;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Plain SQL reads for assertions. */
final class Db {

    private Db() {
    }

    static List<String> query(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rows.getString(i));
                }
                result.add(row.toString());
            }
            return result;
        }
    }

    /** eventId to version of every row in the events table. */
    static Map<String, Long> versions(String jdbcUrl) throws SQLException {
        Map<String, Long> versions = new TreeMap<>();
        for (String row : query(jdbcUrl, "SELECT event_id, version FROM events")) {
            String[] parts = row.split("\\|");
            versions.put(parts[0], Long.parseLong(parts[1]));
        }
        return versions;
    }
}
