package io.newsflow.enrich.grouping.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Strings read straight from the bytes are the strings DataInputStream reads from them. */
class ByteReaderTest {

    @Test
    void readsEveryStringDataOutputStreamWritesAsDataInputStreamDoes() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 40);
            for (int i = 0; i < length; i++) {
                // mostly ASCII, then Latin and other BMP letters, NUL, and surrogates paired or not
                int kind = random.nextInt(10);
                text.append(kind < 5 ? (char) random.nextInt(0x20, 0x7F) : kind < 7 ? (char) random.nextInt(0x80, 0x800)
                        : kind < 8 ? '\u0000' : (char) random.nextInt(0x800, 0x10000));
            }
            byte[] bytes = written(text.toString(), 42);
            ByteReader reader = new ByteReader(bytes);
            assertThat(reader.readUTF()).isEqualTo(text.toString());
            assertThat(reader.readInt()).isEqualTo(42);
            assertThat(reader.remaining()).isZero();
        }
    }

    @Test
    void malformedInputFailsAsInDataInputStream() {
        // a two-byte lead without its continuation; a three-byte lead cut short; a stray continuation byte
        for (byte[] text : new byte[][] {{(byte) 0xC3, 'a'}, {'a', (byte) 0xE2, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xF0, 1, 1, 1}}) {
            byte[] bytes = new byte[2 + text.length];
            bytes[1] = (byte) text.length;
            System.arraycopy(text, 0, bytes, 2, text.length);
            assertThatThrownBy(() -> new DataInputStream(new ByteArrayInputStream(bytes)).readUTF())
                    .isInstanceOf(UTFDataFormatException.class);
            assertThatThrownBy(() -> new ByteReader(bytes).readUTF()).isInstanceOf(UTFDataFormatException.class);
        }
    }

    private static byte[] written(String text, int after) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(text);
            out.writeInt(after);
        }
        return bytes.toByteArray();
    }
}
