/**
 * {@code newsflow bench}: a generated, realistic stream through the whole pipeline on the embedded broker,
 * measured against a pass-through ceiling in the same run, with its machine-readable last line.
 *
 * <p>Uses {@code pipeline}, {@code config} and the stages.
 */
package io.newsflow.launcher.bench;
