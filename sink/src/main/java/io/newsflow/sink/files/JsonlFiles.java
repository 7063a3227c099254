package io.newsflow.sink.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON Lines output, one snapshot a line, in files rotated by size or age.
 *
 * <p>Lines go to {@code events-<utc time>-<seq>.jsonl.inprogress}; when the file is full or old enough it is
 * forced to disk and renamed (an atomic move) to {@code events-<utc time>-<seq>.jsonl}. Readers take only
 * {@code *.jsonl} files, which are complete and never change again, so they never see half a line.
 * After a crash the in-progress file is cut back to its last whole line and published on the next start.
 * Lines are appended before the batch's offsets are committed, so files hold every record at least once; a
 * replay after a crash may repeat lines, which readers resolve by keeping the highest version per eventId.
 */
public final class JsonlFiles implements AutoCloseable {

    public static final String SUFFIX = ".jsonl";
    public static final String IN_PROGRESS_SUFFIX = ".jsonl.inprogress";

    private static final Logger log = LoggerFactory.getLogger(JsonlFiles.class);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    /** Start of the file names, e.g. "events" for events-20260601T093000Z-000001.jsonl. */
    private final String prefix;
    private final long rotateBytes;
    private final Duration rotateAfter;
    private final Clock clock;
    private int sequence;

    private FileChannel current;
    private Path currentPath;
    private long currentBytes;
    private Instant openedAt;

    public JsonlFiles(Path dir, long rotateBytes, Duration rotateAfter, Clock clock) throws IOException {
        this(dir, "events", rotateBytes, rotateAfter, clock);
    }

    /** Files named {@code <prefix>-<time>-<sequence>.jsonl}; one instance per folder (it recovers the folder's leftovers). */
    public JsonlFiles(Path dir, String prefix, long rotateBytes, Duration rotateAfter, Clock clock) throws IOException {
        this.dir = dir;
        this.prefix = prefix;
        this.rotateBytes = rotateBytes;
        this.rotateAfter = rotateAfter;
        this.clock = clock;
        Files.createDirectories(dir);
        recoverLeftovers();
    }

    /** Appends the lines (each without its line break) to the open file, rotating when it is full. */
    public void append(List<String> lines) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        for (String line : lines) {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            if (currentBytes + chunk.size() > 0
                    && currentBytes + chunk.size() + bytes.length > rotateBytes) {
                write(chunk);
                publish();
            }
            chunk.write(bytes);
        }
        write(chunk);
    }

    private void write(ByteArrayOutputStream chunk) throws IOException {
        if (chunk.size() == 0) {
            return;
        }
        if (current == null) {
            open();
        }
        ByteBuffer buffer = ByteBuffer.wrap(chunk.toByteArray());
        while (buffer.hasRemaining()) {
            current.write(buffer);
        }
        currentBytes += chunk.size();
        chunk.reset();
    }

    /** Forces what was appended to disk; called before the offsets of the appended records are committed. */
    public void sync() throws IOException {
        if (current != null) {
            current.force(false);
        }
    }

    /** Publishes the open file if it has been open for the rotation interval. */
    public void rotateIfDue() throws IOException {
        if (current != null && !clock.instant().isBefore(openedAt.plus(rotateAfter))) {
            publish();
        }
    }

    private void open() throws IOException {
        openedAt = clock.instant();
        currentPath = dir.resolve(nextBaseName() + IN_PROGRESS_SUFFIX);
        current = FileChannel.open(currentPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        currentBytes = 0;
    }

    private String nextBaseName() {
        while (true) {
            String base = prefix + "-" + FILE_TIME.format(clock.instant()) + "-" + String.format("%06d", ++sequence);
            if (!Files.exists(dir.resolve(base + SUFFIX)) && !Files.exists(dir.resolve(base + IN_PROGRESS_SUFFIX))) {
                return base;
            }
        }
    }

    private void publish() throws IOException {
        if (current == null) {
            return;
        }
        current.force(true);
        current.close();
        current = null;
        Path published = publishedName(currentPath);
        Files.move(currentPath, published, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        log.debug("Published {} ({} bytes)", published.getFileName(), currentBytes);
        currentPath = null;
        currentBytes = 0;
    }

    private Path publishedName(Path inProgress) {
        String name = inProgress.getFileName().toString();
        return inProgress.resolveSibling(name.substring(0, name.length() - IN_PROGRESS_SUFFIX.length()) + SUFFIX);
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is harmless. */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            log.debug("Cannot sync directory {}: {}", dir, e.getMessage());
        }
    }

    private void recoverLeftovers() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "*" + IN_PROGRESS_SUFFIX)) {
            for (Path leftover : leftovers) {
                long whole = truncateToLastLine(leftover);
                if (whole == 0) {
                    Files.delete(leftover);
                    log.info("Removed empty unfinished file {}", leftover.getFileName());
                } else {
                    Path published = publishedName(leftover);
                    Files.move(leftover, published, StandardCopyOption.ATOMIC_MOVE);
                    log.info("Published unfinished file {} left by an earlier run ({} bytes of whole lines)",
                            published.getFileName(), whole);
                }
            }
        }
        syncDirectory();
    }

    /** Cuts a file back to its last line break; returns the length kept. */
    private static long truncateToLastLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            long end = size;
            while (end > 0) {
                one.clear();
                channel.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size) {
                channel.truncate(end);
                channel.force(true);
                log.warn("Cut {} bytes of an unfinished line from {}", size - end, file.getFileName());
            }
            return end;
        }
    }

    /** Publishes the open file. */
    @Override
    public void close() throws IOException {
        publish();
    }
}
