package io.newsflow.enrich.grouping.text;

import io.newsflow.text.RegexWhitespace;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
public final class DateMentions {

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
    private static final List<String> WEEKDAY_PREFIXES = List.of("mon", "tues", "wednes", "thurs", "fri", "satur", "sun");
    /** The lengths of WEEKDAY's words before the weekday: on; last, this, late; early. */
    private static final int[] WEEKDAY_KEYWORD_LENGTHS = {2, 4, 5};
    /** Only the head of an article is searched for its dateline; later dates are history. */
    private static final int DATELINE_CHARS = 600;

    private DateMentions() {
    }

    /**
     * What the text says about dates.
     *
     * @param writtenOn  the day the article was written (publication day or dateline), or null
     * @param reportedOn the day the reported event happened when the text says so, or null
     */
    public record Reading(LocalDate writtenOn, LocalDate reportedOn) {

        /** The best single day for the article: what it reports, else when it was written. */
        public LocalDate bestDay() {
            return reportedOn != null ? reportedOn : writtenOn;
        }
    }

    /**
     * @param text      title and body
     * @param published the publication day from the source, or null
     */
    public static Reading read(String text, LocalDate published) {
        LocalDate written = published != null ? published : dateline(text);
        LocalDate reported = null;
        if (written != null) {
            Matcher weekday = firstWeekdayMention(text);
            if (weekday != null) {
                DayOfWeek day = WEEKDAYS.get(weekday.group(1).toLowerCase(Locale.ROOT));
                int back = (written.getDayOfWeek().getValue() - day.getValue() + 7) % 7;
                reported = written.minusDays(back);
            }
        }
        return new Reading(written, reported);
    }

    /** The first full date in the head of the text. */
    static LocalDate dateline(String text) {
        String head = text.length() > DATELINE_CHARS ? text.substring(0, DATELINE_CHARS) : text;
        List<Found> found = new ArrayList<>();
        // Each pattern is only run when the head holds characters that every match of it holds:
        // most heads hold no date, and running all four over 600 characters (two of them trying
        // twelve month names at every character) cost more than an article's terms and names.
        if (hasBetweenDigits(head, '-')) {
            Matcher m = ISO.matcher(head);
            if (m.find()) {
                found.add(new Found(m.start(), date(m.group(1), m.group(2), m.group(3))));
            }
        }
        if (hasYearAfterSpace(head)) {
            Matcher m = MONTH_DAY_YEAR.matcher(head);
            if (m.find()) {
                found.add(new Found(m.start(), date(m.group(3), month(m.group(1)), m.group(2))));
            }
            m = DAY_MONTH_YEAR.matcher(head);
            if (m.find()) {
                found.add(new Found(m.start(), date(m.group(3), month(m.group(2)), m.group(1))));
            }
        }
        if (hasBetweenDigits(head, '/')) {
            Matcher m = US_NUMERIC.matcher(head);
            if (m.find()) {
                String year = m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
                found.add(new Found(m.start(), date(year, m.group(1), m.group(2))));
            }
        }
        return found.stream()
                .filter(f -> f.date != null)
                .min((a, b) -> Integer.compare(a.at, b.at))
                .map(f -> f.date)
                .orElse(null);
    }

    /** Whether {@code separator} stands between two ASCII digits somewhere: ISO and US dates need it. */
    private static boolean hasBetweenDigits(String text, char separator) {
        for (int i = text.indexOf(separator, 1); i >= 0 && i + 1 < text.length(); i = text.indexOf(separator, i + 1)) {
            if (isDigit(text.charAt(i - 1)) && isDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a year 19xx or 20xx follows a whitespace character ({@code \s}) somewhere: written-out dates need it. */
    private static boolean hasYearAfterSpace(String text) {
        for (int i = 0; i + 4 < text.length(); i++) {
            if (RegexWhitespace.is(text.charAt(i)) && isCentury(text.charAt(i + 1), text.charAt(i + 2))
                    && isDigit(text.charAt(i + 3)) && isDigit(text.charAt(i + 4))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first WEEKDAY match, as {@code find()} gives it, without a regex step at every character:
     * a match is a keyword, whitespace, and a weekday name (ASCII letters in any case), so it can
     * only start where a keyword ends at the whitespace run before a weekday name, and a later name
     * can only give a later match. The pattern itself still decides each candidate.
     */
    private static Matcher firstWeekdayMention(String text) {
        Matcher m = WEEKDAY.matcher(text).useTransparentBounds(true);
        for (int day = 0; day + 3 <= text.length(); day++) {
            int name = weekdayNameEndingIn(text, day);
            if (name < 0) {
                continue;
            }
            int spaceStart = name;
            while (spaceStart > 0 && RegexWhitespace.is(text.charAt(spaceStart - 1))) {
                spaceStart--;
            }
            if (spaceStart == name) {
                continue;
            }
            for (int keyword : WEEKDAY_KEYWORD_LENGTHS) {
                int start = spaceStart - keyword;
                if (start >= 0 && m.region(start, text.length()).lookingAt()) {
                    return m;
                }
            }
        }
        return null;
    }

    /** Where the weekday name whose "day" (any ASCII case) is at {@code day} starts, or -1. */
    private static int weekdayNameEndingIn(String text, int day) {
        if (!isAsciiIgnoreCase(text, day, "day")) {
            return -1;
        }
        for (String prefix : WEEKDAY_PREFIXES) {
            int start = day - prefix.length();
            if (start >= 0 && isAsciiIgnoreCase(text, start, prefix)) {
                return start;
            }
        }
        return -1;
    }

    /** Whether text holds {@code lower} (ASCII lower-case letters) at {@code at}, in any ASCII case, as CASE_INSENSITIVE matches. */
    private static boolean isAsciiIgnoreCase(String text, int at, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if ((text.charAt(at + i) | 0x20) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCentury(char first, char second) {
        return first == '1' && second == '9' || first == '2' && second == '0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
