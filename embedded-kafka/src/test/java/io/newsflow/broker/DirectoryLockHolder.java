package io.newsflow.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Stands in for another process (a second newsflow, a stray broker) holding a Kafka data directory:
 * locks {@code <dir>/.lock} as Kafka does, says "locked", and keeps the lock until its stdin closes.
 */
public final class DirectoryLockHolder {
    private DirectoryLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        Path lockFile = Path.of(args[0]).resolve(".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // Wait for the parent to close our stdin.
            }
        }
    }
}
