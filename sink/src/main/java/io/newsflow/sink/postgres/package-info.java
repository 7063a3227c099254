/**
 * The PostgreSQL store: events and memberships upserted with the consumed offsets in one transaction, and
 * which database errors are worth a retry.
 *
 * <p>Uses {@code changes} and {@code json}.
 */
package io.newsflow.sink.postgres;
