package io.newsflow.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A generated input: a seed and the edits made to it. Printed as such in a failure report, which
 * is enough to rebuild the bytes (see {@link FuzzInputs#rebuild}) without dumping them.
 */
public record FuzzInput(Seed seed, List<Edit> edits, byte[] bytes) {

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String head = new String(bytes, 0, Math.min(bytes.length, 120), StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", "?");
        return "seed " + seed + " edits " + edits + " -> " + bytes.length + " bytes starting '" + head + "'";
    }
}
