package io.newsflow.sink;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;

/**
 * Waits until a condition holds or a deadline passes (tests never sleep a fixed time to wait): Awaitility, as in
 * every module's tests, with the sink tests' habits (a description, 50 ms polls, a failing check polled again).
 */
final class Await {

    private Await() {
    }

    static void until(Duration timeout, String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(condition);
    }
}
