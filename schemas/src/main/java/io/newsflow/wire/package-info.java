/**
 * How records are written on the wire: Avro single-object encoding or a schema registry's framing, the schemas
 * released so far, and the serdes built on them.
 *
 * <p>Uses nothing else in newsflow.
 */
package io.newsflow.wire;
