package io.newsflow.launcher.faults;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;

/** Bounded waits of the fault suite, on Awaitility: every wait says what it waits for and gives up in time. */
final class Waits {

    private Waits() {
    }

    static void until(Duration timeout, String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(condition);
    }
}
