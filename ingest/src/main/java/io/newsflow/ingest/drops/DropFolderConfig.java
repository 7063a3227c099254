package io.newsflow.ingest.drops;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the drop folder.
 *
 * @param root                  the folder watched; processing/, done/ and failed/ live inside it
 * @param pollInterval          how often the folder is scanned
 * @param stableFor             a file not renamed into place is taken once its size and mtime were stable this long
 * @param maxFileBytes          larger files go to failed/ without being read
 * @param deleteWhenDone        delete a file once produced instead of moving it to done/
 * @param maxDeadLettersPerFile bad records of one file that get a dead letter (and a log line, and a line of its
 *                              report) each; the rest are summed up in one more
 */
public record DropFolderConfig(Path root, Duration pollInterval, Duration stableFor, long maxFileBytes,
                               boolean deleteWhenDone, int maxDeadLettersPerFile) {

    public static final int DEFAULT_MAX_DEAD_LETTERS_PER_FILE = 100;

    public DropFolderConfig {
        if (maxDeadLettersPerFile < 0) {
            throw new IllegalArgumentException("maxDeadLettersPerFile must be 0 or more, not " + maxDeadLettersPerFile);
        }
    }

    public DropFolderConfig(Path root, Duration pollInterval, Duration stableFor, long maxFileBytes,
                            boolean deleteWhenDone) {
        this(root, pollInterval, stableFor, maxFileBytes, deleteWhenDone, DEFAULT_MAX_DEAD_LETTERS_PER_FILE);
    }

    public static DropFolderConfig defaults(Path root) {
        return new DropFolderConfig(root, Duration.ofMillis(100), Duration.ofSeconds(2), 10L * 1024 * 1024, false);
    }
}
