package io.newsflow.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the text of generated articles: each story gets its countries, officials (from the
 * tagger's curated list or titled officials of its own), a subject and proper names of its own;
 * each report of it says so in sentences drawn and filled anew, so no two reports read alike.
 */
final class ArticleWriter {

    private static final String[][] SUBJECTS = {
            {"trade talks", "tariffs", "exports", "customs", "steel", "quotas", "farm goods", "supply chains"},
            {"border security", "troops", "patrols", "ceasefire", "drills", "checkpoints", "missiles", "observers"},
            {"an energy deal", "pipeline", "gas", "reactor", "power grid", "refinery", "oil fields", "tankers"},
            {"an earthquake", "rescuers", "aftershocks", "shelters", "evacuation", "collapsed buildings", "survivors", "relief flights"},
            {"an election", "ballots", "turnout", "candidates", "polling stations", "coalition", "recount", "observers"},
            {"an outbreak", "vaccines", "clinics", "hospitals", "cases", "quarantine", "testing", "health workers"},
            {"a climate pact", "emissions", "drought", "forests", "carbon", "glaciers", "coastline", "floods"},
            {"a debt crisis", "bonds", "currency", "inflation", "lenders", "budget", "bailout", "interest rates"},
            {"a rail corridor", "railway", "port", "freight", "highway", "tunnel", "cargo", "bridges"},
            {"a prisoner exchange", "detainees", "envoys", "visas", "embassy", "consulate", "mediators", "families"},
    };
    private static final String[] TITLES = {"Foreign Minister", "Trade Minister", "Defence Minister", "Energy Minister",
            "Finance Minister", "Health Minister", "Interior Minister", "Transport Minister", "Deputy Foreign Minister",
            "Environment Minister"};
    private static final String[] ENVOYS = {"Ambassador", "Special Envoy", "Governor", "Mayor", "Senator",
            "Deputy Minister", "Government Spokesperson", "Police Commissioner", "Chief Negotiator"};
    private static final String[] FIRST = {"Amara", "Tomas", "Lena", "Omar", "Ines", "Pavel", "Nadia", "Jonas", "Sofia",
            "Mateo", "Leila", "Anton", "Clara", "Rafael", "Yara", "Elias", "Mira", "Karim", "Alma", "Viktor"};
    private static final String[] SYLLABLES = {"ka", "lo", "vi", "ren", "tor", "mi", "sa", "del", "nor", "bel", "qua",
            "an", "te", "ri", "os", "ul", "bar", "zen", "ha", "mon", "est", "ga", "dro", "lin"};
    private static final String[] OUTLETS = {"Daily Ledger", "Morning Courier", "Global Wire", "Capital Times",
            "Evening Standard Post", "Harbour Herald", "Continental Review", "World Report", "Metro Tribune",
            "Northern Gazette", "Southern Observer", "Pacific Chronicle", "Atlantic Dispatch", "Union Journal",
            "Frontier News", "City Bulletin", "National Mirror", "Coastal Record", "Summit Press", "Valley Sentinel"};
    private static final String[] WIRES = {"Reuters", "AP", "AFP", "Bloomberg", "dpa"};
    private static final String[] VERBS = {"met", "held talks with", "spoke by phone with", "hosted", "received",
            "sat down with"};
    private static final String[] FILLER = {
            "Analysts said the outcome would shape the region's agenda for months.",
            "The talks followed weeks of preparation by officials on both sides.",
            "Neither side gave a timetable for the next steps.",
            "Critics at home questioned whether the government had won enough in return.",
            "Business groups welcomed the news but asked for details.",
            "Opposition lawmakers demanded that the terms be published in full.",
            "Diplomats described the mood as cautious but constructive.",
            "Markets barely moved on the news, traders said.",
            "The meeting had been postponed twice this year.",
            "Several questions were left for working groups to settle.",
            "Observers noted that the language of the final statement was softer than expected.",
            "Officials declined to comment on reports of disagreements behind closed doors.",
    };

    /** Words of a story's own (the facts, places and things only it reports). */
    private static final int STORY_WORDS = 40;

    private final Gazetteer gazetteer;
    private final SplittableRandom random;
    private final long seed;

    ArticleWriter(Gazetteer gazetteer, SplittableRandom random, long seed) {
        this.gazetteer = gazetteer;
        this.random = random;
        this.seed = seed;
    }

    String outlet() {
        return OUTLETS[random.nextInt(OUTLETS.length)];
    }

    static String domainOf(String outlet) {
        return outlet.toLowerCase(Locale.ROOT).replace(" ", "") + ".example";
    }

    /** A syndicated copy: the same text with a wire dateline, or the last paragraph cut and a credit line. */
    String wireCopy(String body, SplittableRandom random) {
        String wire = WIRES[random.nextInt(WIRES.length)];
        if (random.nextBoolean()) {
            return "(" + wire + ") - " + body;
        }
        int cut = body.lastIndexOf("\n\n");
        return (cut > 0 ? body.substring(0, cut) : body) + "\n\nReporting by " + FIRST[random.nextInt(FIRST.length)]
                + " " + surname(random) + "; Editing by " + FIRST[random.nextInt(FIRST.length)] + " " + surname(random);
    }

    Story story(int id) {
        List<Gazetteer.Country> countries = gazetteer.countries;
        // a known head of government or minister now and then, in a story of their own country (a president meets
        // a visitor at home or abroad; they do not turn up in other countries' talks), else officials of the story's own
        Gazetteer.Official known = random.nextInt(10) == 0 && !gazetteer.officials.isEmpty()
                ? gazetteer.officials.get(random.nextInt(gazetteer.officials.size())) : null;
        Gazetteer.Country first = known == null ? null : gazetteer.country(known.countryCode());
        if (first == null) {
            first = countries.get(random.nextInt(countries.size()));
        }
        Gazetteer.Country second = countries.get(random.nextInt(countries.size()));
        while (second.code().equals(first.code())) {
            second = countries.get(random.nextInt(countries.size()));
        }
        String[] subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        List<String> officials = new ArrayList<>();
        List<String> shortNames = new ArrayList<>();
        if (known != null) {
            officials.add(known.role() + " " + known.name());
            shortNames.add(known.name().substring(known.name().lastIndexOf(' ') + 1));
        }
        for (Gazetteer.Country country : List.of(first, second)) {
            // a minister now and then (one holder per office and country, met again in other stories), else
            // someone of many holders (an envoy, a governor, a spokesperson) whom only this story names
            boolean minister = random.nextInt(3) == 0;
            String title = minister ? TITLES[random.nextInt(TITLES.length)] : ENVOYS[random.nextInt(ENVOYS.length)];
            String holder = minister ? holder(country, title) : FIRST[random.nextInt(FIRST.length)] + " " + surname(random);
            officials.add(country.demonym() + " " + title + " " + holder);
            shortNames.add(holder.substring(holder.indexOf(' ') + 1));
        }
        String place = capitalised(surname(random)) + (random.nextBoolean() ? " Valley" : " Bay");
        String project = capitalised(surname(random)) + " " + (random.nextBoolean() ? "Accord" : "Initiative");
        // words of its own: what tells one story from another of the same subject and countries
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < STORY_WORDS; i++) {
            vocabulary.add(surname(random).toLowerCase(Locale.ROOT));
        }
        return new Story(id, first, second, subject, officials, shortNames, place, project, vocabulary);
    }

    /**
     * Who holds an office of a country: always the same person (as in the world, one foreign
     * minister at a time), whoever the story; the same for the same seed.
     */
    private String holder(Gazetteer.Country country, String title) {
        SplittableRandom office = new SplittableRandom(seed * 31 + (country.code() + "/" + title).hashCode());
        return FIRST[office.nextInt(FIRST.length)] + " " + surname(office);
    }

    private static String surname(SplittableRandom random) {
        StringBuilder name = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return capitalised(name.toString());
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** What every report of one story shares; each report words it differently. */
    record Story(int id, Gazetteer.Country first, Gazetteer.Country second, String[] subject, List<String> officials,
                 List<String> shortNames, String place, String project, List<String> vocabulary) {

        String slug() {
            return subject[0].replaceFirst("^an? ", "").replace(' ', '-') + "-" + first.code().toLowerCase(Locale.ROOT)
                    + "-" + second.code().toLowerCase(Locale.ROOT);
        }

        String headline(SplittableRandom random) {
            return switch (random.nextInt(4)) {
                case 0 -> first.name() + " and " + second.name() + " discuss " + subject[0].replaceFirst("^an? ", "")
                        + " at " + place;
                case 1 -> officials.get(0) + " says " + word(random) + " top agenda with " + second.name();
                case 2 -> second.demonym() + " officials meet " + first.demonym() + " counterparts on " + project;
                default -> capitalised(word(random)) + " in focus as " + first.name() + " talks with " + second.name()
                        + " go on";
            };
        }

        /** 3–6 KB: a lead naming who met whom, then sentences about the story and some background. */
        String body(SplittableRandom random, String day) {
            StringBuilder text = new StringBuilder();
            text.append(first.capital().toUpperCase(Locale.ROOT)).append(" - ").append(officials.get(0)).append(' ')
                    .append(VERBS[random.nextInt(VERBS.length)]).append(' ').append(officials.get(officials.size() - 1))
                    .append(" on ").append(day).append(" in ").append(first.capital()).append(", as ")
                    .append(subject[0]).append(" between ").append(first.name()).append(" and ").append(second.name())
                    .append(" entered a new phase near ").append(place).append(".");
            int target = 3_000 + random.nextInt(3_000);
            while (text.length() < target) {
                text.append("\n\n").append(paragraph(random));
            }
            return text.toString();
        }

        String paragraph(SplittableRandom random) {
            StringBuilder p = new StringBuilder();
            int sentences = 3 + random.nextInt(3);
            for (int i = 0; i < sentences; i++) {
                if (i > 0) {
                    p.append(' ');
                }
                p.append(sentence(random));
            }
            return p.toString();
        }

        /**
         * One sentence: frames of everyday news wording whose slots take the story's own words, its
         * people and places, so two stories share little beyond the language itself.
         */
        private String sentence(SplittableRandom random) {
            String who = shortNames.get(random.nextInt(shortNames.size()));
            String official = officials.get(random.nextInt(officials.size()));
            int n = 2 + random.nextInt(98);
            return switch (random.nextInt(18)) {
                case 0 -> who + " said the " + project + " would cover " + word(random) + " and " + word(random) + ".";
                case 1 -> "The " + second.demonym() + " side pressed for " + word(random) + " " + word(random)
                        + ", according to " + second.capital() + ".";
                case 2 -> official + " told reporters that " + n + " " + word(random) + " " + word(random)
                        + " had been settled.";
                case 3 -> capitalised(word(random)) + " " + word(random) + " near " + place + " could resume within "
                        + n + " days.";
                case 4 -> first.demonym() + " media said " + who + " raised " + word(random) + " and " + word(random)
                        + " " + word(random) + ".";
                case 5 -> first.capital() + " and " + second.capital() + " named " + word(random) + " " + word(random)
                        + " " + (1 + random.nextInt(5)) + " times.";
                case 6 -> capitalised(word(random)) + " " + word(random) + " in " + second.name() + " would " + word(random)
                        + " before the " + project + ".";
                case 7 -> "\"We " + word(random) + " the " + word(random) + " " + word(random) + ",\" " + who + " said.";
                case 8 -> "The " + project + " follows " + word(random) + " between " + first.name() + " and "
                        + second.name() + " over " + word(random) + " " + word(random) + ".";
                case 9 -> who + " " + word(random) + " " + place + " " + word(random) + ", aides said.";
                case 10 -> capitalised(word(random)) + " " + word(random) + " at " + place + " " + word(random) + " "
                        + word(random) + ".";
                case 11 -> "In " + first.capital() + ", " + word(random) + " " + word(random) + " rose by " + n + " "
                        + word(random) + ".";
                case 12 -> official + " and " + officials.get(0) + " " + word(random) + " " + word(random) + " "
                        + word(random) + ".";
                case 13 -> "The " + first.demonym() + " " + word(random) + " " + word(random) + " " + word(random)
                        + " " + word(random) + ".";
                case 14 -> "The " + word(random) + " near " + place + " and the " + word(random) + " of the " + word(random)
                        + " " + word(random) + ".";
                case 15 -> capitalised(word(random)) + ", " + word(random) + " and " + word(random) + " " + word(random)
                        + ", " + who + " said.";
                case 16 -> who + " " + word(random) + " " + word(random) + " " + word(random) + " " + word(random) + ".";
                default -> FILLER[random.nextInt(FILLER.length)];
            };
        }

        /** A word of the story: its own words seven times in eight, else one of its subject's. */
        private String word(SplittableRandom random) {
            return random.nextInt(8) > 0 ? vocabulary.get(random.nextInt(vocabulary.size()))
                    : subject[1 + random.nextInt(subject.length - 1)];
        }

        private static String capitalised(String word) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }
}
