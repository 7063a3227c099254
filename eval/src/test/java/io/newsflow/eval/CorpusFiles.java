package io.newsflow.eval;

import io.newsflow.ingest.drops.ArticleFileException;
import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled corpus's article files read as ingest reads them (its file reader), in name order, each article
 * keyed by its file name without extension, as labels.json names them; for the tests and the tuning tools.
 */
final class CorpusFiles {

    static final Path SEEDS = Path.of("../testdata/seeds");

    private CorpusFiles() {
    }

    static List<RawArticle> inNameOrder(Path dir) {
        try {
            List<RawArticle> articles = new ArrayList<>();
            for (Path file : LabelledCorpus.read(dir).articleFiles()) {
                String name = file.getFileName().toString();
                String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                for (RawArticle article : ArticleFiles.parse(file)) {
                    articles.add(RawArticle.newBuilder(article).setArticleId(stem).build());
                }
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ArticleFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
