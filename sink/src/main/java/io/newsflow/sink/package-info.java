/**
 * The sink stage: reads event snapshots and article memberships and writes them to PostgreSQL exactly once
 * (offsets stored with the rows) and to JSON Lines files; bad records become dead letters.
 *
 * <p>Uses {@code changes}, {@code postgres}, {@code files}, {@code json} and the schemas module.
 */
package io.newsflow.sink;
