/**
 * Records as JSON, the same for the files and the database's JSON columns.
 *
 * <p>Uses the schemas module only.
 */
package io.newsflow.sink.json;
