package io.newsflow.launcher.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small real file system (tmpfs) mounted on a folder, that a test fills to the last byte to see what a service
 * does on a full disk (ENOSPC, as on a real volume). Mounting needs root (CI and the build machines run as
 * root); without it the test fails and says so, it is never skipped.
 */
final class SmallDisk implements AutoCloseable {

    private static final String FILLER = ".disk-filler";

    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    static SmallDisk mount(Path mountPoint, int megabytes) {
        try {
            Files.createDirectories(mountPoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String output = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs",
                mountPoint.toString()));
        if (output != null) {
            throw new AssertionError("The full-disk scenarios mount a " + megabytes + " MB tmpfs on " + mountPoint
                    + " and need root (or CAP_SYS_ADMIN) for it; `mount` failed: " + output.strip());
        }
        return new SmallDisk(mountPoint);
    }

    /** Writes a filler file until the file system refuses with ENOSPC; returns the bytes it took. */
    long fill() {
        byte[] chunk = new byte[16 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve(FILLER))) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw new UncheckedIOException("filling " + mountPoint + " failed otherwise than with a full disk", e);
            }
        }
        // The stream's last partial buffer may have found room after all: fill the rest byte by byte.
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve(FILLER + "-tail"))) {
            while (true) {
                out.write(0);
                out.flush();
                written++;
            }
        } catch (IOException e) {
            return written;
        }
    }

    /** Deletes the filler: the services find room again. */
    void free() {
        try {
            Files.deleteIfExists(mountPoint.resolve(FILLER));
            Files.deleteIfExists(mountPoint.resolve(FILLER + "-tail"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        run(List.of("umount", "-l", mountPoint.toString()));
    }

    /** Runs a command; null when it succeeded, else its output and exit code. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish within 30 s";
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + output;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
