/**
 * The JSON Lines store: lines appended to an in-progress file, published by an atomic rename when the file is full
 * or old enough, so readers never see half a line; at least once, a record's key and version tell repeats apart.
 *
 * <p>Uses nothing else in the sink.
 */
package io.newsflow.sink.files;
