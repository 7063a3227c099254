package io.newsflow.launcher.broker;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.launcher.config.ConfigurationException;
import java.nio.file.Path;

/**
 * Starts the embedded broker for `up`, `demo` and `bench`, in the launcher's words when its port is taken.
 * Its catch names a class of the all-in-one parts, which the JVM loads with this class: use it only once
 * {@link AllInOneParts#EMBEDDED_BROKER} is known present, so that the service image never loads it.
 */
public final class EmbeddedBroker {

    private EmbeddedBroker() {
    }

    /** Starts on {@code port} of 127.0.0.1 (0: a free one); a taken port is a user error naming the setting. */
    public static EmbeddedKafka start(Path dataDir, int port) {
        try {
            return EmbeddedKafka.start(dataDir, port);
        } catch (EmbeddedKafka.PortTakenException e) {
            throw new ConfigurationException("port " + e.port() + " on 127.0.0.1 is taken (another broker, or "
                    + "`newsflow up` already running?): set NEWSFLOW_EMBEDDED_KAFKA_PORT to a free port, 0 picks one", e);
        }
    }
}
