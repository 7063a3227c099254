package io.newsflow.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Waits until new topics can take records: every partition has a leader and the leader answers for
 * it (a ListOffsets request), not only the metadata. A produce that reaches the broker before it
 * applied the new partition fails as NOT_LEADER_OR_FOLLOWER, and an idempotent producer whose first
 * batch fails so while a later one succeeds retries the first in vain until it expires: its records
 * are lost (KAFKA-15591, fixed after Kafka 4.2). Services create their topics and produce right away.
 */
public final class TopicReadiness {

    private static final Duration POLL = Duration.ofMillis(50);

    private TopicReadiness() {
    }

    /** Returns once every partition of the topics is served; fails after the timeout. */
    public static void await(Admin admin, Set<String> names, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Exception last = null;
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                        .get(5, TimeUnit.SECONDS);
                boolean allLed = descriptions.values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (allLed) {
                    awaitLeadersServing(admin, descriptions);
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException("Cannot describe topics " + names, e.getCause());
                }
                last = e;
            } catch (TimeoutException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + names + " did not get serving partition leaders within "
                        + timeout.toSeconds() + " s", last);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Returns once every partition's leader answers a ListOffsets; throws what the request failed with. */
    private static void awaitLeadersServing(Admin admin, Map<String, TopicDescription> descriptions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        descriptions.forEach((name, description) -> description.partitions()
                .forEach(p -> partitions.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        admin.listOffsets(partitions).all().get(5, TimeUnit.SECONDS);
    }
}
