package io.newsflow.enrich.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentFrequenciesTest {

    @Test
    void keepsValuesByTermAndEmptiesWhenHalfFull() {
        RecentFrequencies table = new RecentFrequencies(8);
        table.put(11, 1.5, 100);
        table.put(0, 2.5, 200);
        table.put(11, 3.5, 300);
        assertThat(table.value(table.find(11))).isEqualTo(3.5);
        assertThat(table.asOf(table.find(11))).isEqualTo(300);
        assertThat(table.value(table.find(0))).isEqualTo(2.5);
        assertThat(table.find(12)).isEqualTo(-1);

        table.put(12, 1, 1);
        table.put(13, 1, 1);
        assertThat(table.find(11)).as("four terms in 8 slots").isNotEqualTo(-1);
        table.put(14, 4, 1);
        assertThat(table.find(11)).as("emptied when a fifth term came").isEqualTo(-1);
        assertThat(table.value(table.find(14))).isEqualTo(4);
    }
}
