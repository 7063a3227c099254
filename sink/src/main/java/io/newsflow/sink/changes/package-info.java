/**
 * A batch of decoded records as the changes a store applies: event snapshots, memberships, their origins and
 * rejections.
 *
 * <p>Uses {@code json} and the schemas module.
 */
package io.newsflow.sink.changes;
