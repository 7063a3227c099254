package io.newsflow.launcher.broker;

import java.nio.file.Path;

/** STUB until the embedded broker lands. */
public final class EmbeddedKafka implements AutoCloseable {

    public static EmbeddedKafka start(Path dataDir) {
        throw new UnsupportedOperationException("embedded broker not yet available");
    }

    public String bootstrapServers() {
        return "";
    }

    @Override
    public void close() {
    }
}
