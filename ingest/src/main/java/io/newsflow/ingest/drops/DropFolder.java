package io.newsflow.ingest.drops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drop folder's file contract, without Kafka.
 *
 * <pre>
 * root/                      writers drop files here (rename into place, or write and leave alone)
 * root/processing/&lt;id&gt;/      files claimed by the running instance &lt;id&gt;
 * root/processing/&lt;id&gt;.lock  held (OS file lock) while instance &lt;id&gt; lives
 * root/done/                 produced and acknowledged by the broker
 * root/failed/               unreadable, with &lt;name&gt;.error.txt saying why
 * root/.newsflow/            state (content ledger)
 * </pre>
 *
 * Symbolic links are never followed: a link dropped here is claimed like a file, refused when read
 * and filed in failed/ (the link itself, its target untouched), with a dead letter.
 *
 * <p>A file is ready when its name is not a temporary one ({@code .tmp}, {@code .part},
 * {@code .crdownload}, dotfiles, sidecars) and it has not been modified for the stable time.
 * Claiming is an atomic rename into this instance's processing folder: when several instances
 * share the root, exactly one rename succeeds. A processing folder whose lock is free belongs to an
 * instance that died (kill -9 releases OS locks): its files are moved back into work and produced
 * again, with the same article ids.
 */
