package io.newsflow.launcher.config;

/**
 * A mistake of the person running Newsflow (a bad setting, a missing folder, a port in use): reported as one
 * line on standard error, without a stack trace, and exit code 2.
 */
public final class ConfigurationException extends RuntimeException {

    /** The exit code of a user error. */
    public static final int EXIT_CODE = 2;

    public ConfigurationException(String message) {
        super(message, null, false, false);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
