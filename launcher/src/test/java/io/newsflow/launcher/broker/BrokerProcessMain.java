package io.newsflow.launcher.broker;

import io.newsflow.broker.EmbeddedKafka;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded broker alone in a JVM, on fixed ports, so that the fault suite can kill it (SIGKILL or SIGTERM)
 * and start it again on the same data directory and address while clients keep their bootstrap servers.
 * Arguments: data directory, broker port, controller port. Prints {@code broker ready <bootstrap>} once it
 * accepts clients.
 */
public final class BrokerProcessMain {

    private BrokerProcessMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int brokerPort = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        // EmbeddedKafka asks for the broker's port, then the controller's (again on a retry).
        AtomicInteger asked = new AtomicInteger();
        EmbeddedKafka broker = EmbeddedKafka.builder(Path.of(args[0]))
                .ports(() -> asked.getAndIncrement() % 2 == 0 ? brokerPort : controllerPort)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-broker"));
        System.out.println("broker ready " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
