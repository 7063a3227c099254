package io.newsflow.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Seeds and fragments from a module's test files. */
public final class Seeds {

    private Seeds() {
    }

    /** Every file under {@code dir} whose name ends with one of {@code suffixes}, gunzipped when named .gz. */
    public static List<Seed> files(Path dir, String... suffixes) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> Arrays.stream(suffixes).anyMatch(s -> f.getFileName().toString().endsWith(s)))
                    .sorted()
                    .map(f -> new Seed(dir.relativize(f).toString(), read(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text fragments as UTF-8 bytes. */
    public static List<byte[]> fragments(String... texts) {
        return Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return file.toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
