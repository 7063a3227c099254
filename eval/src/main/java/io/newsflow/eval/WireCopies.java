package io.newsflow.eval;

import io.newsflow.ingest.text.ArticleIdentity;
import io.newsflow.schemas.RawArticle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wire copies of labelled articles, the way syndication republishes a story: another outlet and
 * URL, and either a credit line added (a "(Reuters) -" dateline, a copyright line, a "Reporting
 * by" line) or an "UPDATE 1-" headline with the last paragraph cut. A copy reports the event of
 * its original, so `eval --copies K` measures whether copies help grouping, as they should, or
 * fragment it.
 *
 * <p>Variants alternate by the article's position and the copy's number, so a run is repeatable
 * and every kind of copy occurs.
 */
public final class WireCopies {

    /** An article to evaluate: its name in the scores, and the labelled file whose gold event it has. */
    public record Entry(String name, String labelledFile, RawArticle article) {

        public static Entry original(String file, RawArticle article) {
            return new Entry(file, file, article);
        }
    }

    private static final List<String> CREDITS = List.of("credit-dateline", "credit-copyright", "credit-reporting");

    private WireCopies() {
    }

    /**
     * Every original followed by its {@code perArticle} copies: syndication follows a story within
     * minutes, so in the name order a copy comes right after its original (a shuffle then puts
     * copies anywhere, before their originals too).
     */
    public static List<Entry> following(List<Entry> originals, int perArticle) {
        List<Entry> stream = new ArrayList<>(originals.size() * (perArticle + 1));
        for (int i = 0; i < originals.size(); i++) {
            Entry original = originals.get(i);
            stream.add(original);
            for (int k = 1; k <= perArticle; k++) {
                stream.add(new Entry(original.name() + "~wire" + k, original.labelledFile(),
                        copy(original.article(), k, variant(i, k))));
            }
        }
        return stream;
    }

    /** Which copy the k-th copy of the i-th article is: update and credit alternate, and the credit forms rotate. */
    static String variant(int article, int copy) {
        int turn = article + copy;
        return turn % 2 == 0 ? "update" : CREDITS.get(turn / 2 % CREDITS.size());
    }

    /** The copy of an article by wire outlet {@code k}: its own URL, id, outlet and content hash. */
    static RawArticle copy(RawArticle original, int k, String variant) {
        String title = original.getTitle();
        String body = original.getBody();
        String outlet = "Wire outlet " + k;
        switch (variant) {
            case "update" -> {
                title = "UPDATE 1-" + title;
                body = withoutLastParagraph(body);
            }
            case "credit-dateline" -> body = "(Reuters) - " + body;
            case "credit-copyright" -> body = body + "\n\nCopyright 2026 " + outlet + ". All rights reserved.";
            case "credit-reporting" -> body = body + "\n\nReporting by Wire Desk " + k + "; Editing by Night Desk";
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        }
        String url = "https://wire" + k + ".example.com/news/" + original.getArticleId();
        String canonical = ArticleIdentity.canonicalUrl(url);
        String hash = ArticleIdentity.contentHash(title, body);
        Map<String, String> metadata = new HashMap<>(original.getMetadata() == null ? Map.of() : original.getMetadata());
        metadata.put("source", outlet); // the outlet that republished it, not the original's
        metadata.put("outlet", outlet);
        metadata.put("wireCopyOf", original.getArticleId());
        return RawArticle.newBuilder(original)
                .setArticleId(ArticleIdentity.articleId(canonical, hash))
                .setSourceId(original.getSourceId() + "~wire" + k)
                .setUrl(url)
                .setCanonicalUrl(canonical)
                .setTitle(title)
                .setBody(body)
                .setRawHtml(null)
                .setContentHash(hash)
                .setMetadata(metadata)
                .build();
    }

    /** The body without its last paragraph; a one-paragraph body is kept whole (cutting it leaves no copy). */
    static String withoutLastParagraph(String body) {
        String trimmed = body.stripTrailing();
        int cut = trimmed.lastIndexOf("\n\n");
        return cut <= 0 ? body : trimmed.substring(0, cut);
    }
}
