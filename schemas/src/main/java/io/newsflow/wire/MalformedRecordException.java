package io.newsflow.wire;

/** Bytes on a topic that do not decode as the record type the topic carries. */
public final class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedRecordException(String message) {
        super(message);
    }
}
