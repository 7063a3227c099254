package io.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArticleIdentityTest {

    @Test
    void canonicalUrlDropsWhatDoesNotIdentifyThePage() {
        assertThat(ArticleIdentity.canonicalUrl("HTTPS://News.Example.COM:443/a/b?utm_source=rss&id=7&fbclid=x#comments"))
                .isEqualTo("https://news.example.com/a/b?id=7");
        assertThat(ArticleIdentity.canonicalUrl("http://example.com")).isEqualTo("http://example.com/");
        assertThat(ArticleIdentity.canonicalUrl("http://example.com:8080/x")).isEqualTo("http://example.com:8080/x");
        assertThat(ArticleIdentity.canonicalUrl("mailto:someone@example.com")).isNull();
        assertThat(ArticleIdentity.canonicalUrl("not a url")).isNull();
    }

    @Test
    void contentHashIgnoresCaseSpacingAndLineEndings() {
        String hash = ArticleIdentity.contentHash("Harbour Reopens", "Line one.\n\nLine two.");
        assertThat(ArticleIdentity.contentHash("harbour  reopens ", "Line one.\r\n\r\nLine\u00A0two.")).isEqualTo(hash);
        assertThat(ArticleIdentity.contentHash("Harbour reopens", "Line one. Line three.")).isNotEqualTo(hash);
        assertThat(hash).matches("[0-9a-f]{64}");
    }

    @Test
    void articleIdFollowsTheUrlWhenThereIsOne() {
        String hash = ArticleIdentity.contentHash("t", "b");
        assertThat(ArticleIdentity.articleId(null, hash)).isEqualTo("txt-" + hash.substring(0, 32));
        String byUrl = ArticleIdentity.articleId("https://example.com/a", hash);
        assertThat(byUrl).startsWith("url-").hasSize(36);
        assertThat(ArticleIdentity.articleId("https://example.com/a", ArticleIdentity.contentHash("edited", "b")))
                .isEqualTo(byUrl);
    }

    /** Normalising is NFKC, lower case, white space runs (of any kind the regex below names) as one space, stripped. */
    @Test
    void normalisingCollapsesEveryKindOfWhiteSpaceAsTheRegexWould() {
        Pattern whiteSpace = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B]+");
        char[] alphabet = {'a', 'B', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u2007', '\u202F', '\u200B',
            '\u2003', '\u3000', '\uFF21', '\u00E9', '.'};
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            assertThat(ArticleIdentity.normalise(text.toString()))
                    .isEqualTo(whiteSpace.matcher(folded).replaceAll(" ").strip());
        }
        assertThat(ArticleIdentity.normalise(" Seoul\u00A0\u200B said \n\tTHIS ")).isEqualTo("seoul said this");
    }
}
