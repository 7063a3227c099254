package io.newsflow.ingest.drops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Remembers which content the drop folder has already produced, so that the same article dropped
 * twice is produced once and the second drop reported. One small file per content hash under
 * {@code <root>/.newsflow/content/}: written only after the broker acknowledged the article,
 * created atomically (several instances may share the folder), and it survives restarts.
 */
final class ContentLedger {

    /** The drop that first produced a content hash. */
    record Entry(String articleId, String dropName, String dropIdentity) {
    }

    private final Path directory;

    ContentLedger(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    Optional<Entry> find(String contentHash) {
        try {
            String[] fields = Files.readString(path(contentHash), StandardCharsets.UTF_8).split("\t", -1);
            return fields.length >= 3 ? Optional.of(new Entry(fields[0], fields[1], fields[2])) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // An unreadable entry must not block ingestion: produce again, the article id stays the same.
            return Optional.empty();
        }
    }

    /** Records a produced content hash; an existing entry (another drop got there first) is kept. */
    void record(String contentHash, Entry entry) throws IOException {
        Path path = path(contentHash);
        Files.createDirectories(path.getParent());
        Path temporary = path.resolveSibling("." + contentHash + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(temporary, entry.articleId() + "\t" + entry.dropName() + "\t" + entry.dropIdentity(),
                StandardCharsets.UTF_8);
        try {
            Files.createLink(path, temporary);
        } catch (FileAlreadyExistsException e) {
            // first writer wins
        } catch (UnsupportedOperationException | IOException e) {
            if (!Files.exists(path)) {
                Files.move(temporary, path);
                return;
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Path path(String contentHash) {
        return directory.resolve(contentHash.substring(0, 2)).resolve(contentHash);
    }
}
