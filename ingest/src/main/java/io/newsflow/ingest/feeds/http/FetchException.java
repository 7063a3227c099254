package io.newsflow.ingest.feeds.http;

/** A request that got no usable response; {@link #errorClass()} is the short code for health and metrics. */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String errorClass;

    public FetchException(String errorClass, String message, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
    }

    public String errorClass() {
        return errorClass;
    }
}
