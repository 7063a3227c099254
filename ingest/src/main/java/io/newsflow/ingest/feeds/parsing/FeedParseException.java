package io.newsflow.ingest.feeds.parsing;

/**
 * A feed document that cannot be read as a feed. The {@link Reason} is a short code for
 * dead letters, health records and metrics; the message says why for a person.
 */
public final class FeedParseException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a document was refused. */
    public enum Reason {
        /** Nothing but whitespace. */
        EMPTY("empty-document"),
        /** Not XML even for a lenient reader. */
        NOT_XML("not-xml"),
        /** XML, but neither RSS nor Atom. */
        NOT_A_FEED("not-a-feed"),
        /** Declares entities in a DOCTYPE: external entities (XXE) and entity expansion are refused. */
        ENTITY_DECLARATION("xml-entity-declaration");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public FeedParseException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FeedParseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
