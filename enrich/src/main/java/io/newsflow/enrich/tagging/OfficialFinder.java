package io.newsflow.enrich.tagging;

import io.newsflow.enrich.tagging.NameRuns.NameRun;
import io.newsflow.enrich.tagging.OfficeVocabulary.WordClass;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds office holders: a name right after a title ("ROK Foreign Minister Cho Tae-yul"), a name with an
 * apposition ("Kim Hong-kyun, South Korea's vice minister of foreign affairs"), a counterpart ("his Chinese
 * counterpart Ma Zhaoxu"), or a name the curated list knows. Everything is decided on tokens already found,
 * with set lookups, so it costs a few passes over the article. Stateless; safe to share between threads.
 */
final class OfficialFinder {

    /** Title abbreviations whose full stop does not end a sentence: "Gen. Lee", "Sheriff's Sgt. Don". */
    private static final Set<String> ABBREVIATIONS = Set.of("gen", "lt", "sen", "rep", "gov", "capt", "col", "adm", "maj",
            "sgt", "cmdr", "dept", "const", "cpl", "pres", "supt", "insp", "det", "brig", "cdr", "amb", "atty", "lieut", "gens",
            "sens", "reps", "govs", "pvt", "spc", "comm", "commr", "asst", "dep", "msgr", "rev", "hon");
    /** Longest unknown abbreviation read as part of a rank ("Col. Inf.", "Brig. Gen. (Ret.)"), in letters. */
    private static final int MAX_RANK_ABBREVIATION = 4;
    private static final String INTERNATIONAL = OfficeVocabulary.INTERNATIONAL;
    private static final Set<String> CONNECTORS = Set.of("of", "the", "for", "at", "on", "to");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "his", "her", "its", "their", "our");
    /** People who speak or work for an office holder: "a spokesman for", "an adviser to" ends the holder's title. */
    private static final Set<String> SPEAKERS = Set.of("spokesman", "spokeswoman", "spokesperson", "aide", "aides",
            "adviser", "advisor", "advisers", "advisors");
    /** Verbs that give a person an office: "was elected chancellor", "was sworn in as president". */
    private static final Set<String> APPOINTED = Set.of("elected", "reelected", "re-elected", "named", "appointed",
            "sworn", "confirmed", "chosen", "installed", "nominated");
    /** Words that say when or how long an office is held, not which: "Lars Klingbeil, the new vice chancellor". */
    private static final Set<String> TENURE = Set.of("new", "newly", "incoming", "outgoing", "current", "interim",
            "veteran", "longtime", "career");
    private static final Set<String> APPOSITION_STOP = Set.of("who", "said", "says", "told", "was", "is", "has", "had",
            "will", "would", "and", "but", "which", "that", "when", "as", "according", "after", "before", "in", "on", "at",
            "by", "since", "until", "during", "while", "because");

    private final OfficeVocabulary vocab;
    private final KnownOfficials known;
    private final RoleNormaliser roles;

    OfficialFinder(OfficeVocabulary vocab, KnownOfficials known, RoleNormaliser roles) {
        this.vocab = vocab;
        this.known = known;
        this.roles = roles;
    }

    /** What one mention says about a person. */
    private static final class Evidence {
        NameRun run;
        String roleAsWritten;
        String role;
        int rolePriority;          // 3 title or apposition, 2 counterpart, 1 curated list
        String explicitCountry;
        String bodyCountry;
        String speaksFor;          // "President X said Indonesia would ...": the country the person speaks for
        String hostCountry;        // "Ambassador to France": the country an envoy is sent to, which they do not serve
        boolean counterpart;
        int titleStart;
        Evidence inheritFrom;
        String personKey;
    }

    /** A person as the article presents it, before it becomes an {@link OfficialMention}. */
    private static final class Person {
        String name;
        String key;
        List<String> units;
        String firstUnitKey;
        String lastUnitKey;
        String unitsKey;
        String role;
        String roleAsWritten;
        int rolePriority;
        String country;
        int countryPriority;      // 4 explicit, 3 curated, 2 body or speaking for it, 1 inherited or the article's country
        String hostCountry;
        int mentions;
        int first;

        void units(List<String> u) {
            units = u;
            unitsKey = PersonNames.key(String.join(" ", u));
            firstUnitKey = PersonNames.key(u.get(0));
            lastUnitKey = PersonNames.key(u.get(u.size() - 1));
        }
    }

    /**
     * @param publishedOn the article's day, or null: a person known from the curated list alone ("Obama", no
     *                    title in the text) counts only while in office, and only then lends the list's role
     */
    List<OfficialMention> find(String text, List<Token> tokens, String[] countryAt, LocalDate publishedOn) {
        List<NameRun> runs = NameRuns.find(text, tokens, countryAt, this::titleWord);
        Map<Integer, NameRun> runAt = new HashMap<>();
        for (NameRun r : runs) {
            runAt.put(r.start(), r);
        }
        List<Evidence> evidence = new ArrayList<>();
        Set<String> notOfficial = new HashSet<>();
        Set<KnownOfficials.Known> namedInFull = new HashSet<>();
        for (NameRun run : runs) {
            KnownOfficials.Known k = run.units().size() >= 2 ? known.byKey(run.key()) : null;
            if (k != null) {
                namedInFull.add(k);
            }
        }
        for (NameRun run : runs) {
            if (abbreviationBeforeName(tokens, run, runAt)) {
                continue;
            }
            Evidence e = fromTitle(text, tokens, countryAt, run, notOfficial);
            if (e == null && run.units().size() >= 2) {
                e = fromApposition(text, tokens, countryAt, run, runAt, notOfficial);
            }
            if (e == null && run.units().size() >= 2) {
                e = fromPredicate(text, tokens, countryAt, run, runAt, notOfficial);
            }
            if (e == null) {
                KnownOfficials.Known k = known.byKey(run.key());
                // the list names variants on purpose, "Obama" included, but a surname alone is that person only
                // when the article names them in full: "Bush" in a football report is Reggie Bush
                if (k != null && k.inOfficeOn(publishedOn) && (run.units().size() >= 2 || namedInFull.contains(k))) {
                    e = new Evidence();
                    e.run = run;
                    e.titleStart = run.start();
                }
            }
            if (e != null) {
                if (e.explicitCountry == null && run.end() + 1 < tokens.size() && tokens.get(run.end()).is("of")
                        && countryAt[run.end() + 1] != null) {
                    e.explicitCountry = countryAt[run.end() + 1];
                }
                e.speaksFor = spokenFor(tokens, countryAt, run.end());
                evidence.add(e);
            }
        }
        linkCounterpartsAndLists(tokens, evidence);
        Map<String, Person> people = merge(evidence, notOfficial, publishedOn, namedInFull);
        List<String> named = null;
        for (Person p : people.values()) {
            if (p.country == null && p.countryPriority == 0) {
                // the country the article is about serves officials whose title and words name none
                named = named != null ? named : countriesNamed(tokens, countryAt);
                p.country = articleCountry(named, p.hostCountry);
            }
        }
        countMentions(runs, people);
        List<OfficialMention> out = new ArrayList<>(people.size());
        for (Person p : people.values()) {
            out.add(new OfficialMention(p.name, p.key, p.role, p.roleAsWritten, p.country, Math.max(1, p.mentions)));
        }
        return out;
    }

    /** A title right before the name: "Chinese Vice Minister of Foreign Affairs Sun Weidong". */
    private Evidence fromTitle(String text, List<Token> tokens, String[] countryAt, NameRun run, Set<String> notOfficial) {
        int p = run.start() - 1;
        while (p > 2 && tokens.get(p).is(".") && !abbreviation(tokens.get(p - 1)) && rankAbbreviation(tokens, p - 1)) {
            p -= 2;       // "Col. Inf. Irham Waroiham": "Inf." (infantry) belongs to the rank, not to the name
        }
        if (p >= 0 && tokens.get(p).is(".") && p > 0 && abbreviation(tokens.get(p - 1))) {
            p--;          // "Gen. Lee"
        }
        boolean commaBefore = false;
        if (p > 0 && tokens.get(p).is(",") && run.units().size() >= 2 && closesApposition(tokens, run.end())
                && (tokens.get(p - 1).word() || tokens.get(p - 1).is("."))) {
            p--;          // "the interior secretary, Ken Salazar, said", "the governor of Qeshm, Mehdi Irannejad, told"
            commaBefore = true;
        }
        if (p < 0 || tokens.get(p + 1).lineBreak() && p + 1 == run.start()
                || !commaBefore && !titleWord(tokens.get(p))) {
            return null;
        }
        if (run.units().size() == 1 && !isHead(tokens.get(p))) {
            return null;  // "President Obama", but not "the Federal Reserve"
        }
        int left = p;
        boolean headAfter = isHead(tokens.get(p));
        int secondOffice = -1;    // the "and" of "Deputy Prime Minister and Foreign Minister X": one person, two offices
        for (int k = p - 1; k >= 0; k--) {
            if (tokens.get(k + 1).lineBreak()) {
                break;
            }
            Token t = tokens.get(k);
            boolean take;
            if (t.is("under") && !tokens.get(k + 1).is("secretary")) {
                break;    // "troops in Syria under President Trump": "under" ends the title, it is not "Under Secretary"
            }
            if ((t.is("for") || t.is("to")) && headAfter && k > 0 && SPEAKERS.contains(tokens.get(k - 1).folded())) {
                break;    // "a spokesman for Defence Minister Richard Marles": the minister is named, not the spokesman
            }
            if (t.is("and")) {
                // "Minister of Communications and Information Technology Nuh": "and" joins the portfolio of one office,
                // "Deputy Prime Minister and Foreign Minister X" two offices of one person (the first one is the role),
                // and "X and Y" two people
                boolean titles = k > 0 && titleWord(tokens.get(k + 1)) && titleWord(tokens.get(k - 1));
                boolean twoOffices = titles && secondOffice < 0 && tokens.get(k + 1).capitalised() && headAfter
                        && isHead(tokens.get(k - 1));
                take = titles && (!tokens.get(k + 1).capitalised() || !headAfter && portfolioBefore(tokens, k)) || twoOffices;
                if (twoOffices && !portfolioBefore(tokens, k)) {
                    secondOffice = k;
                }
            } else if (t.is("s") && countryAt[k] == null) {
                take = k > 0 && tokens.get(k - 1).is("'");   // "'s"; the S of "U.S." is the country's
            } else {
                take = titleWord(t) || countryAt[k] != null || CONNECTORS.contains(t.folded())
                        || t.is("'") || t.is(".") && k > 0 && abbreviation(tokens.get(k - 1))
                        || t.is("-") && k > 0 && t.start() == tokens.get(k - 1).end()   // "Vice-President", not a dateline's dash
                        || t.capitalised() && (!NameRuns.NAME_STOP.contains(t.folded())
                                || t.is("new") && tokens.get(k + 1).capitalised());   // "New South Wales Premier"
            }
            if (!take) {
                break;
            }
            headAfter |= isHead(t);
            left = k;
        }
        if (commaBefore && !(tokens.get(left).is("the") || left > 0 && tokens.get(left - 1).is("the") || possessive(tokens, left, p + 1))) {
            return null;  // "President Obama, Ken Salazar": a list of people, not a title set off by commas
        }
        if (secondOffice > left) {
            // both offices are the person's: a second one outside government ("President and General Manager" of a
            // team) makes them no official, else the first office is the role
            Evidence second = judge(text, tokens, countryAt, run, secondOffice + 1, p + 1, notOfficial, true);
            if (notOfficial.contains(run.key())) {
                return null;
            }
            Evidence first = judge(text, tokens, countryAt, run, left, secondOffice, notOfficial, true);
            return first != null ? first : second;
        }
        return judge(text, tokens, countryAt, run, left, p + 1, notOfficial, true);
    }

    /** Whether "of" or "for" comes shortly before token k, after a head: "Minister of Communications and ...". */
    private boolean portfolioBefore(List<Token> tokens, int k) {
        for (int j = k - 1; j > 0 && j >= k - 4; j--) {
            if ((tokens.get(j).is("of") || tokens.get(j).is("for")) && isHead(tokens.get(j - 1))) {
                return true;
            }
            if (!titleWord(tokens.get(j))) {
                return false;
            }
        }
        return false;
    }

    private static boolean possessive(List<Token> tokens, int from, int to) {
        for (int k = from; k + 1 < to; k++) {
            if (tokens.get(k).is("'") && tokens.get(k + 1).is("s")) {
                return true;
            }
        }
        return false;
    }

    private static boolean abbreviation(Token t) {
        return ABBREVIATIONS.contains(t.folded());
    }

    /**
     * A short capitalised word with a full stop right after a known title abbreviation and its full stop:
     * "Inf." in "Col. Inf. Irham", "Mar." in "Lt. Mar. Yusuf". Ranks carry branch and status abbreviations
     * no list holds; read as a name, they become an official called "Inf".
     */
    private static boolean rankAbbreviation(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        return i >= 2 && t.word() && t.capitalised() && t.text().length() <= MAX_RANK_ABBREVIATION
                && i + 1 < tokens.size() && tokens.get(i + 1).is(".")
                && tokens.get(i - 1).is(".") && (abbreviation(tokens.get(i - 2)) || rankAbbreviation(tokens, i - 2));
    }

    /** A one-word run that is itself an abbreviation between a title and a name ("Inf" in "Col. Inf. Irham"). */
    private static boolean abbreviationBeforeName(List<Token> tokens, NameRun run, Map<Integer, NameRun> runAt) {
        return run.units().size() == 1 && run.end() - run.start() == 1 && rankAbbreviation(tokens, run.start())
                && runAt.containsKey(run.end() + 1);
    }

    private WordClass classOf(Token t) {
        Object c = t.cachedWordClass();
        if (c == null) {
            WordClass wc = vocab.classOf(t.folded());
            t.cacheWordClass(wc == null ? Token.NO_CLASS : wc);
            return wc;
        }
        return c == Token.NO_CLASS ? null : (WordClass) c;
    }

    private boolean isHead(Token t) {
        WordClass wc = classOf(t);
        return wc == WordClass.HEAD || wc == WordClass.PREFIX_HEAD || wc == WordClass.WEAK_HEAD || wc == WordClass.COUNTERPART;
    }

    private boolean titleWord(Token t) {
        return classOf(t) != null;
    }

    private static boolean closesApposition(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return true;
        }
        Token t = tokens.get(i);
        return t.is(",") || t.is(".") || t.is(";") || t.is("said") || t.is("told") || t.is("says") || t.lineBreak();
    }

    /** "Kim Hong-kyun, South Korea's vice minister of foreign affairs, ..." */
    private Evidence fromApposition(String text, List<Token> tokens, String[] countryAt, NameRun run,
                                    Map<Integer, NameRun> runAt, Set<String> notOfficial) {
        int c = run.end();
        if (c + 1 >= tokens.size() || !tokens.get(c).is(",") || tokens.get(c + 1).lineBreak()) {
            return null;
        }
        return describedFrom(text, tokens, countryAt, run, runAt, notOfficial, c + 1);
    }

    /** "Friedrich Merz was elected chancellor of Germany", "Lee became president": the office the sentence gives the person. */
    private Evidence fromPredicate(String text, List<Token> tokens, String[] countryAt, NameRun run,
                                   Map<Integer, NameRun> runAt, Set<String> notOfficial) {
        int n = tokens.size();
        int q = run.end();
        if (q < n && (tokens.get(q).is("has") || tokens.get(q).is("had")) && q + 1 < n && tokens.get(q + 1).is("been")) {
            q += 2;
        } else if (q < n && (tokens.get(q).is("was") || tokens.get(q).is("became") || tokens.get(q).is("becomes"))) {
            q++;
        } else {
            return null;
        }
        if (q < n && APPOINTED.contains(tokens.get(q).folded())) {
            q++;
            if (q + 1 < n && tokens.get(q).is("in") && tokens.get(q + 1).is("as")) {
                q++;      // "sworn in as"
            }
            if (q < n && tokens.get(q).is("as")) {
                q++;
            }
        }
        if (q >= n || tokens.get(q).lineBreak()) {
            return null;
        }
        return describedFrom(text, tokens, countryAt, run, runAt, notOfficial, q);
    }

    /** An office described from token {@code start} on, up to the end of the phrase: after an apposition's comma or a verb. */
    private Evidence describedFrom(String text, List<Token> tokens, String[] countryAt, NameRun run,
                                   Map<Integer, NameRun> runAt, Set<String> notOfficial, int start) {
        int n = tokens.size();
        int q = start;
        int limit = Math.min(n, start + 18);
        while (q < limit) {
            Token t = tokens.get(q);
            if (q > start && t.lineBreak()) {
                break;
            }
            if (!t.word() && !t.is("'") && !t.is("-") && !t.is(".")) {
                break;
            }
            if (t.is(".") && !(abbreviation(tokens.get(q - 1)) || tokens.get(q - 1).text().length() == 1 && tokens.get(q - 1).capitalised())) {
                break;
            }
            if (APPOSITION_STOP.contains(t.folded()) && !(t.is("and") && q + 1 < n && titleWord(tokens.get(q + 1))
                    && !tokens.get(q + 1).capitalised())) {
                break;
            }
            NameRun other = runAt.get(q);
            if (other != null && other.units().size() >= 2) {
                return null;      // a title before another person's name, not an apposition
            }
            q++;
        }
        if (q == start) {
            return null;
        }
        int first = start;
        while (first < q && (DETERMINERS.contains(tokens.get(first).folded()) || !tokens.get(first).word()
                || TENURE.contains(tokens.get(first).text()))) {
            first++;
        }
        if (first == q || !(titleWord(tokens.get(first)) || countryAt[first] != null || tokens.get(first).capitalised())) {
            return null;  // "..., according to the sheriff's department": not a description of the person
        }
        return judge(text, tokens, countryAt, run, start, q, notOfficial, false);
    }

    /** Decides whether tokens [from, to) describe an office and builds the evidence. */
    private Evidence judge(String text, List<Token> tokens, String[] countryAt, NameRun run, int from, int to,
                           Set<String> notOfficial, boolean before) {
        while (from < to && (CONNECTORS.contains(tokens.get(from).folded()) || DETERMINERS.contains(tokens.get(from).folded())
                || !before && TENURE.contains(tokens.get(from).text())
                || !tokens.get(from).word())) {
            from++;
        }
        TitleWords words = readTitle(tokens, countryAt, from, to, before);
        if (words.not) {
            notOfficial.add(run.key());
            return null;
        }
        // an international body makes a weak head an office ("EU climate commissioner"); a place does not
        // ("New York attorney", "Philadelphia 76ers president")
        if (!words.official() && !((words.weak || words.prefixHead)
                && INTERNATIONAL.equals(bodyIn(text.substring(tokens.get(from).start(), tokens.get(to - 1).end()))))) {
            return null;
        }
        int roleFrom = roleStart(tokens, countryAt, from, to);
        if (roleFrom >= to) {
            return null;
        }
        Evidence e = new Evidence();
        e.run = run;
        e.titleStart = before ? from : run.start();
        e.explicitCountry = words.country;
        e.counterpart = words.counterpart && !words.head && !words.weak;
        e.roleAsWritten = text.substring(tokens.get(roleFrom).start(), tokens.get(to - 1).end());
        String plain = plainRole(tokens, countryAt, roleFrom, to);
        e.hostCountry = words.host;
        e.bodyCountry = bodyIn(plain);
        if (e.bodyCountry == null) {
            e.bodyCountry = bodyIn(e.roleAsWritten);
        }
        if (!e.counterpart) {
            e.role = roles.normalise(plain);
            e.rolePriority = 3;
        }
        return e;
    }

    /** The country of the government body a title names ({@link #INTERNATIONAL} for an international one), or null. */
    private String bodyIn(String title) {
        return vocab.countryOfBody(" " + TextTokenizer.fold(title).replace('-', ' ') + " ");
    }

    /** What the words of a title say: which kinds of office word it has, and the first country named in it. */
    private static final class TitleWords {
        boolean head;
        boolean prefixHead;
        boolean unknownWords;
        boolean weak;
        boolean gov;
        boolean counterpart;
        boolean not;
        String country;
        String host;
        int headsSeen;

        boolean official() {
            return head || counterpart || (weak || prefixHead) && (gov || country != null) || prefixHead && !unknownWords;
        }
    }

    private TitleWords readTitle(List<Token> tokens, String[] countryAt, int from, int to, boolean before) {
        TitleWords w = new TitleWords();
        for (int k = from; k < to; k++) {
            if (countryAt[k] != null) {
                // "Ambassador to France": the country an envoy is sent to is not the one the envoy serves
                boolean sentTo = k > from && tokens.get(k - 1).is("to");
                if (sentTo && w.host == null) {
                    w.host = countryAt[k];
                } else if (!sentTo && w.country == null) {
                    w.country = countryAt[k];
                }
                continue;
            }
            WordClass wc = classOf(tokens.get(k));
            if ((wc == null || wc == WordClass.HEAD || wc == WordClass.WEAK_HEAD) && defenceLawyer(tokens, from, k)) {
                w.not = true;   // a defence lawyer, not a prosecutor
            }
            if (wc == null) {
                if (tokens.get(k).word() && !CONNECTORS.contains(tokens.get(k).folded()) && !DETERMINERS.contains(tokens.get(k).folded())) {
                    w.unknownWords = true;
                }
                continue;
            }
            if (tokens.get(k).is("general") && k > from && tokens.get(k - 1).word() && classOf(tokens.get(k - 1)) == null
                    && countryAt[k - 1] == null) {
                continue;     // "Vicar General", "Club General Manager": "general" after a word of no office qualifies it
            }
            switch (wc) {
                case HEAD -> { w.head = true; w.headsSeen++; }
                case PREFIX_HEAD -> {
                    w.headsSeen++;
                    if (before && tokens.get(k).capitalised()) {
                        w.prefixHead = true;
                    } else {
                        w.weak = true;
                    }
                }
                case WEAK_HEAD -> { w.weak = true; w.headsSeen++; }
                case COUNTERPART -> w.counterpart = true;
                case GOV -> w.gov = true;
                case NOT_OFFICIAL -> w.not = true;
                default -> { }
            }
        }
        if (!before && w.headsSeen > 0 && firstHeadIndex(tokens, from, to) - from > 6) {
            w.head = false;
            w.weak = false;
            w.prefixHead = false;
        }
        return w;
    }

    /** "defense attorney", "defence lawyer" at token k. */
    private static boolean defenceLawyer(List<Token> tokens, int from, int k) {
        return (tokens.get(k).is("attorney") || tokens.get(k).is("lawyer")) && k > from
                && (tokens.get(k - 1).is("defense") || tokens.get(k - 1).is("defence"));
    }

    /** Where the role starts: the title without the country in front ("South Korea's Vice Minister" -> "Vice Minister"). */
    private int roleStart(List<Token> tokens, String[] countryAt, int from, int to) {
        int roleFrom = from;
        while (roleFrom < to) {
            Token t = tokens.get(roleFrom);
            boolean possessor = t.capitalised() && classOf(t) == null && roleFrom + 2 < to
                    && tokens.get(roleFrom + 1).is("'") && tokens.get(roleFrom + 2).is("s");
            if (countryAt[roleFrom] != null || possessor || DETERMINERS.contains(t.folded()) || !t.word()
                    || t.is("s") && roleFrom > from && tokens.get(roleFrom - 1).is("'")) {
                roleFrom++;
            } else {
                break;
            }
        }
        return roleFrom;
    }

    /** The role's words without the countries in it, joined as written, without a trailing "of", "to", ... */
    private static String plainRole(List<Token> tokens, String[] countryAt, int roleFrom, int to) {
        StringBuilder plain = new StringBuilder();
        for (int k = roleFrom; k < to; k++) {
            Token t = tokens.get(k);
            boolean countryPart = countryAt[k] != null
                    || t.is("the") && k + 1 < to && countryAt[k + 1] != null
                    || (t.is("'") || t.is("s")) && k > roleFrom && (countryAt[k - 1] != null || tokens.get(k - 1).is("'") && countryAt[k - 2] != null);
            if (countryPart) {
                continue;
            }
            if (t.is("-") || t.is("'")) {
                plain.append(t.text());
                continue;
            }
            if (!plain.isEmpty() && !tokens.get(k - 1).is("-") && !tokens.get(k - 1).is("'") && !t.is(",") && !t.is(".")) {
                plain.append(' ');
            }
            plain.append(t.text());
        }
        String[] trailing = {" of", " to", " for", " at", " the", " on"};
        for (boolean trimmed = true; trimmed; ) {
            trimmed = false;
            for (String c : trailing) {
                if (plain.length() > c.length() && plain.toString().toLowerCase(java.util.Locale.ROOT).endsWith(c)) {
                    plain.setLength(plain.length() - c.length());   // "special envoy to [Ukraine]"
                    trimmed = true;
                }
            }
        }
        return plain.toString();
    }

    private int firstHeadIndex(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            WordClass wc = classOf(tokens.get(k));
            if (wc == WordClass.HEAD || wc == WordClass.WEAK_HEAD || wc == WordClass.PREFIX_HEAD) {
                return k;
            }
        }
        return to;
    }

    /** Counterparts take the office of the official just before; list members take a missing country from theirs. */
    private void linkCounterpartsAndLists(List<Token> tokens, List<Evidence> evidence) {
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            if (e.counterpart) {
                for (int j = i - 1; j >= 0; j--) {
                    Evidence p = evidence.get(j);
                    if (e.run.start() - p.run.end() > 80) {
                        break;
                    }
                    if (p.role != null && p.rolePriority == 3) {
                        e.role = p.role;
                        e.rolePriority = 2;
                        break;
                    }
                }
            }
            if (i > 0 && e.explicitCountry == null) {
                Evidence p = evidence.get(i - 1);
                boolean adjacent = p.run.end() <= e.titleStart;
                for (int k = p.run.end(); adjacent && k < e.titleStart; k++) {
                    Token t = tokens.get(k);
                    adjacent = (t.is(",") || t.is("and")) && !t.lineBreak();
                }
                if (adjacent) {
                    e.inheritFrom = p;
                }
            }
        }
    }

    /** "X said Indonesia would", "X says that China is": the country X speaks for, or null. */
    private static String spokenFor(List<Token> tokens, String[] countryAt, int end) {
        int i = end;
        if (i < tokens.size() && tokens.get(i).is(",")) {
            return null;  // "X, who ..., said Y would": too far to tell whose country
        }
        if (i >= tokens.size() || !(tokens.get(i).is("said") || tokens.get(i).is("says"))) {
            return null;
        }
        i++;
        if (i < tokens.size() && tokens.get(i).is("that")) {
            i++;
        }
        if (i >= tokens.size() || countryAt[i] == null || tokens.get(i).lineBreak()) {
            return null;
        }
        String code = countryAt[i];
        while (i < tokens.size() && code.equals(countryAt[i])) {
            i++;
        }
        // the country is the subject of what was said: a verb follows, not "Indonesia's" or "and Japan"
        return i < tokens.size() && tokens.get(i).word() && !tokens.get(i).capitalised() && !tokens.get(i).is("and")
                && !tokens.get(i).is("or") ? code : null;
    }

    /** The countries the article names, in text order: by name, or by their states, provinces, cities and bodies. */
    private List<String> countriesNamed(List<Token> tokens, String[] countryAt) {
        TreeMap<Integer, String> named = new TreeMap<>(vocab.countriesOfBodies(tokens, countryAt));
        for (int i = 0; i < countryAt.length; i++) {
            if (countryAt[i] != null && (i == 0 || !countryAt[i].equals(countryAt[i - 1]))) {
                named.put(i, countryAt[i]);
            }
        }
        return new ArrayList<>(named.values());
    }

    /**
     * The country the article is about: the one it names most, counting its states, provinces, cities and
     * bodies with it ("Los Angeles", "California", "the Pentagon" are the United States), the first named
     * among equals; not {@code notThis} (an envoy's host). Null when it names none.
     */
    private static String articleCountry(List<String> named, String notThis) {
        Map<String, Integer> mentions = new HashMap<>();
        named.forEach(code -> mentions.merge(code, 1, Integer::sum));
        // most mentions; among equals the one named first, as a dateline or a lead names the article's own country
        String best = null;
        int top = 0;
        for (String code : named) {
            if (mentions.get(code) > top && !code.equals(notThis)) {
                top = mentions.get(code);
                best = code;
            }
        }
        return best;
    }

    private Map<String, Person> merge(List<Evidence> evidence, Set<String> notOfficial, LocalDate publishedOn,
                                      Set<KnownOfficials.Known> namedInFull) {
        // full names first, so that "Kim" or "Bush" can join the person the article names in full
        Map<String, Person> people = new LinkedHashMap<>();
        List<Evidence> ordered = new ArrayList<>(evidence);
        ordered.sort((a, b) -> Integer.compare(b.run.units().size() >= 2 ? 1 : 0, a.run.units().size() >= 2 ? 1 : 0));
        for (Evidence e : ordered) {
            Identity who = identify(e, people, namedInFull);
            if (notOfficial.contains(who.key()) && who.known() == null) {
                continue;
            }
            e.personKey = who.key();
            Person p = people.computeIfAbsent(who.key(), key -> newPerson(key, e, who.known(), publishedOn));
            addEvidence(p, e);
        }
        shareCountriesInLists(evidence, people);
        List<Person> sorted = new ArrayList<>(people.values());
        sorted.sort((a, b) -> Integer.compare(a.first, b.first));
        Map<String, Person> out = new LinkedHashMap<>();
        for (Person p : sorted) {
            out.put(p.key, p);
        }
        return out;
    }

    /** Who a piece of evidence is about: the person key, and the curated official it names, if any. */
    private record Identity(String key, KnownOfficials.Known known) {
    }

    private Identity identify(Evidence e, Map<String, Person> people, Set<KnownOfficials.Known> namedInFull) {
        String key = e.run.key();
        KnownOfficials.Known k = known.byKey(key);
        if (k != null && e.run.units().size() == 1 && !namedInFull.contains(k)
                && !(e.role != null && roles.sameOffice(e.role, k.role()))) {
            k = null;     // a surname alone, with no title of that person's office: someone else of that name
        }
        if (e.run.units().size() == 1) {
            Person full = personWithUnit(people, key);
            if (full != null) {
                key = full.key;
            } else if (k != null) {
                key = k.key();
            }
        } else if (k != null) {
            key = k.key();
        }
        return new Identity(key, k);
    }

    /** A person first met in this evidence; a curated official brings the role held on the publication day and the country. */
    private static Person newPerson(String key, Evidence e, KnownOfficials.Known k, LocalDate publishedOn) {
        Person p = new Person();
        p.key = key;
        p.units(e.run.units());
        p.name = k != null && e.run.units().size() == 1 ? k.name() : String.join(" ", e.run.units());
        p.first = e.run.start();
        if (k != null) {
            p.role = k.inOfficeOn(publishedOn) ? k.role() : null;
            p.rolePriority = p.role == null ? 0 : 1;
            p.country = k.country();
            p.countryPriority = 3;
            if (e.run.units().size() == 1) {
                p.units(List.of(k.name().split(" ")));
            }
        }
        return p;
    }

    /** The earliest mention names the person; the surest role and country win (by their priorities). */
    private static void addEvidence(Person p, Evidence e) {
        if (p.hostCountry == null) {
            p.hostCountry = e.hostCountry;
        }
        if (e.run.start() < p.first) {
            p.first = e.run.start();
            if (e.run.units().size() >= 2) {
                p.name = String.join(" ", e.run.units());
            }
        }
        if (e.role != null && (e.rolePriority > p.rolePriority
                || e.rolePriority == p.rolePriority && e.role.length() > p.role.length())) {
            p.role = e.role;
            p.rolePriority = e.rolePriority;
            p.roleAsWritten = e.roleAsWritten;
        } else if (p.roleAsWritten == null && e.roleAsWritten != null && e.rolePriority >= p.rolePriority) {
            p.roleAsWritten = e.roleAsWritten;
        }
        if (e.explicitCountry != null && p.countryPriority < 4) {
            p.country = e.explicitCountry;
            p.countryPriority = 4;
        } else if (e.bodyCountry != null && p.countryPriority < 2) {
            p.country = INTERNATIONAL.equals(e.bodyCountry) ? null : e.bodyCountry;   // a UN or EU official serves none
            p.countryPriority = 2;
        } else if (e.speaksFor != null && p.countryPriority < 2) {
            p.country = e.speaksFor;
            p.countryPriority = 2;
        }
    }

    /** People named in one list serve the same country: a member with no sign of it takes the one another shows. */
    private static void shareCountriesInLists(List<Evidence> evidence, Map<String, Person> people) {
        evidence.sort((a, b) -> Integer.compare(a.run.start(), b.run.start()));
        for (Evidence e : evidence) {
            if (e.inheritFrom != null && e.personKey != null && e.inheritFrom.personKey != null) {
                Person p = people.get(e.personKey);
                Person from = people.get(e.inheritFrom.personKey);
                if (p != null && from != null && p != from && p.countryPriority < 1 && from.country != null) {
                    p.country = from.country;
                    p.countryPriority = 1;
                } else if (p != null && from != null && p != from && from.countryPriority < 1 && p.countryPriority >= 2) {
                    from.country = p.country;     // and the other way: "Sun Weidong and ... Central Military Commission Zhang"
                    from.countryPriority = 1;
                }
            }
        }
    }

    private static Person personWithUnit(Map<String, Person> people, String unitKey) {
        Person found = null;
        for (Person p : people.values()) {
            if (p.units.size() < 2) {
                continue;
            }
            if (unitKey.equals(p.firstUnitKey) || unitKey.equals(p.lastUnitKey)) {
                if (found != null && found != p) {
                    return null;   // two people could be meant
                }
                found = p;
            }
        }
        return found;
    }

    /** Full names in any spelling and later short mentions ("Sun said") count for the person. */
    private static void countMentions(List<NameRun> runs, Map<String, Person> people) {
        for (NameRun r : runs) {
            Person p = people.get(r.key());
            if (p == null && r.units().size() == 1) {
                p = personWithUnit(people, r.key());
            }
            if (p == null) {
                for (Person q : people.values()) {
                    if (q.key.equals(r.key()) || q.unitsKey.equals(r.key())) {
                        p = q;
                        break;
                    }
                }
            }
            if (p != null) {
                p.mentions++;
            }
        }
    }
}
