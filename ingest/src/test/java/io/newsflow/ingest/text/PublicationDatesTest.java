package io.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-06-20 Editor : Li Yan                     | 2024-06-20T00:00:00Z",
        "Published: Jun 19, 2024 11:36 PM              | 2024-06-19T23:36:00Z",
        "June 19, 2024                                 | 2024-06-19T00:00:00Z",
        "December 15th, 2008, 7: 35 am                 | 2008-12-15T07:35:00Z",
        "Last Updated: Monday, 28 November 2005, 02: 24 GMT | 2005-11-28T02:24:00Z",
        "Sept. 3, 2019 at 12:05 p.m.                   | 2019-09-03T12:05:00Z",
        "Updated 2024-03-04T08:30:00+01:00             | 2024-03-04T07:30:00Z",
        "2024/06/20 09:15                              | 2024-06-20T09:15:00Z",
        "9: 53 AM, MON 22 JUL 2013                     | 2013-07-22T09:53:00Z",
        "Posted 11/27/2005 7: 21 AM                    | 2005-11-27T07:21:00Z",
        "27/09/2013                                    | 2013-09-27T00:00:00Z",
        "Article posted on 08. 07. 2012                | 2012-07-08T00:00:00Z",
    })
    void findsTheCommonForms(String text, String expected) {
        assertThat(PublicationDates.find(text)).hasValueSatisfying(found ->
                assertThat(found.instant()).isEqualTo(Instant.parse(expected)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"signed a treaty on June 19.", "2+2 dialogue", "In 1992, relations were established",
        "2024-13-45", "February 30, 2024"})
    void findsNothingWhereThereIsNoFullDate(String text) {
        assertThat(PublicationDates.find(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-03-04T08:30:00Z            | 2024-03-04T08:30:00Z",
        "Mon, 04 Mar 2024 08:30:00 GMT   | 2024-03-04T08:30:00Z",
        "1709541000                      | 2024-03-04T08:30:00Z",
        "2024-03-04                      | 2024-03-04T00:00:00Z",
    })
    void parsesMachineTimestamps(String text, String expected) {
        assertThat(PublicationDates.parse(text)).contains(Instant.parse(expected));
    }
}
