package io.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    @Test
    void htmlMetaCharsetIsHonoured() {
        String html = "<html><head><meta charset=\"windows-1251\"></head><body><p>Привет, мир</p></body></html>";
        byte[] bytes = html.getBytes(Charset.forName("windows-1251"));
        TextDecoder.DecodedText decoded = TextDecoder.decode(bytes, true);
        assertThat(decoded.text()).contains("Привет, мир");
        assertThat(decoded.charset()).isEqualTo(Charset.forName("windows-1251"));
    }

    @Test
    void aWrongUtf8DeclarationFallsBackToWindows1252() {
        String html = "<meta charset=utf-8><p>Caf\u00e9 \u201cnoir\u201d</p>";
        TextDecoder.DecodedText decoded = TextDecoder.decode(html.getBytes(Charset.forName("windows-1252")), true);
        assertThat(decoded.text()).contains("Caf\u00e9 \u201cnoir\u201d");
    }

    @Test
    void plainTextIsUtf8WhenValidAndWindows1252Otherwise() {
        assertThat(TextDecoder.decode("Zürich – “quoted”".getBytes(StandardCharsets.UTF_8), false).text())
                .isEqualTo("Zürich – “quoted”");
        assertThat(TextDecoder.decode("Zürich – “quoted”".getBytes(Charset.forName("windows-1252")), false).text())
                .isEqualTo("Zürich – “quoted”");
    }
}
