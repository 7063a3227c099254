package io.newsflow.launcher.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * End-to-end latency: from the moment an article's file lands in the drop folder to the moment
 * its row in {@code event_articles} is visible in PostgreSQL, found by asking the database every
 * {@value #POLL_MS} ms for the articles still under way (the poll adds at most that and one query's time).
 * Not back to back: a query for a thousand ids, asked without pause, kept PostgreSQL busy on more than one of
 * the machine's two cores, and the pipeline measured had the rest.
 */
final class LatencyProbe implements AutoCloseable {

    static final int POLL_MS = 20;

    private final Connection connection;
    private final PreparedStatement query;
    private final Map<String, Long> landedAt = new ConcurrentHashMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    LatencyProbe(String jdbcUrl, String user, String password) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, password);
        query = connection.prepareStatement("SELECT DISTINCT article_id FROM event_articles WHERE article_id = ANY (?)");
        poller = new Thread(this::poll, "bench-latency-probe");
        poller.setDaemon(true);
        poller.start();
    }

    /** The article's file is in the drop folder now. */
    void landed(String articleId) {
        landedAt.put(articleId, System.nanoTime());
    }

    int pending() {
        return landedAt.size();
    }

    /** An article whose file landed and whose row became visible at these times (nanos). */
    record Arrival(String articleId, long landedNanos, long visibleNanos) {

        long latencyNanos() {
            return visibleNanos - landedNanos;
        }
    }

    /** Articles seen so far, in the order they reached the database. */
    synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    private void poll() {
        while (running) {
            try {
                String[] ids = landedAt.keySet().toArray(String[]::new);
                if (ids.length == 0) {
                    Thread.sleep(2);
                    continue;
                }
                Array array = connection.createArrayOf("varchar", ids);
                query.setArray(1, array);
                try (ResultSet rows = query.executeQuery()) {
                    long now = System.nanoTime();
                    while (rows.next()) {
                        String id = rows.getString(1);
                        Long landed = landedAt.remove(id);
                        if (landed != null) {
                            synchronized (this) {
                                arrivals.add(new Arrival(id, landed, now));
                            }
                        }
                    }
                }
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                if (running) {
                    throw new IllegalStateException("latency probe cannot read PostgreSQL: " + e.getMessage(), e);
                }
            }
        }
    }

    /** The q-quantile (0..1) of the latencies, in milliseconds, nearest rank. */
    static double quantileMs(List<Long> nanos, double q) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    @Override
    public void close() throws SQLException {
        running = false;
        poller.interrupt();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
