package io.newsflow.benchmarks;

import io.newsflow.ingest.extract.ExtractedPage;
import io.newsflow.ingest.extract.MainTextExtractor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Main-text extraction of a hostile page of deeply nested tags (blocks, quotes, captions, links), at two sizes:
 * the time per page must grow with its size (8× the tags, about 8× the time), and 100,000 tags must take about
 * a second. Run: {@code java -jar benchmarks/target/benchmarks.jar DeepPagesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class DeepPagesBenchmark {

    @Param({"12500", "100000"})
    int tags;

    private String html;

    @Setup
    public void buildPage() {
        String[] opening = {"<div>", "<blockquote>", "<div class=\"caption\">", "<section class=\"story\">"};
        String[] closing = {"</div>", "</blockquote>", "</div>", "</section>"};
        StringBuilder page = new StringBuilder("<html><head><title>Deep</title></head><body>"
                + "<p>The harbour reopened on Monday after three days of closure, the port authority said.</p>");
        for (int i = 0; i < tags; i++) {
            page.append(opening[i % 4]).append(i % 4 == 0 ? "w, <a href=/l>l</a>" : "w ");
        }
        for (int i = tags - 1; i >= 0; i--) {
            page.append(closing[i % 4]);
        }
        html = page.append("</body></html>").toString();
    }

    @Benchmark
    public ExtractedPage extract() {
        return new MainTextExtractor().page(html, "https://deep.example/");
    }
}
