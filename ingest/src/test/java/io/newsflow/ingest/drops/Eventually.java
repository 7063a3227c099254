package io.newsflow.ingest.drops;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Whether a condition comes to hold before a deadline (tests wait for outcomes, never for a fixed time): Awaitility,
 * as in every module's tests, answering true or false where the drop folder's tests assert on the answer.
 */
final class Eventually {

    private Eventually() {
    }

    static boolean holds(BooleanSupplier condition, Duration timeout) {
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return condition.getAsBoolean();
        }
    }
}
