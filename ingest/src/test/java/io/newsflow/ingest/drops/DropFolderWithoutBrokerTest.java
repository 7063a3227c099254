package io.newsflow.ingest.drops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.topics.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no broker to acknowledge, nothing is filed as done or failed: the file waits in processing/. */
class DropFolderWithoutBrokerTest {

    @TempDir
    Path root;

    @Test
    void keepsTheFileAndReportsUnhealthyWhileTheBrokerIsAway() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Files.writeString(root.resolve("story.txt"), "Headline\n\nThe first and only paragraph of the story.\n");
        DropFolderConfig config = new DropFolderConfig(root, Duration.ofMillis(50), Duration.ZERO, 1 << 20, false);
        Map<String, Object> kafka = Map.of("bootstrap.servers", "127.0.0.1:" + closedPort, "max.block.ms", 500,
                "delivery.timeout.ms", 1500, "request.timeout.ms", 1000);

        try (DropFolderService service = new DropFolderService(config, kafka, Topics.embedded())) {
            service.start();
            assertThat(Eventually.holds(() -> !service.healthy(), Duration.ofSeconds(30))).isTrue();
            assertThat(inProcessing()).isEqualTo(1);
            assertThat(root.resolve("done")).isEmptyDirectory();
            assertThat(root.resolve("failed")).isEmptyDirectory();
        }
        assertThat(inProcessing()).as("left for the next start").isEqualTo(1);
    }

    private long inProcessing() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("processing"))) {
            return files.filter(p -> Files.isRegularFile(p) && !p.toString().endsWith(".lock")).count();
        }
    }
}
