package io.newsflow.ingest.text;

import io.newsflow.text.PageChrome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain-text article the way people and scrapers drop them: headline first (or, in some
 * corpora, the first sentence), date and byline lines, page chrome above and below. Each line is
 * classified on its own ({@link PageChrome}) and in context: after a copyright line everything short
 * is footer; after "Related news" short lines are links until a real paragraph comes; a short
 * lower-case line right after chrome continues it. What is left, minus the headline and repeated
 * paragraphs (captions are often pasted twice), is the body.
 */
public final class PlainTextParser {

    private static final int MAX_TITLE_WORDS = 25;
    private static final int MAX_META_WORDS = 20;
    /** What may stand around a date on a date line without making it a sentence: times, weekdays, zones. */
    private static final Pattern DATE_NOISE = Pattern.compile("(?i)\\b(\\d{1,2}\\s*:\\s*\\d{2}(\\s*:\\s*\\d{2})?\\s*([ap]\\.?\\s?m\\.?)?"
            + "|(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\\.?|[ap]\\.?m\\.?|gmt|utc|et|est|edt|pt|pst|pdt|cet|cest|bst|kst|jst|ist"
            + "|[+-]\\d{2}:?\\d{2}|on|at)\\b|[@|,\\-–—:]");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00A0\\u2007\\u202F\\u200B\\u200C\\u200D\\uFEFF\\t]");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    /** A URL on a line of its own; tokenised corpora put spaces inside it ("http://www. example.com/a _ b"). */
    private static final Pattern URL_LINE = Pattern.compile("(?i)^(https?://|www\\.)\\S.*");
    private static final Pattern META_LABEL = Pattern.compile(
            "(?i)^(published|updated|last updated|posted|date|dated|editor|author|source|time|created|modified|by)\\b.*");
    private static final Pattern BYLINE = Pattern.compile(
            "^(?i:by)\\s+(\\p{Lu}[\\p{L}'’.\\-]*(?:\\s+\\p{Lu}[\\p{L}'’.\\-]*){0,3})(?:\\s+(?i:and)\\s+\\p{Lu}[\\p{L}'’.\\-]*(?:\\s+\\p{Lu}[\\p{L}'’.\\-]*){0,3})?(?:\\s*[,|\\[(].*)?$");
    private static final Pattern CREDIT = Pattern.compile("(?i)\\b(editor|author|reporter|writer|written by|by)\\s*:?\\s+");
    private static final Pattern NAME_TOKEN = Pattern.compile("\\p{Lu}[\\p{L}'’.\\-]*");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:;\"”’)]$");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private final Outlets outlets;

    public PlainTextParser(Outlets outlets) {
        this.outlets = outlets;
    }

    public static PlainTextParser withBundledOutlets() {
        return new PlainTextParser(Outlets.bundled());
    }

    /** Parses a text whose headline, if any, is its first line of content. */
    public PlainTextArticle parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a text; when {@code knownTitle} is given (an HTML page's or a JSON field's headline)
     * no line is taken as headline and lines repeating it are dropped.
     */
    public PlainTextArticle parse(String text, String knownTitle) {
        // A URL line is the article's address in a dropped text; inside a page or JSON body it is just text.
        List<Line> lines = classify(text, knownTitle == null);
        Reading reading = new Reading(knownTitle);
        for (Line line : lines) {
            switch (line.kind) {
                case CONTENT -> reading.content(line.text);
                case URL -> reading.url(line.text);
                case BYLINE -> reading.byline(line.text);
                case DATE -> reading.date(line.text);
                case CHROME -> reading.chrome(line.text);
                default -> {
                    // blank lines and link-list items carry nothing
                }
            }
        }
        String body = String.join("\n\n", reading.paragraphs);
        String source = source(reading.url, reading.metaText.toString(), reading.chromeText.toString(), body);
        return new PlainTextArticle(reading.title, body, reading.url, reading.publishedAt, source, reading.byline,
                reading.editor);
    }

    /** The parts of one article, line by line in reading order; the first of each kind of metadata wins. */
    private final class Reading {
        private String title;
        private boolean pickTitle;
        private final List<String> paragraphs = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private final StringBuilder metaText = new StringBuilder();
        private final StringBuilder chromeText = new StringBuilder();
        private String url;
        private Instant publishedAt;
        private String byline;
        private String editor;

        Reading(String knownTitle) {
            title = knownTitle == null ? "" : knownTitle.strip();
            pickTitle = knownTitle == null;
            if (!title.isEmpty()) {
                seen.add(ArticleIdentity.normalise(title));
            }
        }

        /** The headline when none is known yet, else a paragraph unless it repeats one (or the headline). */
        void content(String text) {
            if (pickTitle) {
                pickTitle = false;
                if (isTitleLike(text)) {
                    title = text;
                    seen.add(ArticleIdentity.normalise(title));
                    return;
                }
            }
            if (!seen.add(ArticleIdentity.normalise(text))) {
                return;
            }
            int last = paragraphs.size() - 1;
            if (last >= 0 && continuesSentence(paragraphs.get(last), text)) {
                // A sentence broken over two lines ("The talks" / "were co-chaired by ...") is one paragraph.
                paragraphs.set(last, paragraphs.get(last) + " " + text);
            } else {
                paragraphs.add(text);
            }
        }

        void url(String text) {
            url = url == null ? text.replaceAll("\\s+", "") : url;
        }

        void byline(String text) {
            metaText.append(text).append('\n');
            if (byline == null) {
                byline = bylineName(text);
            }
        }

        void date(String text) {
            metaText.append(text).append('\n');
            if (publishedAt == null) {
                publishedAt = PublicationDates.find(text).map(PublicationDates.Found::instant).orElse(null);
            }
            if (editor == null) {
                editor = creditedName(text);
            }
        }

        void chrome(String text) {
            chromeText.append(text).append('\n');
        }
    }

    /** The outlet: by the article's address, else named in its metadata or chrome, else quoted in its body. */
    private String source(String url, String metaText, String chromeText, String body) {
        return Optional.ofNullable(url).flatMap(outlets::ofAddressIn)
                .or(() -> outlets.named(metaText))
                .or(() -> outlets.named(chromeText))
                .or(() -> outlets.ofAddressIn(metaText + chromeText))
                .or(() -> outlets.spokenTo(body))
                .orElse(null);
    }

    private enum Kind { BLANK, CONTENT, CHROME, LINK, URL, BYLINE, DATE }

    private record Line(String text, Kind kind) {
    }

    private static List<Line> classify(String text, boolean urlLines) {
        List<Line> result = new ArrayList<>();
        boolean inFooter = false;
        boolean inLinkList = false;
        Kind previous = Kind.BLANK;
        for (String raw : LINE_BREAK.split(text, -1)) {
            String line = SPACES.matcher(INVISIBLE.matcher(raw).replaceAll(" ")).replaceAll(" ").strip();
            Kind kind;
            int words = PageChrome.wordCount(line);
            if (!HAS_LETTER_OR_DIGIT.matcher(line).find()) {
                result.add(new Line(line, Kind.BLANK));
                continue;
            }
            if (inFooter && words <= 25) {
                kind = Kind.CHROME;
            } else if (PageChrome.isFooterStart(line)) {
                kind = Kind.CHROME;
                inFooter = true;
            } else if (PageChrome.isSectionHeader(line)) {
                kind = Kind.CHROME;
                inLinkList = true;
            } else if (urlLines && URL_LINE.matcher(line).matches() && words <= 40) {
                kind = Kind.URL;
            } else if (words <= 12 && BYLINE.matcher(line).matches()) {
                kind = Kind.BYLINE;
            } else if (isDateLine(line, words)) {
                kind = Kind.DATE;
            } else if (PageChrome.isChrome(line)) {
                kind = Kind.CHROME;
            } else if (inLinkList && words <= 15 && !endsLikeSentence(line)) {
                kind = Kind.LINK;
            } else if (previous == Kind.CHROME && words <= 8 && Character.isLowerCase(line.codePointAt(0))) {
                kind = Kind.CHROME;
            } else {
                kind = Kind.CONTENT;
                inLinkList = false;
                inFooter = false;
            }
            previous = kind;
            result.add(new Line(line, kind));
        }
        return result;
    }

    private static boolean isDateLine(String line, int words) {
        if (words > MAX_META_WORDS) {
            return false;
        }
        Optional<PublicationDates.Found> found = PublicationDates.find(line);
        if (found.isEmpty()) {
            return false;
        }
        String before = line.substring(0, found.get().start()).strip();
        String after = DATE_NOISE.matcher(line.substring(found.get().end())).replaceAll(" ").strip();
        int otherWords = PageChrome.wordCount(DATE_NOISE.matcher(before).replaceAll(" ")) + PageChrome.wordCount(after);
        return META_LABEL.matcher(line).matches() || otherWords <= 2
                || before.isEmpty() && (otherWords <= 3 || META_LABEL.matcher(after).matches());
    }

    static boolean isTitleLike(String line) {
        int words = PageChrome.wordCount(line);
        if (words > MAX_TITLE_WORDS) {
            return false;
        }
        return !line.endsWith(".") || line.endsWith("..") || words <= 3;
    }

    private static boolean continuesSentence(String previous, String line) {
        return !endsLikeSentence(previous) && !previous.endsWith(",") && Character.isLowerCase(line.codePointAt(0));
    }

    private static boolean endsLikeSentence(String line) {
        return SENTENCE_END.matcher(line).matches();
    }

    private static String bylineName(String line) {
        Matcher m = BYLINE.matcher(line);
        return m.matches() ? personName(m.group(1)) : null;
    }

    /** The name after "Editor:" or "By" in a date line, up to the first token that is not part of a name. */
    private String creditedName(String line) {
        Matcher credit = CREDIT.matcher(line);
        if (!credit.find()) {
            return null;
        }
        String rest = line.substring(credit.end());
        List<String> tokens = new ArrayList<>();
        Matcher token = NAME_TOKEN.matcher(rest);
        int position = 0;
        while (token.find() && token.start() == position && tokens.size() < 3) {
            String word = token.group();
            boolean allCaps = word.equals(word.toUpperCase(Locale.ROOT)) && word.length() > 1;
            if (!tokens.isEmpty() && allCaps || outlets.named(word).isPresent()) {
                break;
            }
            tokens.add(word);
            position = token.end();
            while (position < rest.length() && rest.charAt(position) == ' ') {
                position++;
            }
        }
        return tokens.isEmpty() ? null : personName(String.join(" ", tokens));
    }

    /** "SEO JI-EUN" becomes "Seo Ji-eun"; mixed-case names are kept as written. */
    static String personName(String name) {
        String stripped = name.strip();
        if (!stripped.equals(stripped.toUpperCase(Locale.ROOT))) {
            return stripped;
        }
        StringBuilder result = new StringBuilder();
        for (String word : stripped.split("\\s+")) {
            if (!result.isEmpty()) {
                result.append(' ');
            }
            result.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return result.toString();
    }
}
