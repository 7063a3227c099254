package io.newsflow.sink;

import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The sink as a process of its own, for the crash test to kill with SIGKILL.
 * Arguments: bootstrap servers, topic prefix, JDBC URL, JSON Lines directory, batch size.
 */
public final class SinkProcessMain {

    private SinkProcessMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SinkConfig config = new SinkConfig(Path.of(args[3]), args[2], "postgres", "", Integer.parseInt(args[4]),
                Duration.ZERO, 64 * 1024, Duration.ofSeconds(2));
        SinkService sink = new SinkService(config, Map.of("bootstrap.servers", args[0]), new Topics(args[1], null));
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "stop-sink"));
        sink.start();
        new CountDownLatch(1).await();
    }
}
