package io.newsflow.enrich.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words titles of office are made of, from {@code tagging/office-words.tsv}, and the government bodies of one country. */
final class OfficeVocabulary {

    enum WordClass { HEAD, PREFIX_HEAD, WEAK_HEAD, COUNTERPART, TITLE, GOV, NOT_OFFICIAL }

    /** The "country" of international bodies in government-bodies.tsv: their officials serve no country. */
    static final String INTERNATIONAL = "-";

    private final Map<String, WordClass> words = new HashMap<>();
    private final List<String[]> bodies = new ArrayList<>();
    private final PhraseTrie<String> bodyPhrases = new PhraseTrie<>();

    static OfficeVocabulary standard() {
        OfficeVocabulary v = new OfficeVocabulary();
        CountryGazetteer.read("tagging/office-words.tsv", cols -> v.words.put(cols[0], switch (cols[1]) {
            case "head" -> WordClass.HEAD;
            case "prefixhead" -> WordClass.PREFIX_HEAD;
            case "weakhead" -> WordClass.WEAK_HEAD;
            case "counterpart" -> WordClass.COUNTERPART;
            case "title" -> WordClass.TITLE;
            case "gov" -> WordClass.GOV;
            case "notofficial" -> WordClass.NOT_OFFICIAL;
            default -> throw new IllegalStateException("unknown word class in office-words.tsv: " + cols[1]);
        }));
        CountryGazetteer.read("tagging/government-bodies.tsv", cols -> {
            v.bodies.add(new String[] {" " + cols[0] + " ", cols[1]});
            v.bodyPhrases.put(TextTokenizer.tokenize(cols[0]).stream().map(Token::folded).toList(), cols[1]);
        });
        return v;
    }

    /** Class of a folded word, or null when it is not a title word. */
    WordClass classOf(String folded) {
        return words.get(folded);
    }

    boolean isTitleWord(String folded) {
        return words.containsKey(folded);
    }

    /**
     * The country of each body, state, province or city of one country that the text names capitalised, by the
     * position of its first token (international bodies and places already read as countries left out).
     */
    Map<Integer, String> countriesOfBodies(List<Token> tokens, String[] countryAt) {
        Map<Integer, String> found = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).capitalised() || countryAt[i] != null) {
                continue;
            }
            PhraseTrie.Match<String> m = bodyPhrases.longestAt(tokens, i);
            if (m != null) {
                if (!INTERNATIONAL.equals(m.value())) {
                    found.put(i, m.value());
                }
                i = m.end() - 1;
            }
        }
        return found;
    }

    /** The country whose government body a lower-case, space-padded title names, or null. */
    String countryOfBody(String paddedLowerTitle) {
        for (String[] b : bodies) {
            if (paddedLowerTitle.contains(b[0])) {
                return b[1];
            }
        }
        return null;
    }
}
