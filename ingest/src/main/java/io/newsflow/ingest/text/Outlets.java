package io.newsflow.ingest.text;

import io.newsflow.text.RegexWhitespace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The news outlets Newsflow knows by name and web domain ({@code outlets.tsv}), so that a source
 * named in a footer ("with the Korea JoongAng Daily"), a byline e-mail ({@code @joongang.co.kr}) or
 * a phrase like "told the Global Times" is reported under one spelling.
 */
public final class Outlets {

    private static final Pattern EMAIL_OR_URL_HOST = Pattern.compile(
            "(?i)(?:@|https?://)([a-z0-9](?:[a-z0-9\\-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9\\-]*[a-z0-9])?)+)");

    /**
     * "told", "speaking to"...: the phrase alone, found first, then the outlet name looked for right after it.
     * Found with {@code indexOf}, not a pattern: a pattern of the four, each behind a word boundary, tried at every
     * place of the body, was a third of the drop folder's CPU.
     */
    private static final List<String> SPOKEN_TO = List.of("told", "in an interview with", "speaking to", "said to");

    private static final Outlets BUNDLED = load();

    private final Map<String, String> nameByDomain;
    private final Map<String, String> nameByAlias;
    /** All names in one alternation, longest first: one pass over the text instead of one per outlet. */
    private final Pattern mention;
    private final Pattern outletAfterSpokenTo;

    private Outlets(Map<String, String> nameByDomain, Map<String, String> nameByAlias) {
        this.nameByDomain = nameByDomain;
        this.nameByAlias = nameByAlias;
        List<String> aliases = new ArrayList<>(nameByAlias.keySet());
        aliases.sort((x, y) -> y.length() - x.length());
        StringBuilder alternation = new StringBuilder();
        for (String alias : aliases) {
            alternation.append(alternation.isEmpty() ? "" : "|").append(Pattern.quote(alias));
        }
        this.mention = Pattern.compile("\\b(?:[Tt]he )?(" + alternation + ")\\b");
        this.outletAfterSpokenTo = Pattern.compile("(?:[Tt]he\\s+)?(" + alternation + ")\\b");
    }

    public static Outlets bundled() {
        return BUNDLED;
    }

    /** The outlet whose name appears first in the text (the longest name at that place). */
    public Optional<String> named(String text) {
        Matcher m = mention.matcher(text);
        return m.find() ? Optional.of(nameByAlias.get(m.group(1))) : Optional.empty();
    }

    /** The outlet that owns a host name (or any of its parent domains). */
    public Optional<String> ofHost(String host) {
        String candidate = host.toLowerCase(Locale.ROOT);
        if (candidate.startsWith("www.")) {
            candidate = candidate.substring(4);
        }
        while (candidate.contains(".")) {
            String name = nameByDomain.get(candidate);
            if (name != null) {
                return Optional.of(name);
            }
            candidate = candidate.substring(candidate.indexOf('.') + 1);
        }
        return Optional.empty();
    }

    /** The outlet behind the first e-mail address or URL in the text whose domain is known. */
    public Optional<String> ofAddressIn(String text) {
        Matcher m = EMAIL_OR_URL_HOST.matcher(text);
        while (m.find()) {
            Optional<String> outlet = ofHost(m.group(1));
            if (outlet.isPresent()) {
                return outlet;
            }
        }
        return Optional.empty();
    }

    /** The outlet named as the one spoken to: "told the Global Times", "in an interview with Reuters". */
    public Optional<String> spokenTo(String text) {
        Matcher outlet = outletAfterSpokenTo.matcher(text);
        for (int nameAt : spokenToEnds(text)) {
            outlet.region(nameAt, text.length());
            if (outlet.lookingAt()) {
                return Optional.of(nameByAlias.get(outlet.group(1)));
            }
        }
        return Optional.empty();
    }

    /**
     * Where a name may start after each spoken-to phrase, in the text's order: the phrase starts a word and
     * white space follows it (the white space skipped).
     */
    private static int[] spokenToEnds(String text) {
        List<int[]> found = new ArrayList<>();
        for (String phrase : SPOKEN_TO) {
            for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
                int end = at + phrase.length();
                int nameAt = end;
                while (nameAt < text.length() && RegexWhitespace.is(text.charAt(nameAt))) {
                    nameAt++;
                }
                if (nameAt > end && (at == 0 || !isWordChar(text.charAt(at - 1)))) {
                    found.add(new int[] {at, nameAt});
                }
            }
        }
        found.sort((x, y) -> Integer.compare(x[0], y[0]));
        return found.stream().mapToInt(f -> f[1]).toArray();
    }

    /** A word character as {@code \b} of java.util.regex sees it. */
    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static Outlets load() {
        Map<String, String> byDomain = new LinkedHashMap<>();
        Map<String, String> byAlias = new LinkedHashMap<>();
        try (InputStream in = Outlets.class.getResourceAsStream("outlets.tsv")) {
            if (in == null) {
                throw new IllegalStateException("outlets.tsv missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                String name = columns[0].strip();
                List<String> names = new ArrayList<>(List.of(name));
                if (columns.length > 1 && !columns[1].isBlank()) {
                    names.addAll(List.of(columns[1].split("\\|")));
                }
                for (String alias : names) {
                    byAlias.putIfAbsent(alias.strip().replaceFirst("^The ", ""), name);
                }
                if (columns.length > 2) {
                    for (String domain : columns[2].split("\\|")) {
                        if (!domain.isBlank()) {
                            byDomain.put(domain.strip().toLowerCase(Locale.ROOT), name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outlets(Map.copyOf(byDomain), Map.copyOf(byAlias));
    }
}
