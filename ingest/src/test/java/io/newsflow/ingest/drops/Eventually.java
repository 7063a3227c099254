package io.newsflow.ingest.drops;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes: tests wait for outcomes, never for a fixed time. */
final class Eventually {

    private Eventually() {
    }

    static boolean holds(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            synchronized (Eventually.class) {
                Eventually.class.wait(50);
            }
        }
        return condition.getAsBoolean();
    }
}
