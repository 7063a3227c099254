package io.newsflow.enrich.tagging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags the countries (ISO 3166-1 alpha-2) and the officials an article names. Load once with
 * {@link #standard()} and share: the tagger holds only immutable data and is safe for concurrent use.
 */
public final class ArticleTagger {

    /** The lead is the title plus the first paragraph of real prose (page chrome lines are shorter). */
    private static final int LEAD_MIN_WORDS = 15;

    private static final Logger LOG = LoggerFactory.getLogger(ArticleTagger.class);
    private static volatile ArticleTagger standard;

    private final CountryGazetteer countries;
    private final OfficialFinder officials;

    ArticleTagger(CountryGazetteer countries, OfficialFinder officials) {
        this.countries = countries;
        this.officials = officials;
    }

    /** The tagger with the bundled gazetteer, office words and curated officials, loaded on first use. */
    public static ArticleTagger standard() {
        ArticleTagger t = standard;
        if (t == null) {
            synchronized (ArticleTagger.class) {
                t = standard;
                if (t == null) {
                    long started = System.nanoTime();
                    t = new ArticleTagger(CountryGazetteer.standard(),
                            new OfficialFinder(OfficeVocabulary.standard(), KnownOfficials.standard(), RoleNormaliser.standard()));
                    standard = t;
                    LOG.info("Article tagger loaded: {} countries, in {} ms", t.countryNames().size(),
                            (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return t;
    }

    /** ISO alpha-2 code to common English name for all 249 officially assigned codes. */
    public Map<String, String> countryNames() {
        return countries.names();
    }

    /** Tags an article whose day of publication is unknown. */
    public ArticleTags tag(String title, String body) {
        return tag(title, body, null);
    }

    /**
     * Tags an article. Title and body are taken as they are, page chrome and all.
     *
     * @param publishedOn the day the article appeared, or null; the curated officials' terms of office are
     *                    read against it (a bare "Bush" in 2009 is no longer the president)
     */
    public ArticleTags tag(String title, String body, LocalDate publishedOn) {
        String t = title == null ? "" : title;
        String b = body == null ? "" : body;
        String text = t + "\n\n" + b;
        int bodyStart = t.length() + 2;
        List<Token> tokens = TextTokenizer.tokenize(text);
        List<CountryGazetteer.Hit> hits = countries.find(tokens);
        int leadEnd = leadEnd(text, bodyStart);

        String[] countryAt = new String[tokens.size()];
        Map<String, int[]> perCode = new LinkedHashMap<>();   // code -> {mentions, inTitleOrLead}
        for (CountryGazetteer.Hit h : hits) {
            for (int k = h.start(); k < h.end(); k++) {
                countryAt[k] = h.code();
            }
            int[] c = perCode.computeIfAbsent(h.code(), k -> new int[2]);
            c[0]++;
            if (tokens.get(h.start()).start() < leadEnd) {
                c[1] = 1;
            }
        }
        List<CountryMention> countryMentions = new ArrayList<>(perCode.size());
        for (var e : perCode.entrySet()) {
            countryMentions.add(new CountryMention(e.getKey(), countries.name(e.getKey()), e.getValue()[0], e.getValue()[1] == 1));
        }
        countryMentions.sort((x, y) -> Integer.compare(y.mentions(), x.mentions()));
        List<OfficialMention> officialMentions = officials.find(text, tokens, countryAt, publishedOn);
        return new ArticleTags(List.copyOf(countryMentions), List.copyOf(officialMentions));
    }

    /** End offset of the first body paragraph with at least {@value #LEAD_MIN_WORDS} words. */
    private static int leadEnd(String text, int bodyStart) {
        int i = bodyStart;
        int n = text.length();
        while (i < n) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? n : nl;
            if (words(text, i, end) >= LEAD_MIN_WORDS) {
                return end;
            }
            i = end + 1;
        }
        return n;
    }

    private static int words(String text, int from, int to) {
        int count = 0;
        boolean in = false;
        for (int i = from; i < to; i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                count++;
            }
            in = letter;
        }
        return count;
    }

    public static Set<String> codes(List<CountryMention> mentions) {
        Set<String> s = new HashSet<>();
        for (CountryMention m : mentions) {
            s.add(m.code());
        }
        return s;
    }

    static Map<String, OfficialMention> byKey(List<OfficialMention> officials) {
        Map<String, OfficialMention> m = new HashMap<>();
        for (OfficialMention o : officials) {
            m.put(o.key(), o);
        }
        return m;
    }
}
