package io.newsflow.ingest.feeds.config;

/** A feeds file that cannot be read at all (missing, or not YAML/JSON); single bad entries are problems instead. */
public final class FeedsConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeedsConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
