package io.newsflow.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Human-readable lines about one grouping run. */
public final class OutcomeLines {

    private OutcomeLines() {
    }

    /** One line per order for `eval --orders`. */
    public static String orderLine(GroupingOutcome outcome) {
        return String.format(Locale.ROOT, "order %-10s events=%d pairwise_f1=%.3f bcubed_f1=%.3f",
                outcome.order().label(), outcome.events(), outcome.scores().pairwiseF1(), outcome.scores().bcubedF1());
    }

    /** Each predicted event with its files and their gold events. */
    public static void printEvents(GroupingOutcome outcome, PrintStream out) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        outcome.predictedEventOfFile().forEach((file, event) -> members.computeIfAbsent(event, e -> new ArrayList<>())
                .add(file + "(" + outcome.goldEventOfFile().get(file) + ")"));
        members.forEach((event, names) -> out.println(event + ": " + String.join(" ", names)));
    }
}
