package io.newsflow.ingest.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a publication date written the common ways: {@code 2024-06-20}, {@code 2024-06-20T10:15:00+02:00},
 * {@code Jun 19, 2024 11:36 PM}, {@code June 19, 2024}, {@code December 15th, 2008, 7: 35 am}, {@code 19 June 2024}.
 * A date without a zone is taken as UTC: drops rarely say their zone, and a day is what grouping needs.
 */
public final class PublicationDates {

    /** A date found in a text and where it was. */
    public record Found(Instant instant, int start, int end) {
    }

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String TIME = "(?:,?\\s*(?:at\\s+)?(\\d{1,2})\\s*:\\s*(\\d{2})(?:\\s*:\\s*(\\d{2}))?\\s*([ap]\\.?\\s?m\\.?)?)?";
    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2})?)?(?!\\d)");
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?i)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b" + TIME);
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b" + TIME);
    /** 11/27/2005 (US order unless the first number cannot be a month), 08. 07. 2012 and 27.09.2013 (day first). */
    private static final Pattern NUMERIC = Pattern.compile(
            "(?i)(?<![\\d/.])(\\d{1,2})\\s?([/.])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4})(?!\\d)(?:\\s*@)?" + TIME);
    /** A time written before its date: "9: 53 AM, MON 22 JUL 2013". */
    private static final Pattern TIME_BEFORE = Pattern.compile(
            "(?i)(\\d{1,2})\\s*:\\s*(\\d{2})\\s*([ap]\\.?\\s?m\\.?)?\\s*,?\\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s*)?$");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private PublicationDates() {
    }

    /** The first date in the text, if any. */
    public static Optional<Found> find(String text) {
        Found best = null;
        for (Found found : new Found[] {iso(text), monthFirst(text), dayFirst(text), numeric(text)}) {
            if (found != null && (best == null || found.start() < best.start())) {
                best = found;
            }
        }
        return Optional.ofNullable(best).map(found -> withTimeBefore(text, found));
    }

    /** Parses a machine-readable timestamp (ISO 8601, RFC 1123) or any of the forms above. */
    public static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException ignored) {
            // not ISO with offset; try the other forms
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException ignored) {
            // next
        }
        if (text.matches("\\d{10,13}")) {
            long number = Long.parseLong(text);
            return Optional.of(text.length() == 13 ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number));
        }
        return find(text).map(Found::instant);
    }

    private static Found iso(String text) {
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            Optional<LocalDate> date = date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
            if (date.isEmpty()) {
                continue;
            }
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT
                    : time(m.group(4), m.group(5), m.group(6), null).orElse(LocalTime.MIDNIGHT);
            ZoneOffset offset = ZoneOffset.UTC;
            if (m.group(7) != null && !m.group(7).equals("Z")) {
                try {
                    offset = ZoneOffset.of(m.group(7).length() == 5 ? m.group(7).substring(0, 3) + ":" + m.group(7).substring(3) : m.group(7));
                } catch (DateTimeException e) {
                    offset = ZoneOffset.UTC;
                }
            }
            return new Found(LocalDateTime.of(date.get(), time).toInstant(offset), m.start(), m.end());
        }
        return null;
    }

    private static Found numeric(String text) {
        Matcher m = NUMERIC.matcher(text);
        while (m.find()) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(3));
            boolean dayFirst = m.group(2).equals(".") || first > 12;
            Found found = named(m, 4, dayFirst ? second : first, String.valueOf(dayFirst ? first : second), 5,
                    m.start(), m.end());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A date found without its time takes the time written just before it, if any. */
    private static Found withTimeBefore(String text, Found found) {
        if (!LocalTime.ofInstant(found.instant(), ZoneOffset.UTC).equals(LocalTime.MIDNIGHT)) {
            return found;
        }
        Matcher m = TIME_BEFORE.matcher(text.substring(0, found.start()));
        if (!m.find()) {
            return found;
        }
        return time(m.group(1), m.group(2), null, m.group(3))
                .map(time -> new Found(LocalDateTime.of(LocalDate.ofInstant(found.instant(), ZoneOffset.UTC), time)
                        .toInstant(ZoneOffset.UTC), m.start(), found.end()))
                .orElse(found);
    }

    private static Found monthFirst(String text) {
        Matcher m = MONTH_FIRST.matcher(text);
        while (m.find()) {
            Found found = named(m, 3, month(m.group(1)), m.group(2), 4, m.start(), m.end());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Found dayFirst(String text) {
        Matcher m = DAY_FIRST.matcher(text);
        while (m.find()) {
            Found found = named(m, 3, month(m.group(2)), m.group(1), 4, m.start(), m.end());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Found named(Matcher m, int yearGroup, int month, String day, int timeGroup, int start, int end) {
        Optional<LocalDate> date = date(m.group(yearGroup), month, day);
        if (date.isEmpty()) {
            return null;
        }
        LocalTime time = m.group(timeGroup) == null ? LocalTime.MIDNIGHT
                : time(m.group(timeGroup), m.group(timeGroup + 1), m.group(timeGroup + 2), m.group(timeGroup + 3))
                        .orElse(LocalTime.MIDNIGHT);
        return new Found(LocalDateTime.of(date.get(), time).toInstant(ZoneOffset.UTC), start, end);
    }

    private static int month(String name) {
        return MONTHS.getOrDefault(name.toLowerCase(Locale.ROOT).substring(0, 3), 0);
    }

    private static Optional<LocalDate> date(String year, int month, String day) {
        try {
            int y = Integer.parseInt(year);
            if (y < 1900 || y > 2200) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(y, month, Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(String hours, String minutes, String seconds, String meridiem) {
        try {
            int h = Integer.parseInt(hours);
            if (meridiem != null) {
                boolean pm = Character.toLowerCase(meridiem.charAt(0)) == 'p';
                if (h < 1 || h > 12) {
                    return Optional.empty();
                }
                h = h % 12 + (pm ? 12 : 0);
            }
            return Optional.of(LocalTime.of(h, Integer.parseInt(minutes), seconds == null ? 0 : Integer.parseInt(seconds)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
