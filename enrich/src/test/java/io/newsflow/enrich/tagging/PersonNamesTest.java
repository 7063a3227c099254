package io.newsflow.enrich.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** sameName computes only a band of the edit-distance table (#22): it must answer as the full table does. */
class PersonNamesTest {

    @Test
    void transliterationsAreOneNameAndShortDifferentNamesAreNot() {
        assertTrue(PersonNames.sameName("kurbanguly berdymukhamedov", "gurbanguly berdimuhamedov"));
        assertFalse(PersonNames.sameName("li qiang", "li keqiang"));
    }

    @Test
    void answersAsTheFullEditDistanceTableForRandomPairs() {
        SplittableRandom random = new SplittableRandom(22);
        int same = 0;
        for (int n = 0; n < 20_000; n++) {
            String a = randomName(random);
            String b = random.nextInt(3) == 0 ? a : mutate(a, random);
            int allowed = Math.min(a.length(), b.length()) / 8;
            boolean expected = a.equals(b)
                    || allowed > 0 && Math.abs(a.length() - b.length()) <= allowed && levenshtein(a, b) <= allowed;
            assertEquals(expected, PersonNames.sameName(a, b), a + " / " + b);
            same += expected ? 1 : 0;
        }
        assertTrue(same > 1_000 && same < 19_000, "both answers are exercised: " + same);
    }

    private static String randomName(SplittableRandom random) {
        StringBuilder name = new StringBuilder();
        int length = 4 + random.nextInt(30);
        for (int i = 0; i < length; i++) {
            name.append(i > 0 && random.nextInt(7) == 0 ? ' ' : (char) ('a' + random.nextInt(4)));
        }
        return name.toString();
    }

    private static String mutate(String a, SplittableRandom random) {
        StringBuilder b = new StringBuilder(a);
        int edits = 1 + random.nextInt(5);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> b.insert(at, (char) ('a' + random.nextInt(4)));
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < b.length()) {
                        b.setCharAt(at, (char) ('a' + random.nextInt(4)));
                    }
                }
            }
        }
        return b.isEmpty() ? "a" : b.toString();
    }

    private static int levenshtein(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                d[i][j] = Math.min(d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1),
                        Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        return d[a.length()][b.length()];
    }
}
