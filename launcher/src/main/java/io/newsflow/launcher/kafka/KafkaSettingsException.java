package io.newsflow.launcher.kafka;

/** A Kafka setting given from outside is wrong, or Kafka refused the credentials: one line for the user. */
public final class KafkaSettingsException extends IllegalArgumentException {

    public KafkaSettingsException(String message) {
        super(message);
    }

    public KafkaSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
