package io.newsflow.ingest.drops;

import io.newsflow.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The drop folder service alone in a JVM, for the crash test to kill with SIGKILL.
 * Arguments: drop folder, bootstrap servers, topic prefix, then producer settings as key=value.
 */
public final class DropFolderProcess {

    private DropFolderProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", args[1]);
        for (int i = 3; i < args.length; i++) {
            String[] setting = args[i].split("=", 2);
            kafka.put(setting[0], setting[1]);
        }
        DropFolderConfig config = new DropFolderConfig(Path.of(args[0]), Duration.ofMillis(20), Duration.ZERO,
                1 << 20, false);
        DropFolderService service = new DropFolderService(config, kafka, new Topics(args[2], null));
        service.start();
        Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        System.out.println("started");
        new CountDownLatch(1).await();
    }
}
