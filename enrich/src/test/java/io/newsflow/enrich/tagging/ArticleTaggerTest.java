package io.newsflow.enrich.tagging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One shared tagger: same answers from many threads, and no failure on odd input. */
class ArticleTaggerTest {

    private final ArticleTagger tagger = ArticleTagger.standard();

    @Test
    void isLoadedOnceAndShared() {
        assertThat(ArticleTagger.standard()).isSameAs(tagger);
    }

    @Test
    void manyThreadsGetTheSameTagsAsOne() throws Exception {
        List<String> bodies = new ArrayList<>();
        try (var files = Files.list(Path.of("../testdata/seeds"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                bodies.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        List<ArticleTags> expected = bodies.stream().map(b -> tagger.tag("", b)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < bodies.size(); i++) {
                    int k = i;
                    results.add(pool.submit(() -> tagger.tag("", bodies.get(k)).equals(expected.get(k))));
                }
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oddInputGivesEmptyOrPartialTagsNotErrors() {
        assertThat(tagger.tag(null, null)).isEqualTo(new ArticleTags(List.of(), List.of()));
        assertThat(tagger.tag("", "")).isEqualTo(new ArticleTags(List.of(), List.of()));
        assertThat(tagger.tag("---", "''' - . , ’s ' s - -").countries()).isEmpty();
        assertThat(tagger.tag("", "President").officials()).isEmpty();
        assertThat(tagger.tag("", "Minister Kim-").officials()).hasSize(1);
        assertThat(tagger.tag("", "the U.S").countries()).extracting(CountryMention::code).containsExactly("US");
        String huge = "South Korea and China. ".repeat(20_000) + "President Yoon Suk Yeol spoke.";
        ArticleTags tags = tagger.tag("", huge);
        assertThat(tags.countries()).extracting(CountryMention::mentions).containsExactly(20_000, 20_000);
        assertThat(tags.officials()).extracting(OfficialMention::key).containsExactly("yoon suk yeol");
    }

    @Test
    void anEventsTagsAreTheUnionOfItsArticlesTags() {
        ArticleTags a = new ArticleTags(List.of(new CountryMention("CN", "China", 3, true), new CountryMention("KR", "South Korea", 1, false)),
                List.of(new OfficialMention("Sun Weidong", "sun weidong", null, null, null, 1)));
        ArticleTags b = new ArticleTags(List.of(new CountryMention("KR", "South Korea", 4, true)),
                List.of(new OfficialMention("Sun Weidong", "sun weidong", "Vice Foreign Minister", "Vice-Foreign Minister", "CN", 2),
                        new OfficialMention("Kim Hong Kyun", "kim hong kyun", "Vice Foreign Minister", "vice minister", "KR", 1)));
        ArticleTags u = ArticleTags.union(List.of(a, b));
        assertThat(u.countries()).containsExactly(new CountryMention("KR", "South Korea", 5, true), new CountryMention("CN", "China", 3, true));
        assertThat(u.officials()).containsExactly(
                new OfficialMention("Sun Weidong", "sun weidong", "Vice Foreign Minister", "Vice-Foreign Minister", "CN", 3),
                new OfficialMention("Kim Hong Kyun", "kim hong kyun", "Vice Foreign Minister", "vice minister", "KR", 1));
        assertThat(ArticleTags.union(List.of())).isEqualTo(new ArticleTags(List.of(), List.of()));
    }
}
