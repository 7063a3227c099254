package io.newsflow.enrich.grouping.reference;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.newsflow.enrich.grouping.DateMentions.Reading;

/* Frozen copy of the implementation before the speed work (main at 3775bd7): the reference
 * TextFeaturesEquivalenceTest compares the optimised code against. Do not optimise. */
/**
 * Reads the day an article was written and the day it reports from its text.
 *
 * <p>Newswire text dates itself in a few ways: a dateline ({@code 2024-06-20},
 * {@code Published: Jun 19, 2024}, {@code 12/16/08}) and relative days in the prose ("on
 * Tuesday", "on June 19"). Relative days only mean something against the day of writing, so
 * they are resolved against the publication time when the source gave one, else against the first
 * full date the text gives (its dateline). Without either, the article has no date: guessing one
 * would create false vetoes.
 */
public final class ReferenceDateMentions {

    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final Pattern ISO = Pattern.compile("\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\.?,?\\s+((?:19|20)\\d{2})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern US_NUMERIC = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{2}|(?:19|20)\\d{2})\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:on|last|this|early|late)\\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of(
            "monday", DayOfWeek.MONDAY, "tuesday", DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY,
            "thursday", DayOfWeek.THURSDAY, "friday", DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY,
            "sunday", DayOfWeek.SUNDAY);
    /** Only the head of an article is searched for its dateline; later dates are history. */
    private static final int DATELINE_CHARS = 600;

    private ReferenceDateMentions() {
    }

    /**
     * @param text      title and body
     * @param published the publication day from the source, or null
     */
    public static Reading read(String text, LocalDate published) {
        LocalDate written = published != null ? published : dateline(text);
        LocalDate reported = null;
        if (written != null) {
            Matcher weekday = WEEKDAY.matcher(text);
            if (weekday.find()) {
                DayOfWeek day = WEEKDAYS.get(weekday.group(1).toLowerCase(Locale.ROOT));
                int back = (written.getDayOfWeek().getValue() - day.getValue() + 7) % 7;
                reported = written.minusDays(back);
            }
        }
        return new Reading(written, reported);
    }

    /** The first full date in the head of the text. */
    public static LocalDate dateline(String text) {
        String head = text.length() > DATELINE_CHARS ? text.substring(0, DATELINE_CHARS) : text;
        List<Found> found = new ArrayList<>();
        Matcher m = ISO.matcher(head);
        if (m.find()) {
            found.add(new Found(m.start(), date(m.group(1), m.group(2), m.group(3))));
        }
        m = MONTH_DAY_YEAR.matcher(head);
        if (m.find()) {
            found.add(new Found(m.start(), date(m.group(3), month(m.group(1)), m.group(2))));
        }
        m = DAY_MONTH_YEAR.matcher(head);
        if (m.find()) {
            found.add(new Found(m.start(), date(m.group(3), month(m.group(2)), m.group(1))));
        }
        m = US_NUMERIC.matcher(head);
        if (m.find()) {
            String year = m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
            found.add(new Found(m.start(), date(year, m.group(1), m.group(2))));
        }
        return found.stream()
                .filter(f -> f.date != null)
                .min((a, b) -> Integer.compare(a.at, b.at))
                .map(f -> f.date)
                .orElse(null);
    }

    private record Found(int at, LocalDate date) {
    }

    private static String month(String name) {
        String m = name.toLowerCase(Locale.ROOT).substring(0, 3);
        int index = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(m);
        return Integer.toString(index + 1);
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
