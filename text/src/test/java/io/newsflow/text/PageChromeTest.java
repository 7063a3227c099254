package io.newsflow.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageChromeTest {

    @ParameterizedTest
    @ValueSource(strings = {"Home > National > Diplomacy", "Home » World » China-ROK Relations: Ministers Pledge Deeper Ties",
        "CHINA / DIPLOMACY", "Related news", "Most popular in 24h", "MoreTop news", "You may also like",
        "Back to top About Us | Jobs | Contact Us | Privacy Policy", "Copyright ©1999-2024 All rights reserved.",
        "print dictionary print", "Leave a Comment", "lock icon", "Share this article",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "We use cookies to improve your experience. Accept", "To write comments, please log in to one of the accounts.",
        "Standards Board Policy (0/250자)", "Advertisement", "Follow us on Twitter",
        "Reporting by Hyonhee Shin; Editing by Ed Davies", "(Additional reporting by Ju-min Park in Seoul)",
        "Writing by Tom Hogue; Editing by Raju Gopalakrishnan"})
    void recognisesChrome(String line) {
        assertThat(PageChrome.isChrome(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The talks", "China and South Korea Pledge Stronger Ties Ahead of APEC Meetings",
        "Sun and his Chinese colleagues also met with ROK Foreign Minister Cho Tae-yul.",
        "The ROK reiterated that it remains unchanged in its position of respecting the one-China principle.",
        "Prices rose 5% in May, the statistics office said.", "Related parties must disclose the deal, the regulator said.",
        "The copyright dispute between the two studios went to court on Monday, lawyers for both sides said in statements.",
        "The reporting by local media could not be verified.", "Editing the law took two years, the speaker said."})
    void leavesArticleTextAlone(String line) {
        assertThat(PageChrome.isChrome(line)).isFalse();
    }

    @Test
    void stripDropsChromeLinesAndKeepsProseAndDatelines() {
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
    void stripDropsWireCreditLines() {
        // a desk signs story after story: its names would make unrelated stories of one agency alike
        String body = String.join("\n",
                "Kim Hong-kyun met his Chinese counterpart in Seoul on Wednesday for talks lasting five hours.",
                "Reporting by Wire Desk 1; Editing by Night Desk",
                "(Additional reporting by Ju-min Park)");
        assertThat(PageChrome.strip(body))
                .isEqualTo("Kim Hong-kyun met his Chinese counterpart in Seoul on Wednesday for talks lasting five hours.");
    }

    @Test
    void wordsAreCountedAsASplitOnWhitespaceCountsThem() {
        for (String line : List.of("one", "two words", "tabs\tand  double  spaces", "a\u000Bb\fc\rd",
                "no\u00A0break space", String.join(" ", Collections.nCopies(40, "word")))) {
            int split = line.split("\\s+").length;
            assertThat(PageChrome.wordCount(line, 25)).as(line).isEqualTo(Math.min(split, 25));
            assertThat(PageChrome.wordCount(line)).as(line).isEqualTo(split);
        }
        for (String text : List.of("", "   ", " \u2003padded line\t ", "\u001Cseparated\u001F")) {
            String stripped = text.strip();
            assertThat(PageChrome.wordCount(text)).as(text)
                    .isEqualTo(stripped.isEmpty() ? 0 : stripped.split("\\s+").length);
        }
    }
}
