package io.newsflow.enrich.grouping.clustering;

import io.newsflow.enrich.grouping.state.EventState;
import io.newsflow.enrich.grouping.state.MemberFeatures;
import io.newsflow.enrich.grouping.text.ArticleProfile;
import io.newsflow.enrich.grouping.text.TextFeatures;
import io.newsflow.enrich.grouping.vectors.TermSlots;
import io.newsflow.enrich.tagging.ArticleTags;
import io.newsflow.enrich.tagging.OfficialMention;
import io.newsflow.enrich.tagging.PersonNames;
import io.newsflow.enrich.tagging.RoleNormaliser;
import java.util.Collection;
import java.util.List;

/**
 * How well an article fits an open event (to rank candidate events and as the evidence of a copy):
 * <ul>
 *   <li>the group-average link: the mean TF-IDF cosine between the article and each member (or
 *       between the members of two events), computed in constant time from the events' sums of
 *       member unit vectors. Title words and names weigh more in the vectors ({@link TextFeatures});</li>
 *   <li>when a day veto is set, a veto when both sides give a day and the days are further apart;</li>
 *   <li>a veto when the two sides name different holders of one office of one country that has one
 *       holder at a time ({@link SingleHolderOffices}), and neither names the other's: a visit of the South
 *       Korean foreign minister Cho Tae-yul and one of the foreign minister Cho Hyun are two visits, however
 *       alike their words. An office held by many at once (vice ministers, senators) vetoes only when both
 *       sides also name one official of another country, whom each side's holder met: Kim Hong-kyun meeting
 *       the Chinese vice foreign minister Sun Weidong and Kim meeting Ma Zhaoxu are two meetings, while two
 *       senators quoted on one hearing are not two hearings.</li>
 *   <li>a veto when both sides name officials of the same two countries or more and no official in common, or
 *       each of two countries of which one is the other side's and no partner in common
 *       ({@link #differentEncounters}): two meetings or calls between the same two governments, or of one
 *       government with two others.</li>
 * </ul>
 */
public final class EventSimilarity {

    private EventSimilarity() {
    }

    /** A similarity: the mean cosine with the event's members, 0 when vetoed. */
    public record Score(double value, boolean vetoed) {
    }

    /**
     * An official as far as the vetoes care: who, which office, of which country, and whether a principal of
     * what they are named in (a spokesperson speaks about an encounter, see {@link #differentEncounters}).
     */
    public record Holder(String key, String role, String country, boolean principal) {

        public Holder(String key, String role, String country) {
            this(key, role, country, !speaksFor(role));
        }
    }

    public static List<Holder> holders(ArticleTags tags) {
        return tags == null ? List.of() : tags.officials().stream()
                .map((OfficialMention o) -> new Holder(o.key(), o.role(), o.country())).toList();
    }

    static List<Holder> holders(EventState event) {
        return event.officials.values().stream().map(o -> new Holder(o.key(), o.role(), o.country())).toList();
    }

    static List<Holder> holders(MemberFeatures member) {
        return member.officials().stream().map(o -> new Holder(o.key(), o.role(), o.country())).toList();
    }

