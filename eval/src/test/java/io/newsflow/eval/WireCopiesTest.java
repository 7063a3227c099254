package io.newsflow.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.schemas.RawArticle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Wire copies as `eval --copies` makes them, from the seed articles parsed as ingest parses them. */
class WireCopiesTest {

    private static final Path SEEDS = Path.of("../testdata/seeds");

    @Test
    void everyOriginalIsFollowedByItsCopiesWithItsGoldFileAndNewIdentities() throws Exception {
        List<WireCopies.Entry> originals = originals();
        List<WireCopies.Entry> stream = WireCopies.following(originals, 2);

        assertThat(stream).hasSize(originals.size() * 3);
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < originals.size(); i++) {
            WireCopies.Entry original = stream.get(i * 3);
            assertThat(original).isEqualTo(originals.get(i));
            for (int k = 1; k <= 2; k++) {
                WireCopies.Entry copy = stream.get(i * 3 + k);
                assertThat(copy.name()).isEqualTo(original.name() + "~wire" + k);
                assertThat(copy.labelledFile()).isEqualTo(original.name());
                assertThat(copy.article().getUrl()).startsWith("https://wire" + k + ".example.com/");
                assertThat(copy.article().getMetadata()).containsEntry("wireCopyOf", original.article().getArticleId());
            }
        }
        stream.forEach(e -> {
            ids.add(e.article().getArticleId());
            hashes.add(e.article().getContentHash());
        });
        assertThat(ids).hasSize(stream.size());
        assertThat(hashes).hasSize(stream.size());
    }

    @Test
    void anUpdateHasTheUpdateHeadlineAndLosesItsLastParagraph() throws Exception {
        RawArticle original = originals().get(0).article();
        RawArticle update = WireCopies.copy(original, 1, "update");
        assertThat(update.getTitle()).isEqualTo("UPDATE 1-" + original.getTitle());
        String lastParagraph = original.getBody().substring(original.getBody().stripTrailing().lastIndexOf("\n\n")).strip();
        assertThat(original.getBody()).startsWith(update.getBody());
        assertThat(update.getBody()).doesNotContain(lastParagraph);
    }

    @Test
    void creditCopiesKeepTheWholeTextWithACreditLine() throws Exception {
        RawArticle original = originals().get(1).article();
        assertThat(WireCopies.copy(original, 1, "credit-dateline").getBody()).isEqualTo("(Reuters) - " + original.getBody());
        assertThat(WireCopies.copy(original, 2, "credit-copyright").getBody())
                .startsWith(original.getBody()).endsWith("All rights reserved.");
        assertThat(WireCopies.copy(original, 1, "credit-reporting").getBody())
                .startsWith(original.getBody()).contains("Reporting by");
        assertThat(WireCopies.copy(original, 1, "credit-dateline").getTitle()).isEqualTo(original.getTitle());
    }

    @Test
    void variantsAlternateSoThatEveryKindOccurs() {
        Set<String> seen = new HashSet<>();
        for (int article = 0; article < 6; article++) {
            seen.add(WireCopies.variant(article, 1));
            assertThat(WireCopies.variant(article, 1)).isNotEqualTo(WireCopies.variant(article, 2));
        }
        assertThat(seen).containsExactlyInAnyOrder("update", "credit-dateline", "credit-copyright", "credit-reporting");
    }

    @Test
    void aOneParagraphBodyIsNotCutAway() {
        assertThat(WireCopies.withoutLastParagraph("Only one paragraph.")).isEqualTo("Only one paragraph.");
        assertThat(WireCopies.withoutLastParagraph("First.\n\nSecond.\n")).isEqualTo("First.");
    }

    static List<WireCopies.Entry> originals() throws Exception {
        List<WireCopies.Entry> originals = new ArrayList<>();
        for (Path file : LabelledCorpus.read(SEEDS).articleFiles()) {
            originals.add(WireCopies.Entry.original(file.getFileName().toString(), ArticleFiles.parse(file).get(0)));
        }
        return originals;
    }
}
