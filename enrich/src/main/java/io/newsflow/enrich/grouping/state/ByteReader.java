package io.newsflow.enrich.grouping.state;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link java.io.DataOutputStream} wrote, straight from the array: decoding event states
 * and grouping-topic records is on the grouping task's hot path, and DataInputStream's readUTF
 * copies every string through a char array (and reads the stream byte by byte, each read locked).
 */
final class ByteReader {

    private final byte[] data;
    private int at;

    ByteReader(byte[] data) {
        this.data = data;
    }

    private void need(int bytes) throws EOFException {
        if (at + bytes > data.length) {
            throw new EOFException("record ends early");
        }
    }

    int readByte() throws EOFException {
        need(1);
        return data[at++];
    }

    boolean readBoolean() throws EOFException {
        return readByte() != 0;
    }

    int readInt() throws EOFException {
        need(4);
        int v = (data[at] & 0xFF) << 24 | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8 | (data[at + 3] & 0xFF);
        at += 4;
        return v;
    }

    /** As many big-endian longs as the array holds, in one bulk copy. */
    void readLongs(long[] into) throws EOFException {
        need(8 * into.length);
        ByteBuffer.wrap(data, at, 8 * into.length).asLongBuffer().get(into);
        at += 8 * into.length;
    }

    /** As many big-endian floats as the array holds, widened. */
    void readFloats(double[] into) throws EOFException {
        need(4 * into.length);
        FloatBuffer floats = ByteBuffer.wrap(data, at, 4 * into.length).asFloatBuffer();
        for (int i = 0; i < into.length; i++) {
            into[i] = floats.get(i);
        }
        at += 4 * into.length;
    }

    long readLong() throws EOFException {
        long high = readInt();
        return high << 32 | (readInt() & 0xFFFFFFFFL);
    }

    float readFloat() throws EOFException {
        return Float.intBitsToFloat(readInt());
    }

    double readDouble() throws EOFException {
        return Double.longBitsToDouble(readLong());
    }

    /** How many bytes are left to read. */
    int remaining() {
        return data.length - at;
    }

    /** The next n bytes, copied. */
    byte[] readBytes(int n) throws EOFException {
        if (n < 0) {
            throw new EOFException("negative length " + n);
        }
        need(n);
        byte[] bytes = Arrays.copyOfRange(data, at, at + n);
        at += n;
        return bytes;
    }

    /**
     * Modified UTF-8 as DataOutputStream.writeUTF writes it: ASCII, the usual case, is copied; other
     * text (accents, curly quotes, the ellipsis of a cut lead) is decoded here as DataInputStream
     * decodes it, malformed input included.
     */
    String readUTF() throws IOException {
        need(2);
        int length = (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
        need(2 + length);
        int start = at + 2;
        int end = start + length;
        at = end;
        int i = start;
        // modified UTF-8 writes U+0000 as two bytes, so a zero byte never appears
        while (i < end && data[i] > 0) {
            i++;
        }
        if (i == end) {
            return new String(data, start, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        int count = 0;
        for (i = start; i < end; ) {
            int c = data[i] & 0xFF;
            if (c < 0x80) {
                chars[count++] = (char) c;
                i++;
            } else if ((c & 0xE0) == 0xC0 && i + 2 <= end && (data[i + 1] & 0xC0) == 0x80) {
                chars[count++] = (char) ((c & 0x1F) << 6 | data[i + 1] & 0x3F);
                i += 2;
            } else if ((c & 0xF0) == 0xE0 && i + 3 <= end && (data[i + 1] & 0xC0) == 0x80 && (data[i + 2] & 0xC0) == 0x80) {
                chars[count++] = (char) ((c & 0x0F) << 12 | (data[i + 1] & 0x3F) << 6 | data[i + 2] & 0x3F);
                i += 3;
            } else {
                throw new UTFDataFormatException("malformed input around byte " + (i - start));
            }
        }
        return new String(chars, 0, count);
    }
}
