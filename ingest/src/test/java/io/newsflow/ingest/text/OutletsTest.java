package io.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutletsTest {

    private final Outlets outlets = Outlets.bundled();

    @Test
    void theOutletSpokenToIsTheOneRightAfterThePhrase() {
        assertThat(outlets.spokenTo("The minister told the Global Times on Monday that talks would go on."))
                .contains("Global Times");
        assertThat(outlets.spokenTo("A diplomat, speaking to  Reuters, declined to comment.")).contains("Reuters");
        assertThat(outlets.spokenTo("He said in an interview with Yonhap News Agency that...")).contains("Yonhap");
    }

    @Test
    void aPhraseWithoutAnOutletAfterItIsPassedOverForALaterOne() {
        assertThat(outlets.spokenTo("She told reporters little. Later an aide told Reuters more.")).contains("Reuters");
        assertThat(outlets.spokenTo("She told reporters that Reuters had it wrong.")).isEmpty();
        assertThat(outlets.spokenTo("He foretold Reuters' fall.")).isEmpty();
    }
}
