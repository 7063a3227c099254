package io.newsflow.ingest.drops;

import io.newsflow.schemas.RawArticle;
import java.nio.file.Path;
import java.util.List;

/** Reads the articles a dropped file holds. Shared by the drop folder and `newsflow eval`. STUB: to be written. */
public final class ArticleFiles {

    private ArticleFiles() {
    }

    /** The articles in the file; throws {@link ArticleFileException} with a readable reason when there are none. */
    public static List<RawArticle> parse(Path file) throws ArticleFileException {
        throw new ArticleFileException("not implemented");
    }
}
