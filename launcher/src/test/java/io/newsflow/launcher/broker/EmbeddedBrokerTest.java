package io.newsflow.launcher.broker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.launcher.config.ConfigurationException;
import io.newsflow.launcher.config.Settings;
import io.newsflow.launcher.pipeline.KafkaConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker as `up` starts it: a taken port is a user error that names the setting. */
class EmbeddedBrokerTest {

    @Test
    void aTakenPortNamesTheSetting(@TempDir Path dir) throws Exception {
        Settings settings = Settings.from(Map.of("NEWSFLOW_WORK_DIR", dir.toString()));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> KafkaConnection.connectOrEmbed(settings, port))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is taken (another broker, or `newsflow up` already "
                            + "running?): set NEWSFLOW_EMBEDDED_KAFKA_PORT to a free port, 0 picks one");
        }
    }
}
