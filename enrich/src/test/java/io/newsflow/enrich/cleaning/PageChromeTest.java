package io.newsflow.enrich.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageChromeTest {

    @Test
    void chromeLinesGoAndProseAndDatelinesStay() {
        String body = String.join("\n",
                "Home > National > Diplomacy",
                "print dictionary print",
                "2024-06-20",
                "South Korea and China held vice-ministerial strategic talks for the first time in two years.",
                "Related Article",
                "To write comments, please log in to one of the accounts.",
                "Copyright ©1999-2024 All rights reserved.",
                "They met in Seoul.");
        assertThat(PageChrome.strip(body)).isEqualTo(String.join("\n\n",
                "2024-06-20",
                "South Korea and China held vice-ministerial strategic talks for the first time in two years.",
                "They met in Seoul."));
    }

    @Test
    void wordsAreCountedAsASplitOnWhitespaceCountsThemUpToTheLimit() {
        for (String line : java.util.List.of("one", "two words", "tabs\tand  double  spaces", "a\u000Bb\fc\rd",
                "no\u00A0break space", String.join(" ", java.util.Collections.nCopies(40, "word")))) {
            int split = line.split("\\s+").length;
            assertThat(PageChrome.words(line, 25)).as(line).isEqualTo(Math.min(split, 25));
        }
    }
}
