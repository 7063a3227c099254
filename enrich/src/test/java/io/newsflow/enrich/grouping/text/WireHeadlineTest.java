package io.newsflow.enrich.grouping.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireHeadlineTest {

    @Test
    void wireTagsMarkAVersionNotAnotherStory() {
        assertThat(WireHeadline.sameStory("UPDATE 1-Province elects new council", null, "Province elects new council", null)).isTrue();
        assertThat(WireHeadline.sameStory("CORRECTED-UPDATE 2-Province elects new council", null, "Province Elects New Council", null)).isTrue();
        assertThat(WireHeadline.sameStory("News in brief", null, "Province elects new council", null)).isFalse();
    }

    @Test
    void aHyphenatedWordOfTheHeadlineIsNoTag() {
        assertThat(WireHeadline.story("NATO-led forces withdraw")).isEqualTo("nato led forces withdraw");
    }

    @Test
    void withoutAHeadlineTheOpeningParagraphNamesTheStory() {
        assertThat(WireHeadline.sameStory("UPDATE 1-", "Voters elected a council.", "", "Voters elected a council.")).isTrue();
        assertThat(WireHeadline.sameStory("", "Voters elected a council.", "", "A storm hit the coast.")).isFalse();
        assertThat(WireHeadline.sameStory("", null, "", null)).isFalse();
    }

    @Test
    void withoutTagsKeepsTheHeadlineAsWritten() {
        assertThat(WireHeadline.withoutTags("CORRECTED-UPDATE 2-Province Elects New Council")).isEqualTo("Province Elects New Council");
        assertThat(WireHeadline.withoutTags("NATO-led forces withdraw")).isEqualTo("NATO-led forces withdraw");
        assertThat(WireHeadline.withoutTags(" Plain headline ")).isEqualTo(" Plain headline ");
        assertThat(WireHeadline.withoutTags(null)).isNull();
    }
}
