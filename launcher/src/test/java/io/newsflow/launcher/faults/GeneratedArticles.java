package io.newsflow.launcher.faults;

import io.newsflow.ingest.drops.ArticleFiles;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plain-text articles made from a seed: mostly stories of their own, a fifth of them further reports of an earlier
 * story (same words, one more paragraph) so that events grow and merge as they do in real streams. Every text is
 * distinct, so every file must become exactly one article; its id is computed by the same parser ingest uses.
 */
final class GeneratedArticles {

    /** One file to drop, and the id of the article ingest must make of it. */
    record Article(String fileName, String text, String articleId) {
    }

    private static final String[] COUNTRIES = {"France", "Japan", "Brazil", "Kenya", "Canada", "India", "Norway",
            "Chile", "Egypt", "Vietnam", "Poland", "Mexico"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tu", "sa", "vo", "pel", "dar", "ni", "qua",
            "bor", "fe", "zin", "ha", "mul", "to", "gri", "ven", "os", "tal", "bri", "sen", "cu", "lam", "dov"};

    private final List<Article> articles;

    private GeneratedArticles(List<Article> articles) {
        this.articles = articles;
    }

    /** {@code count} articles from {@code seed}; {@code staging} holds copies to compute the expected ids. */
    static GeneratedArticles make(long seed, int count, Path staging) {
        Random random = new Random(seed);
        List<String[]> stories = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        try {
            Files.createDirectories(staging);
            for (int i = 0; i < count; i++) {
                String[] story;
                String extra = "";
                if (!stories.isEmpty() && random.nextInt(5) == 0) {
                    story = stories.get(random.nextInt(stories.size()));
                    extra = "\n\n" + sentence(random, 14) + " Update " + i + ".";
                } else {
                    String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
                    story = new String[] {
                        capitalised(word(random)) + " " + word(random) + " in " + country + " " + word(random) + " "
                                + word(random) + " " + i,
                        "Published: 2024-03-" + String.format("%02d", 1 + random.nextInt(28)),
                        sentence(random, 16) + " " + country + " officials said on Monday.",
                        sentence(random, 18) + " " + (1000 + i) + " " + word(random) + ".",
                        sentence(random, 12)};
                    stories.add(story);
                }
                String text = String.join("\n\n", story) + extra + "\n";
                String name = String.format("article-%05d.txt", i);
                Path copy = Files.writeString(staging.resolve(name), text, StandardCharsets.UTF_8);
                List<RawArticle> parsed = ArticleFiles.parse(copy);
                articles.add(new Article(name, text, parsed.get(0).getArticleId()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("a generated article does not parse: " + e.getMessage(), e);
        }
        return new GeneratedArticles(articles);
    }

    List<Article> all() {
        return articles;
    }

    int size() {
        return articles.size();
    }

    List<String> ids() {
        return articles.stream().map(Article::articleId).toList();
    }

    /** Drops one article as a writer should: written under a temporary name, then renamed into place. */
    static void drop(Path dropDir, Article article) {
        try {
            Path temporary = Files.writeString(dropDir.resolve(article.fileName() + ".tmp"), article.text(),
                    StandardCharsets.UTF_8);
            Files.move(temporary, dropDir.resolve(article.fileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop " + article.fileName(), e);
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder sentence = new StringBuilder(capitalised(word(random)));
        for (int i = 1; i < words; i++) {
            sentence.append(' ').append(word(random));
        }
        return sentence.append('.').toString();
    }

    private static String word(Random random) {
        int syllables = 2 + random.nextInt(2);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
