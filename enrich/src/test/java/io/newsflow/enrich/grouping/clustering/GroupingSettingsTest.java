package io.newsflow.enrich.grouping.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder names each setting; changing one leaves the others as they were. */
class GroupingSettingsTest {

    @Test
    void theDefaultsAreTheBuildersAndOneSettingChangesAlone() {
        GroupingSettings defaults = GroupingSettings.defaults(GroupingSettings.DEFAULT_IDLE_TIMEOUT);
        assertThat(GroupingSettings.builder().build()).isEqualTo(defaults);
        assertThat(defaults.toBuilder().build()).isEqualTo(defaults);

        GroupingSettings changed = defaults.toBuilder().maxPostings(7).idleTimeout(Duration.ofHours(1)).build();
        assertThat(changed.maxPostings()).isEqualTo(7);
        assertThat(changed.idleTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(changed.toBuilder().maxPostings(defaults.maxPostings()).idleTimeout(defaults.idleTimeout()).build())
                .isEqualTo(defaults);

        GroupingSettings region = defaults.withRegion(12, 5, 40);
        assertThat(region.regionSize()).isEqualTo(12);
        assertThat(region.regionMembersPerEvent()).isEqualTo(5);
        assertThat(region.memberTerms()).isEqualTo(40);
        assertThat(region.withRegion(defaults.regionSize(), defaults.regionMembersPerEvent(), defaults.memberTerms()))
                .isEqualTo(defaults);
    }
}
