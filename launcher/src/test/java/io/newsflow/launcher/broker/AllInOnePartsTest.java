package io.newsflow.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.newsflow.broker.EmbeddedKafka;
import org.junit.jupiter.api.Test;

/** The all-in-one parts are found where they are (the test class path holds the `provided` jars). */
class AllInOnePartsTest {

    @Test
    void bothPartsArePresentOnTheAllInOneClassPath() {
        for (AllInOneParts part : AllInOneParts.values()) {
            assertThatCode(part::require).as(part.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void aMissingClassIsReportedAsAbsentNotThrown() {
        assertThat(AllInOneParts.present("kafka.server.NoSuchServer")).isFalse();
        assertThat(AllInOneParts.present(EmbeddedKafka.class.getName())).isTrue();
    }
}
