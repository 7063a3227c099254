/**
 * The {@code newsflow} command line: {@link io.newsflow.launcher.Newsflow} parses it and runs one command; a user
 * error is one line and exit 2, anything else is logged with its stack trace.
 *
 * <p>Uses {@code commands} (and {@code config}, {@code ops} for errors and the version).
 */
package io.newsflow.launcher;
