package io.newsflow.launcher.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.launcher.Newsflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractEvalCommandTest {

    private static final Path PAGES = Path.of("src/test/resources/extract-eval");

    @TempDir
    Path temp;

    @Test
    void scoresEveryPageAndWritesTheExtractionsAsJson() throws Exception {
        Path out = temp.resolve("extracted.json");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Newsflow.execute("extract-eval", "--pages", PAGES.toString(), "--format", "json", "--out", out.toString());
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("extract pages=2 f1=\\d\\.\\d{3} precision=\\d\\.\\d{3} recall=\\d\\.\\d{3}");
        // the pages are simple: navigation, related links and footers must not reach the text
        assertThat(last).contains("f1=1.000");

        JsonNode written = new ObjectMapper().readTree(out.toFile());
        assertThat(written.fieldNames()).toIterable().containsExactlyInAnyOrder("harbour", "library");
        assertThat(written.path("library").path("articleBody").asText()).contains("Stadtbibliothek öffnet")
                .doesNotContain("Meistgelesen");
        assertThat(written.path("harbour").path("articleBody").asText()).contains("eastern pier")
                .doesNotContain("Copyright");
    }
}
