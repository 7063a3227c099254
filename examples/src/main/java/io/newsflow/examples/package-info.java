/**
 * A consumer of the public topics as a user would write one: the schemas jar and kafka-clients only.
 *
 * <p>Uses the schemas module only.
 */
package io.newsflow.examples;
