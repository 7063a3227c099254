package io.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

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
        "Standards Board Policy (0/250자)", "Advertisement", "Follow us on Twitter"})
    void recognisesChrome(String line) {
        assertThat(PageChrome.isChrome(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The talks", "China and South Korea Pledge Stronger Ties Ahead of APEC Meetings",
        "Sun and his Chinese colleagues also met with ROK Foreign Minister Cho Tae-yul.",
        "The ROK reiterated that it remains unchanged in its position of respecting the one-China principle.",
        "Prices rose 5% in May, the statistics office said.", "Related parties must disclose the deal, the regulator said.",
        "The copyright dispute between the two studios went to court on Monday, lawyers for both sides said in statements."})
    void leavesArticleTextAlone(String line) {
        assertThat(PageChrome.isChrome(line)).isFalse();
    }
}
