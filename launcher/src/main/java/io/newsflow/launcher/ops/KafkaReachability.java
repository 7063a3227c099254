package io.newsflow.launcher.ops;

import io.newsflow.launcher.pipeline.HealthCheck;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the cluster answers: an Admin {@code describeCluster} every {@link #INTERVAL} with a
 * {@link #TIMEOUT}, run in the background so that health scrapes read the last answer and never reach the
 * broker themselves. A broker that stops answering fails the check within INTERVAL + TIMEOUT (8 s).
 */
public final class KafkaReachability implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newsflow-kafka-reachability");
        t.setDaemon(true);
        return t;
    });
    private volatile Optional<String> problem = Optional.of("not checked yet");

    public KafkaReachability(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-health");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        // A dead broker is retried once per check: its return is seen within two intervals, and the client's
        // "could not be established" warnings come once per interval, not once a second.
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, (int) INTERVAL.toMillis());
        this.admin = Admin.create(props);
        schedule.scheduleWithFixedDelay(this::check, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The check as named in /health/ready. */
    public HealthCheck healthCheck() {
        return new HealthCheck("kafka", () -> problem);
    }

    private void check() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            problem = nodes > 0 ? Optional.empty() : Optional.of("the cluster lists no broker");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            problem = Optional.of("Kafka not reachable: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        admin.close(Duration.ZERO);
    }
}