final class DropFolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolder.class);
    private static final List<String> INCOMPLETE_SUFFIXES = List.of(".tmp", ".part", ".crdownload", ".partial",
            ".download", ".filepart", ".swp", "~");

    private final Path root;
    private final Path processingRoot;
    private final Path processing;
    private final Path done;
    private final Path failed;
    private final String instanceId;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<Path, Sighting> sightings = new HashMap<>();

    private DropFolder(Path root, String instanceId, FileChannel lockChannel, FileLock lock) throws IOException {
        this.root = root;
        this.instanceId = instanceId;
        this.processingRoot = root.resolve("processing");
        this.processing = Files.createDirectories(processingRoot.resolve(instanceId));
        this.done = Files.createDirectories(root.resolve("done"));
        this.failed = Files.createDirectories(root.resolve("failed"));
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens the folder for one instance: its lock is taken before its processing folder exists. */
    static DropFolder open(Path root, String instanceId) throws IOException {
        Path processingRoot = Files.createDirectories(root.resolve("processing"));
        FileChannel channel = FileChannel.open(processingRoot.resolve(instanceId + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("Instance id " + instanceId + " is in use by another process.");
        }
        return new DropFolder(root, instanceId, channel, lock);
    }

    Path root() {
        return root;
    }

    Path stateDirectory() {
        return root.resolve(".newsflow");
    }

    /**
     * Moves the files of dead instances into this instance's processing folder and returns them,
     * to be produced again (sidecars travel with their articles, they are not listed). Cheap enough
     * to call on every few scans, so a live instance also takes over from one that died beside it.
     */
    List<Path> recover() {
        List<Path> adopted = new ArrayList<>();
        try (DirectoryStream<Path> instances = Files.newDirectoryStream(processingRoot,
                path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
            for (Path other : instances) {
                if (!other.getFileName().toString().equals(instanceId)) {
                    adoptIfOwnerDead(other, adopted);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not look for files left in {} by stopped instances: {}", processingRoot, e.toString());
        }
        adopted.removeIf(Sidecar::isSidecar);
        adopted.sort(null);
        return adopted;
    }

    private void adoptIfOwnerDead(Path otherProcessing, List<Path> adopted) throws IOException {
        Path lockFile = processingRoot.resolve(otherProcessing.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock otherLock;
            try {
                otherLock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return; // held by another instance in this very JVM: alive
            }
            if (otherLock == null) {
                return; // its owner is alive
            }
            int count = 0;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(otherProcessing)) {
                for (Path file : files) {
                    Path target = unique(processing, file.getFileName().toString());
                    moveAtomically(file, target);
                    adopted.add(target);
                    count++;
                }
            }
            if (count > 0) {
                LOG.info("Took over {} file(s) left in {} by an instance that stopped; producing them again",
                        count, otherProcessing);
            }
            Files.deleteIfExists(otherProcessing);
            Files.deleteIfExists(lockFile);
            otherLock.release();
        }
    }

    /** Files in the root that are complete and may be claimed, oldest name first. */
    List<Path> readyFiles(Duration stableFor, int limit) {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root)) {
            for (Path file : files) {
                if (isCandidateName(file.getFileName().toString())) {
                    candidates.add(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not list the drop folder {}: {}", root, e.toString());
            return List.of();
        }
        candidates.sort(null);
        List<Path> ready = new ArrayList<>();
        Map<Path, Sighting> stillWaiting = new HashMap<>();
        long nowNanos = System.nanoTime();
        Instant now = Instant.now();
        for (Path file : candidates) {
            if (ready.size() >= limit) {
                break;
            }
            BasicFileAttributes attributes;
            try {
                // The link itself, never its target: a link is claimed like a file and refused when read.
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue; // taken by another instance meanwhile
            }
            if (!attributes.isRegularFile() && !attributes.isSymbolicLink()) {
                continue;
            }
            Instant modified = attributes.lastModifiedTime().toInstant();
            if (!modified.plus(stableFor).isAfter(now)) {
                ready.add(file); // nobody has written to it for the stable time
                continue;
            }
            // Modified recently (or stamped in the future by a skewed clock): wait until size and mtime stay put.
            Sighting current = new Sighting(attributes.size(), modified, nowNanos);
            Sighting earlier = sightings.get(file);
            Sighting kept = earlier != null && earlier.sameAs(current) ? earlier : current;
            if (nowNanos - kept.sinceNanos() >= stableFor.toNanos() && kept == earlier) {
                ready.add(file);
            } else {
                stillWaiting.put(file, kept);
            }
        }
        sightings.clear();
        sightings.putAll(stillWaiting);
        return ready;
    }

    private record Sighting(long size, Instant modified, long sinceNanos) {
        boolean sameAs(Sighting other) {
            return size == other.size && modified.equals(other.modified);
        }
    }

    static boolean isCandidateName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || Sidecar.isSidecar(Path.of(name)) || lower.endsWith(".error.txt")
                || lower.endsWith(".report.txt")) {
            return false;
        }
        for (String suffix : INCOMPLETE_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return false;
            }
        }
        return true;
    }

    /** Claims a file (and its sidecar, moved first) by renaming it into processing; empty when another instance won. */
    Optional<Path> claim(Path file) {
        try {
            Optional<Path> sidecar = Sidecar.find(file);
            Path target = unique(processing, file.getFileName().toString());
            if (sidecar.isPresent()) {
                try {
                    String sidecarName = target.getFileName() + Sidecar.SUFFIX;
                    moveAtomically(sidecar.get(), processing.resolve(sidecarName));
                } catch (NoSuchFileException e) {
                    // claimed with its article by another instance
                }
            }
            moveAtomically(file, target);
            return Optional.of(target);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Could not claim {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Moves a produced file (and sidecar) to done/, or deletes them; a report (duplicate content, unreadable
     * records) goes to done/ as {@code <name>.report.txt} either way, written first so a crash cannot lose it.
     */
    Path markDone(Path claimed, boolean delete, String note) throws IOException {
        Optional<Path> sidecar = Sidecar.find(claimed);
        if (delete) {
            if (note != null) {
                writeNote(unique(done, claimed.getFileName() + ".report.txt"), note);
            }
            if (sidecar.isPresent()) {
                Files.deleteIfExists(sidecar.get());
            }
            Files.deleteIfExists(claimed);
            return null;
        }
        Path target = unique(done, claimed.getFileName().toString());
        if (note != null) {
            writeNote(done.resolve(target.getFileName() + ".report.txt"), note);
        }
        if (sidecar.isPresent()) {
            moveAtomically(sidecar.get(), done.resolve(target.getFileName() + Sidecar.SUFFIX));
        }
        moveAtomically(claimed, target);
        return target;
    }

    /** Moves a file that could not be produced to failed/, with {@code <name>.error.txt} saying why. */
    Path markFailed(Path claimed, String reason) throws IOException {
        Path target = unique(failed, claimed.getFileName().toString());
        writeNote(failed.resolve(target.getFileName() + ".error.txt"), reason);
        Optional<Path> sidecar = Sidecar.find(claimed);
        if (sidecar.isPresent()) {
            moveAtomically(sidecar.get(), failed.resolve(target.getFileName() + Sidecar.SUFFIX));
        }
        moveAtomically(claimed, target);
        return target;
    }

    private static void writeNote(Path path, String text) throws IOException {
        Path temporary = path.resolveSibling("." + path.getFileName() + ".tmp");
        Files.writeString(temporary, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
        moveAtomically(temporary, path);
    }

    /** A name in the directory not used yet: {@code name}, else {@code name~2}, {@code name~3}, ... before the extension. */
    private static Path unique(Path directory, String name) {
        Path candidate = directory.resolve(name);
        int dot = name.indexOf('.', 1);
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(directory.resolve(candidate.getFileName() + ".error.txt"), LinkOption.NOFOLLOW_LINKS); i++) {
            candidate = directory.resolve(stem + "~" + i + extension);
        }
        return candidate;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Target already exists: " + to, e);
        }
    }

    @Override
    public void close() {
        try {
            try (DirectoryStream<Path> left = Files.newDirectoryStream(processing)) {
                if (!left.iterator().hasNext()) {
                    Files.deleteIfExists(processing);
                    Files.deleteIfExists(processingRoot.resolve(instanceId + ".lock"));
                }
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("Could not release the drop folder lock of instance {}: {}", instanceId, e.toString());
        }
    }
}