    /**
     * Whether each side names a holder of an office (same office, same country) whom the other side never
     * names, the office having one holder at a time or both sides naming one official of another country (a
     * counterpart both met). One side naming both is no conflict: a report may mention a predecessor.
     */
    static boolean officeConflict(Collection<Holder> a, Collection<Holder> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        // The cheap tests first: whether a side names a person is an edit distance against each of its
        // names, worked out only for a pair of holders of one office (this runs for every pair of articles
        // of a neighbourhood, so nothing is allocated: the sides are a few officials each, scanned in place).
        RoleNormaliser roles = RoleNormaliser.standard();
        SingleHolderOffices single = SingleHolderOffices.standard();
        for (Holder x : a) {
            if (x.role() == null || x.country() == null) {
                continue;
            }
            for (Holder y : b) {
                if (y.role() == null || !x.country().equals(y.country()) || !roles.sameOffice(x.role(), y.role())) {
                    continue;
                }
                if (!single.contains(x.role()) && !sharedForeignCounterpart(a, b, x.country())) {
                    continue;
                }
                if (named(b, x.key())) {
                    break; // the other side names x: no conflict through x
                }
                if (!named(a, y.key())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Roles that speak for an office rather than act in an event (spokesperson, -man, -woman): no principals of it. */
    private static final List<String> SPEAKING_ROLES = List.of("spokes", "press secretary", "press officer");

    /**
     * Whether the two sides report two encounters. Reports of one meeting or call name its principals
     * (spokespersons aside): two sides that name those of the same two countries or more and no official in common
     * report two encounters (Kim Hong-kyun meeting Ma Zhaoxu and Wang Yi calling Cho Hyun, however alike their
     * words); so do two sides that each name those of two countries exactly, one country shared and the partner
     * not, and no partner in common, whoever of the shared country both name (a Sri Lankan minister meeting an Uzbek
     * envoy and a Sri Lankan senator meeting an Estonian minister; a president hosting two different visitors).
     * A summit whose reports each name its host and one visitor is the case this gets wrong: its event, once it names
     * parties of three countries, is no longer a two-country side.
     */
    static boolean differentEncounters(Collection<Holder> a, Collection<Holder> b) {
        // This runs for every pair of articles of a neighbourhood: no allocation until the countries are compared.
        if (a.size() < 2 || b.size() < 2) {
            return false;
        }
        boolean sameCountries = twoCountriesInCommon(a, b);
        String host = sameCountries ? null : hostOfDifferentPartners(a, b);
        if (!sameCountries && host == null) {
            return false;
        }
        for (Holder x : a) {
            for (Holder y : b) {
                if (x.key().equals(y.key()) && !bothOf(host, x, y)) {
                    return false;
                }
            }
        }
        // Another transliteration of one person ("Kurbanguly"/"Gurbanguly") is an edit distance: worked out only
        // for officials both sides place in one country (or one side in none), the rest cannot be one person.
        for (Holder x : a) {
            for (Holder y : b) {
                boolean oneCountry = x.country() == null || y.country() == null || x.country().equals(y.country());
                if (oneCountry && !bothOf(host, x, y) && PersonNames.sameName(x.key(), y.key())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether both officials are of the host country (null: no host), whom two encounters of its may share. */
    private static boolean bothOf(String host, Holder x, Holder y) {
        return host != null && host.equals(x.country()) && host.equals(y.country());
    }

    /**
     * The country both sides' principals share when each side's are of two countries exactly and the sides share
     * one of them (one country meeting two different partners), else null.
     */
    private static String hostOfDifferentPartners(Collection<Holder> a, Collection<Holder> b) {
        String[] countriesA = twoCountries(a);
        String[] countriesB = countriesA == null ? null : twoCountries(b);
        if (countriesB == null) {
            return null;
        }
        String host = null;
        for (String country : countriesA) {
            if (country.equals(countriesB[0]) || country.equals(countriesB[1])) {
                if (host != null) {
                    return null;
                }
                host = country;
            }
        }
        return host;
    }

    /** The two countries of a side's principals, or null when they are of fewer or more. */
    private static String[] twoCountries(Collection<Holder> side) {
        String first = null;
        String second = null;
        for (Holder h : side) {
            String country = h.country();
            if (!h.principal() || country == null || country.equals(first) || country.equals(second)) {
                continue;
            }
            if (first == null) {
                first = country;
            } else if (second == null) {
                second = country;
            } else {
                return null;
            }
        }
        return second == null ? null : new String[] {first, second};
    }

    /** Whether two countries or more have a principal on both sides. */
    private static boolean twoCountriesInCommon(Collection<Holder> a, Collection<Holder> b) {
        String first = null;
        for (Holder x : a) {
            if (!x.principal() || x.country() == null || x.country().equals(first)) {
                continue;
            }
            for (Holder y : b) {
                if (y.principal() && x.country().equals(y.country())) {
                    if (first != null) {
                        return true;
                    }
                    first = x.country();
                    break;
                }
            }
        }
        return false;
    }

    /** Either veto on the officials two sides name: {@link #officeConflict} or {@link #differentEncounters}. */
    static boolean officialsConflict(Collection<Holder> a, Collection<Holder> b) {
        return !a.isEmpty() && !b.isEmpty() && (officeConflict(a, b) || differentEncounters(a, b));
    }

    // Worked out for every official of every neighbourhood member: a scan from each 's' and 'p', no lower-cased copy.
    private static boolean speaksFor(String role) {
        if (role == null) {
            return false;
        }
        for (int at = 0; at < role.length(); at++) {
            char c = Character.toLowerCase(role.charAt(at));
            if (c != 's' && c != 'p') {
                continue;
            }
            for (String speaking : SPEAKING_ROLES) {
                if (speaking.charAt(0) == c && role.regionMatches(true, at, speaking, 0, speaking.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a side names this person, in this or another transliteration ("Kurbanguly" / "Gurbanguly"). */
    private static boolean named(Collection<Holder> side, String key) {
        if (names(side, key)) {
            return true;
        }
        for (Holder h : side) {
            if (PersonNames.sameName(h.key(), key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether side a names someone side b names too, of a known country other than this one. */
    private static boolean sharedForeignCounterpart(Collection<Holder> a, Collection<Holder> b, String country) {
        for (Holder h : a) {
            if (h.country() != null && !h.country().equals(country) && names(b, h.key())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a side names this person in this very spelling. */
    private static boolean names(Collection<Holder> side, String key) {
        for (Holder h : side) {
            if (h.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The article's mean cosine with the event's members, from the sum of their unit vectors (the
     * centroid): the group-average link of agglomerative clustering, in constant time per event.
     */
    public static Score score(TermSlots.Spread article, ArticleProfile profile, List<Holder> officials, EventState event,
                       GroupingSettings settings) {
        int vetoDays = settings.clustering().dayVetoDays();
        // the event's day is a count over its members' days: only worked out when a veto could use it
        boolean vetoed = vetoDays > 0 && profile.day() != null
                && dayConflict(profile.day().toEpochDay(), event.day(), vetoDays)
                || !officials.isEmpty() && officialsConflict(officials, holders(event));
        // copies add nothing to the centroid (they follow their originals), so they do not divide it
        double value = article.dot(event.centroid) / Math.max(1, event.independentSources());
        return new Score(vetoed ? 0.0 : value, vetoed);
    }

    /**
     * The mean similarity a link needs when it rests on this many article pairs, after this many
     * articles taught the document frequencies. One pair is weak evidence (two reports of one
     * event may share few words, two reports of sibling events many), a mean over many pairs is
     * strong, so the margin shrinks like the standard error of a mean, 1/sqrt(pairs). Likewise a
     * young stream's IDF is noisy (a fresh stream cannot tell a topic's common words from an
     * event's own), so a second margin shrinks as 1/sqrt(1 + articles seen).
     */
    public static double required(GroupingSettings settings, int pairs, double articlesSeen) {
        return settings.linkThreshold()
                + settings.smallSampleMargin() / Math.sqrt(Math.max(1, pairs))
                + settings.coldStartMargin() / Math.sqrt(1 + Math.max(0, articlesSeen));
    }

    /** Whether two sides' days (epoch days, null when unknown) are further apart than a day veto set above 0 allows. */
    static boolean dayConflict(Long dayA, Long dayB, int vetoDays) {
        return vetoDays > 0 && dayA != null && dayB != null && Math.abs(dayA - dayB) > vetoDays;
    }


}
