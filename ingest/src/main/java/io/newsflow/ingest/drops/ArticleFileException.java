package io.newsflow.ingest.drops;

/** A dropped file that holds no readable article; the message says why, for a person. */
public final class ArticleFileException extends Exception {

    public ArticleFileException(String message) {
        super(message);
    }

    public ArticleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
