package io.newsflow.benchmarks;

import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.enrich.tagging.ArticleTags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of tagging one 4 KB article (countries and officials) on one core. Target: at most 200 µs.
 * The article is the first 4 KB of a real seed article, ending on a whole word.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TaggingBenchmark {

    private ArticleTagger tagger;
    private String title;
    private String body;

    @Setup
    public void setUp() throws IOException {
        tagger = ArticleTagger.standard();
        try (InputStream in = TaggingBenchmark.class.getResourceAsStream("/article-4k.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            title = text.substring(0, newline).strip();
            body = text.substring(newline + 1);
        }
    }

    @Benchmark
    public ArticleTags tagFourKilobyteArticle() {
        return tagger.tag(title, body);
    }
}
