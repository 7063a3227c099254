package io.newsflow.enrich.grouping.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headline as the wire writes it across the versions of one story: "UPDATE 1-", "REFILE-",
 * "CORRECTED-UPDATE 2-" and the like mark a version of a story, not another story, so they are
 * left out when two headlines are compared.
 */
public final class WireHeadline {

    /**
     * Leading wire tags: a word in capitals (two letters or more), maybe a version number, then a
     * hyphen not followed by a small letter ("NATO-led" is a word of the headline, not a tag).
     */
    private static final Pattern WIRE_TAGS = Pattern.compile("^(?:\\p{Lu}{2,}(?: \\d+)?-(?!\\p{Ll}))+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private WireHeadline() {
    }

    /** The headline's words without wire tags, in small letters, single-spaced. */
    static String story(String headline) {
        return words(withoutTags(headline));
    }

    /**
     * The headline without its leading wire tags, as written otherwise; null stays null. What grouping
     * reads of a headline: "UPDATE 1-" says which version a story is in, not what it is about, and two
     * updates of different stories would otherwise share a heavy headline word.
     */
    public static String withoutTags(String headline) {
        if (headline == null) {
            return null;
        }
        Matcher tags = WIRE_TAGS.matcher(headline.strip());
        return tags.lookingAt() ? headline.strip().substring(tags.end()) : headline;
    }

    /**
     * Whether two texts tell one story as their readers know it: by the same headline once wire
     * tags are left out, or, where either has no headline, by the same opening paragraph (the
     * first line is all a reader sees of a text without one). Nothing known names no story.
     */
    public static boolean sameStory(String headline, String lead, String otherHeadline, String otherLead) {
        String story = story(headline);
        String other = story(otherHeadline);
        if (story.isEmpty() || other.isEmpty()) {
            story = words(lead);
            other = words(otherLead);
        }
        return !story.isEmpty() && story.equals(other);
    }

    private static String words(String text) {
        return text == null ? "" : NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
