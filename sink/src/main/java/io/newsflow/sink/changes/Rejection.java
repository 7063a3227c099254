package io.newsflow.sink.changes;

/**
 * A record the sink gives up on, bound for the dead-letter topic.
 *
 * @param origin     the record as received
 * @param errorClass the kind of failure: an exception class name or a PostgreSQL SQLSTATE code with its name
 * @param reason     what went wrong, in a sentence a person understands
 */
public record Rejection(RecordOrigin origin, String errorClass, String reason) {
}
