package io.newsflow.enrich.grouping.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateMentionsTest {

    @Test
    void aWeekdayIsResolvedAgainstTheDateline() {
        DateMentions.Reading r = DateMentions.read("China and ROK officials\n2024-06-20 Editor: Li Yan\n"
                + "On Tuesday, in Seoul, the vice ministers met.", null);
        assertThat(r.writtenOn()).isEqualTo(LocalDate.of(2024, 6, 20));
        assertThat(r.reportedOn()).isEqualTo(LocalDate.of(2024, 6, 18));
        assertThat(r.bestDay()).isEqualTo(LocalDate.of(2024, 6, 18));
    }

    @Test
    void thePublicationDateWinsOverTheText() {
        DateMentions.Reading r = DateMentions.read("The talks were held on Wednesday.", LocalDate.of(2024, 7, 5));
        assertThat(r.writtenOn()).isEqualTo(LocalDate.of(2024, 7, 5));
        assertThat(r.reportedOn()).isEqualTo(LocalDate.of(2024, 7, 3));
    }

    @Test
    void datelinesInSeveralFormats() {
        assertThat(DateMentions.read("Published: Jun 19, 2024 11:36 PM\nText", null).writtenOn())
                .isEqualTo(LocalDate.of(2024, 6, 19));
        assertThat(DateMentions.read("Posted: 3 May 2013\nText", null).writtenOn()).isEqualTo(LocalDate.of(2013, 5, 3));
        assertThat(DateMentions.read("12/16/08 1: 30 AM EST\nText", null).writtenOn()).isEqualTo(LocalDate.of(2008, 12, 16));
    }

    @Test
    void withoutAnyDateNothingIsGuessed() {
        DateMentions.Reading r = DateMentions.read("They met in Seoul on Wednesday.", null);
        assertThat(r.writtenOn()).isNull();
        assertThat(r.bestDay()).isNull();
    }
}
