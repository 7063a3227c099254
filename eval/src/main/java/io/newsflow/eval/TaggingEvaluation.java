package io.newsflow.eval;

import io.newsflow.enrich.tagging.ArticleTagger;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.CountryMention;
import io.newsflow.enrich.tagging.OfficialMention;
import io.newsflow.enrich.tagging.PersonNames;
import io.newsflow.enrich.tagging.RoleNormaliser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision, recall and F1 of the tagger against hand labels, micro-averaged over all labelled articles.
 * Labels are a {@code labels.json} like {@code testdata/seeds/labels.json}: per article file (next to the
 * JSON) the title, {@code countries}, {@code countries_optional}, {@code officials} (name, country, role),
 * {@code officials_optional}, {@code not_officials} and optionally {@code published} (ISO date). Countries compare by ISO code, officials by
 * {@link PersonNames#key normalised name}; an optional item found counts neither way.
 *
 * <p>Officials are also scored in full. Over the officials whose name was found (matched), the share whose
 * country is right (a blank gold country expects none) and whose role is right ({@link RoleNormaliser#namesOffice});
 * and an F1 where a found official counts as right only when name, country and role all are.
 */
public final class TaggingEvaluation {

    /** Counts for one kind of tag. */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {

        public double precision() {
            int d = truePositives + falsePositives;
            return d == 0 ? 1.0 : (double) truePositives / d;
        }

        public double recall() {
            int d = truePositives + falseNegatives;
            return d == 0 ? 1.0 : (double) truePositives / d;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Score plus(Score o) {
            return new Score(truePositives + o.truePositives, falsePositives + o.falsePositives, falseNegatives + o.falseNegatives);
        }
    }

    /** Of the officials whose name was found, how many have the labelled country and role. */
    public record Attributes(int matched, int countryRight, int roleLabelled, int roleRight) {

        /** Share of matched officials with the labelled country; 1 when none matched. */
        public double countryAccuracy() {
            return matched == 0 ? 1.0 : (double) countryRight / matched;
        }

        /** Share of matched officials with a labelled role whose role is right; 1 when none. */
        public double roleAccuracy() {
            return roleLabelled == 0 ? 1.0 : (double) roleRight / roleLabelled;
        }

        Attributes plus(Attributes o) {
            return new Attributes(matched + o.matched, countryRight + o.countryRight, roleLabelled + o.roleLabelled,
                    roleRight + o.roleRight);
        }
    }

    /** Scores over a labelled set: officials by name, their attributes, and in full (name, country and role). */
    public record Result(int articles, Score countries, Score officials, Attributes officialAttributes, Score officialsFull) {

        /** Two labelled sets scored as one (micro-averaged). */
        public Result plus(Result other) {
            return new Result(articles + other.articles, countries.plus(other.countries), officials.plus(other.officials),
                    officialAttributes.plus(other.officialAttributes), officialsFull.plus(other.officialsFull));
        }

        /** e.g. {@code country_precision=0.981 country_recall=0.950 country_f1=0.965 official_precision=...}. */
        public String summary() {
            return String.format(Locale.ROOT,
                    "articles=%d country_precision=%.3f country_recall=%.3f country_f1=%.3f "
                            + "official_precision=%.3f official_recall=%.3f official_f1=%.3f",
                    articles, countries.precision(), countries.recall(), countries.f1(),
                    officials.precision(), officials.recall(), officials.f1())
                    + String.format(Locale.ROOT, " official_country_acc=%.3f official_role_acc=%.3f official_full_f1=%.3f",
                    officialAttributes.countryAccuracy(), officialAttributes.roleAccuracy(), officialsFull.f1());
        }
    }

    /** One article's officials: by name, the attributes of the matched ones, and in full. */
    record OfficialScores(Score byName, Attributes attributes, Score full) {
    }

    private final ArticleTagger tagger;

    public TaggingEvaluation(ArticleTagger tagger) {
        this.tagger = tagger;
    }

    /** Evaluates every article of a labels file; article files are read from the labels file's folder. */
    public Result evaluate(Path labelsJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(labelsJson.toFile());
        Path dir = labelsJson.toAbsolutePath().getParent();
        return evaluate(root.path("articles"), (file, label) -> {
            String body = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
            return tagger.tag(label.path("title").asText(""), body, day(label.path("published").asText("")));
        });
    }

    /** How the tags of one labelled article are obtained (e.g. through ingest's parsing, as `newsflow eval` does). */
    @FunctionalInterface
    public interface TagSource {
        ArticleTags tagsOf(String file, JsonNode label) throws IOException;
    }

    /** Scores the tags the source gives for every article of an {@code "articles"} label object. */
    public Result evaluate(JsonNode articleLabels, TagSource source) throws IOException {
        Score countries = new Score(0, 0, 0);
        Score officials = new Score(0, 0, 0);
        Attributes attributes = new Attributes(0, 0, 0, 0);
        Score full = new Score(0, 0, 0);
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = articleLabels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode label = e.getValue();
            ArticleTags tags = source.tagsOf(e.getKey(), label);
            countries = countries.plus(scoreCountries(label, tags.countries()));
            OfficialScores o = scoreOfficials(label, tags.officials());
            officials = officials.plus(o.byName());
            attributes = attributes.plus(o.attributes());
            full = full.plus(o.full());
            n++;
        }
        return new Result(n, countries, officials, attributes, full);
    }

    /** "2024-06-19T23:36" or "2024-06-20" to its day; anything else is unknown. */
    private static LocalDate day(String published) {
        if (published.length() >= 10 && published.charAt(4) == '-' && published.charAt(7) == '-') {
            try {
                return LocalDate.parse(published.substring(0, 10));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    static Score scoreCountries(JsonNode label, List<CountryMention> found) {
        Set<String> gold = texts(label.path("countries"));
        Set<String> optional = texts(label.path("countries_optional"));
        Set<String> got = ArticleTagger.codes(found);
        return score(gold, optional, got);
    }

    /** A labelled official: the keys of its spellings, its country (null when it serves none) and its role (null: not labelled). */
    private record GoldOfficial(Set<String> keys, String country, String role) {
    }

    static OfficialScores scoreOfficials(JsonNode label, List<OfficialMention> found) {
        // each gold person may be written several ways ("spelled_in_text_also"); any of them matches
        List<GoldOfficial> gold = new java.util.ArrayList<>();
        for (JsonNode o : label.path("officials")) {
            Set<String> keys = new HashSet<>();
            keys.add(PersonNames.key(o.path("name").asText()));
            for (JsonNode alt : o.path("spelled_in_text_also")) {
                keys.add(PersonNames.key(alt.asText()));
            }
            gold.add(new GoldOfficial(keys, blankToNull(o.path("country").asText("")), blankToNull(o.path("role").asText(""))));
        }
        Set<String> optional = new HashSet<>();
        for (JsonNode o : label.path("officials_optional")) {
            optional.add(PersonNames.key(o.isTextual() ? o.asText() : o.path("name").asText()));
        }
        RoleNormaliser roles = RoleNormaliser.standard();
        int tp = 0;
        int fp = 0;
        int countryRight = 0;
        int roleLabelled = 0;
        int roleRight = 0;
        int fullRight = 0;
        Set<GoldOfficial> matched = new HashSet<>();
        for (OfficialMention m : found) {
            GoldOfficial hit = null;
            for (GoldOfficial g : gold) {
                if (g.keys().contains(m.key())) {
                    hit = g;
                    break;
                }
            }
            if (hit != null) {
                if (matched.add(hit)) {
                    tp++;
                    boolean country = java.util.Objects.equals(hit.country(), m.country());
                    boolean role = hit.role() == null || roles.namesOffice(m.role(), hit.role());
                    countryRight += country ? 1 : 0;
                    roleLabelled += hit.role() == null ? 0 : 1;
                    roleRight += hit.role() != null && role ? 1 : 0;
                    fullRight += country && role ? 1 : 0;
                }
            } else if (!optional.contains(m.key())) {
                fp++;
            }
        }
        Score byName = new Score(tp, fp, gold.size() - matched.size());
        Score full = new Score(fullRight, fp + tp - fullRight, gold.size() - fullRight);
        return new OfficialScores(byName, new Attributes(tp, countryRight, roleLabelled, roleRight), full);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Score score(Set<String> gold, Set<String> optional, Set<String> got) {
        int tp = 0;
        int fp = 0;
        for (String g : got) {
            if (gold.contains(g)) {
                tp++;
            } else if (!optional.contains(g)) {
                fp++;
            }
        }
        int fn = 0;
        for (String g : gold) {
            if (!got.contains(g)) {
                fn++;
            }
        }
        return new Score(tp, fp, fn);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> s = new HashSet<>();
        for (JsonNode x : array) {
            s.add(x.asText());
        }
        return s;
    }

    /** {@code java ... TaggingEvaluation testdata/ecbplus-tags/labels.json}: prints the summary line. */
    public static void main(String[] args) throws IOException {
        for (String a : args) {
            System.out.println(new TaggingEvaluation(ArticleTagger.standard()).evaluate(Path.of(a)).summary());
        }
    }
}
