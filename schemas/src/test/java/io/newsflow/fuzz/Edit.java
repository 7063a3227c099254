package io.newsflow.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One edit of a seed input. Positions are fractions of the current length, so that jqwik can
 * shrink an edit list without the positions falling off a shorter input.
 *
 * @param kind   what the edit does
 * @param at     where, as a fraction of the input's length in [0, 1)
 * @param length how many bytes the edit covers, or how often a fragment is repeated
 * @param pick   which fragment, other seed, bit or encoding (taken modulo the choices)
 */
public record Edit(Kind kind, double at, int length, int pick) {

    /** The edits a seed goes through; together they reach past the parsers' first checks. */
    public enum Kind {
        /** Flips one bit. */
        FLIP,
        /** Sets one byte to a value parsers treat specially (NUL, 0xFF, a UTF-8 lead byte, a markup character). */
        SET,
        /** Cuts the input here (a download broken off). */
        TRUNCATE,
        /** Removes a range. */
        DELETE,
        /** Repeats a range of the input in place. */
        DUPLICATE,
        /** Inserts a fragment of the format (a tag, an entity, a huge number...). */
        INSERT,
        /** Inserts a fragment many times over (nesting, long runs). */
        REPEAT,
        /** Continues with the tail of another seed (two documents spliced). */
        SPLICE,
        /** Re-encodes the whole input as text in another charset, with or without a byte order mark. */
        RECODE,
        /**
         * Replaces the value after the next {@code :} (up to the end of the line, a comma or a brace) with a
         * fragment: in YAML and JSON a huge number or a bad URL lands where a value is expected.
         */
        VALUE
    }

    private static final byte[] SPECIAL = {0, (byte) 0xFF, (byte) 0xFE, (byte) 0xEF, (byte) 0xC3, (byte) 0x80,
        (byte) 0xED, 0x7F, 0x01, '<', '>', '&', '"', '\'', ';', '\n', '\r', ':', '{', '}', '[', ']', '-', '#', '$'};
    private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII, Charset.forName("windows-1252"));
    /** The byte order marks RECODE may put in front, one per charset above; ISO-8859-1 and the rest get a UTF-8 BOM. */
    private static final byte[][] BOMS = {{(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {}, {}};
    /** Repetitions at most: deeper nesting only measures known quadratic paths, not new failures. */
    public static final int MAX_REPEAT = 2_000;

    /** The input after this edit, with fragments for VALUE drawn from the insertion fragments. */
    public byte[] apply(byte[] input, List<byte[]> fragments, List<byte[]> others) {
        return apply(input, fragments, fragments, others);
    }

    /**
     * The input after this edit; {@code fragments}, {@code values} and {@code others} are what INSERT/REPEAT,
     * VALUE and SPLICE draw from.
     */
    public byte[] apply(byte[] input, List<byte[]> fragments, List<byte[]> values, List<byte[]> others) {
        int n = input.length;
        int pos = (int) Math.min(n, Math.floor(at * (n + 1)));
        return switch (kind) {
            case FLIP -> {
                if (n == 0) {
                    yield input;
                }
                byte[] out = input.clone();
                out[Math.min(pos, n - 1)] ^= (byte) (1 << (pick & 7));
                yield out;
            }
            case SET -> {
                if (n == 0) {
                    yield input;
                }
                byte[] out = input.clone();
                out[Math.min(pos, n - 1)] = SPECIAL[Math.floorMod(pick, SPECIAL.length)];
                yield out;
            }
            case TRUNCATE -> Arrays.copyOf(input, pos);
            case DELETE -> concat(Arrays.copyOfRange(input, 0, pos), Arrays.copyOfRange(input, Math.min(n, pos + length), n));
            case DUPLICATE -> concat(Arrays.copyOfRange(input, 0, Math.min(n, pos + length)),
                    Arrays.copyOfRange(input, pos, n));
            case INSERT -> insert(input, pos, choose(fragments), 1);
            case REPEAT -> insert(input, pos, choose(fragments), Math.min(length, MAX_REPEAT));
            case SPLICE -> {
                byte[] other = choose(others);
                int from = (int) Math.min(other.length, Math.floor(at * (other.length + 1)));
                yield concat(Arrays.copyOfRange(input, 0, pos), Arrays.copyOfRange(other, from, other.length));
            }
            case RECODE -> {
                int which = Math.floorMod(pick, CHARSETS.size());
                byte[] text = new String(input, StandardCharsets.UTF_8).getBytes(CHARSETS.get(which));
                yield length % 2 == 0 ? concat(BOMS[which], text) : text;
            }
            case VALUE -> {
                int colon = indexOf(input, (byte) ':', pos);
                if (colon < 0) {
                    yield input;
                }
                int end = colon + 1;
                while (end < n && input[end] != '\n' && input[end] != ',' && input[end] != '}') {
                    end++;
                }
                byte[] value = concat(new byte[] {' '}, choose(values));
                yield concat(concat(Arrays.copyOfRange(input, 0, colon + 1), value), Arrays.copyOfRange(input, end, n));
            }
        };
    }

    private static int indexOf(byte[] input, byte b, int from) {
        for (int i = from; i < input.length; i++) {
            if (input[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private byte[] choose(List<byte[]> choices) {
        return choices.isEmpty() ? new byte[0] : choices.get(Math.floorMod(pick, choices.size()));
    }

    private static byte[] insert(byte[] input, int pos, byte[] fragment, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + fragment.length * times);
        out.write(input, 0, pos);
        for (int i = 0; i < times; i++) {
            out.writeBytes(fragment);
        }
        out.write(input, pos, input.length - pos);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
