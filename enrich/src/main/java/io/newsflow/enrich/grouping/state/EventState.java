package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.vectors.TermVector;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An open event as the grouping store keeps it: its members with their evidence, and the
 * aggregates that new articles are compared with (term centroid, names, days, tags).
 * Stored in a compact binary form ({@link #store}: a head and pages of members): the store is read for every
 * candidate of every article, so the encoding is on the hot path.
 */
public final class EventState {

    /**
     * The version byte of a head (docs/enrich.md, "Internal state formats"). Format 4 is the one this build
     * writes and reads: formats 1 to 3 were never released, so no store holds them.
     */
    static final int FORMAT = 4;
    /**
     * Members per page. An event is stored as its head (aggregates, recent members' features) under its id and
     * its members in pages under {@code <id>#<page>}: a new report rewrites the head and the last page only, so
     * what a report costs the store and its changelog does not grow with the story.
     */
    static final int PAGE = 64;
    private static final char PAGE_SEPARATOR = '#';

    public final String eventId;
    public long version;
    public long firstSeenAt;
    public long lastUpdatedAt;
    public String title;
    public String summary;
    public final List<Member> members;
    /** Sum of the members' unit TF-IDF vectors, pruned to the strongest terms. */
    public TermVector centroid = TermVector.EMPTY;
    /** Names and how many members use each. */
    public final Map<String, Integer> names;
    /** Reported or written days (epoch day) and how many members give each. */
    final Map<Long, Integer> days;
    public final Map<String, CountryCount> countries;
    public final Map<String, OfficialCount> officials;
    /** The terms under which the event is in the candidate index, ascending. */
    public long[] indexedTerms = new long[0];
    public final List<String> absorbedEventIds;
    /** The recent members' features, by article id: what {@link #rebuild} re-forms the aggregates from. */
    public final Map<String, MemberFeatures> features;
    /** What older members, whose features were let go, add to the aggregates. */
    public final MemberSums retired;
    /**
     * Not stored: how the membership changed since the event was last published, for its snapshot's
     * delta and the event-articles records: members that joined or whose entry changed, and how many
     * joined and left.
     */
    public final Set<String> changedMembers = new LinkedHashSet<>();
    public int joinedCount;
    public int leftCount;
    /** Not stored: the members as the stored pages hold them (the same objects), to rewrite only pages that changed. */
    private final List<Member> storedMembers = new ArrayList<>();
    /** Read from a head: how many members its pages hold (they are read by {@link #load}, not by fromBytes). */
    private int pagedMembers;

    public EventState(String eventId) {
        this.eventId = eventId;
        this.members = new ArrayList<>();
        this.names = new HashMap<>();
        this.days = new HashMap<>();
        this.countries = new LinkedHashMap<>();
        this.officials = new LinkedHashMap<>();
        this.absorbedEventIds = new ArrayList<>();
        this.features = new HashMap<>();
        this.retired = new MemberSums();
    }

    /** Records that members joined (their ids), for the next snapshot. */
    public void joined(Collection<String> articleIds) {
        changedMembers.addAll(articleIds);
        joinedCount += articleIds.size();
    }

    /** Records that a member's entry changed (its headline, URL, date or the article it copies). */
    public void entryChanged(String articleId) {
        changedMembers.add(articleId);
    }

    /** Forgets the membership changes, once published. */
    public void membershipPublished() {
        changedMembers.clear();
        joinedCount = 0;
        leftCount = 0;
    }

    /**
     * Re-forms the aggregates (centroid, names, days, countries, officials) from the retired
     * members' sums and the members' features, after members joined or left.
     */
    public void rebuild(int centroidTerms) {
        MemberSums all = new MemberSums();
        all.add(retired);
        for (Member m : members) {
            MemberFeatures f = features.get(m.articleId());
            if (f != null) {
                all.add(f);
            }
        }
        names.clear();
        names.putAll(all.names);
        days.clear();
        days.putAll(all.days);
        countries.clear();
        countries.putAll(all.countries);
        officials.clear();
        officials.putAll(all.officials);
        // pruned once a quarter over, not on every change
        centroid = all.centroid.size() > centroidTerms * 5 / 4 ? all.centroid.largest(centroidTerms) : all.centroid;
        TopK.keepLargest(names, centroidTerms);
    }

    /** Lets go of the features of all but the {@code keep} most recent members that have them; their sums stay. */
    public void retireOldest(int keep) {
        int over = features.size() - keep;
        for (int i = 0; i < members.size() && over > 0; i++) {
            MemberFeatures f = features.remove(members.get(i).articleId());
            if (f != null) {
                retired.add(f);
                over--;
            }
        }
    }

    /** This article's entry among the members, or null when it is none of them. */
    public Member member(String articleId) {
        for (Member m : members) {
            if (m.articleId().equals(articleId)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The most recent members that still have their features (independent reports: copies have
     * none), at most {@code limit}, oldest first.
     */
    public List<Member> recentWithFeatures(int limit) {
        List<Member> recent = new ArrayList<>();
        for (int i = members.size() - 1; i >= 0 && recent.size() < limit; i--) {
            if (features.containsKey(members.get(i).articleId())) {
                recent.add(members.get(i));
            }
        }
        Collections.reverse(recent);
        return recent;
    }

    static CountryCount sum(CountryCount a, CountryCount b) {
        return new CountryCount(a.code(), a.name(), a.mentions() + b.mentions(), a.inTitleOrLead() || b.inTitleOrLead());
    }

    static OfficialCount sum(OfficialCount a, OfficialCount b) {
        return new OfficialCount(a.name(), a.key(), a.role() != null ? a.role() : b.role(),
                a.roleAsWritten() != null ? a.roleAsWritten() : b.roleAsWritten(),
                a.country() != null ? a.country() : b.country(), a.mentions() + b.mentions());
    }

    /** One member article and the evidence it joined on. */
    public record Member(String articleId, String source, String url, String title, Long publishedAt, long eventTime,
                  double score, List<String> sharedOfficials, List<String> sharedCountries, Double timeGapHours,
                  String copyOf) {
    }

    public record CountryCount(String code, String name, int mentions, boolean inTitleOrLead) {
    }

    public record OfficialCount(String name, String key, String role, String roleAsWritten, String country, int mentions) {
    }

    /** The most given day, if any member gave one. */
    public Long day() {
        Long best = null;
        int votes = 0;
        for (Map.Entry<Long, Integer> e : days.entrySet()) {
            if (e.getValue() > votes || (e.getValue() == votes && e.getKey() < best)) {
                best = e.getKey();
                votes = e.getValue();
            }
        }
        return best;
    }

    public int independentSources() {
        int n = 0;
        for (Member m : members) {
            if (m.copyOf() == null) {
                n++;
            }
        }
        return n;
    }

    /** Where an event's records are kept: the events store (through the write plan); a null value deletes. */
    interface Records {
        byte[] get(String key);

        void put(String key, byte[] value);
    }

    /** Whether a key of the events store is a page of an event's members, not an event's head. */
    static boolean isPageKey(String key) {
        return key.indexOf(PAGE_SEPARATOR) >= 0;
    }

    private static String pageKey(String eventId, int page) {
        return eventId + PAGE_SEPARATOR + page;
    }

    private static int pages(int members) {
        return (members + PAGE - 1) / PAGE;
    }

    /**
     * Writes the event: the pages whose members changed since they were last written or read (members mostly
     * join at the end: the last page), pages it no longer fills are deleted, then its head.
     */
    void store(Records records) {
        int pages = pages(members.size());
        for (int page = 0; page < pages; page++) {
            if (!pageStored(page)) {
                records.put(pageKey(eventId, page), pageBytes(page));
            }
        }
        for (int page = pages; page < pages(storedMembers.size()); page++) {
            records.put(pageKey(eventId, page), null);
        }
        storedMembers.clear();
        storedMembers.addAll(members);
        records.put(eventId, headBytes());
    }

    /** Deletes the event's head and its pages, as stored. */
    void delete(Records records) {
        for (int page = 0; page < pages(storedMembers.size()); page++) {
            records.put(pageKey(eventId, page), null);
        }
        records.put(eventId, null);
    }

    /** The stored event with this id (its head and pages), or null. */
    static EventState load(String eventId, Records records) {
        byte[] head = records.get(eventId);
        if (head == null) {
            return null;
        }
        EventState event = fromBytes(head);
        for (int page = 0; page < pages(event.pagedMembers); page++) {
            byte[] bytes = records.get(pageKey(eventId, page));
            if (bytes == null) {
                throw new IllegalStateException("page " + page + " of event " + eventId + " is missing");
            }
            event.members.addAll(readPage(bytes));
        }
        event.storedMembers.addAll(event.members);
        return event;
    }

    /** Whether the stored page holds the members the page holds now (the same objects, as many). */
    private boolean pageStored(int page) {
        int from = page * PAGE;
        int end = Math.min(members.size(), from + PAGE);
        if (end != Math.min(storedMembers.size(), from + PAGE)) {
            return false;
        }
        for (int i = from; i < end; i++) {
            if (members.get(i) != storedMembers.get(i)) {
                return false;
            }
        }
        return true;
    }

    private byte[] pageBytes(int page) {
        Buffer bytes = new Buffer(PAGE * 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            int end = Math.min(members.size(), (page + 1) * PAGE);
            out.writeInt(end - page * PAGE);
            for (int i = page * PAGE; i < end; i++) {
                writeMember(out, members.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<Member> readPage(byte[] bytes) {
        try {
            ByteReader in = new ByteReader(bytes);
            int n = in.readInt();
            List<Member> page = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                page.add(readMember(in));
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The head: the event without its members, which are in pages ({@link #store}). */
    byte[] headBytes() {
        Buffer bytes = new Buffer(16384);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(eventId);
            out.writeLong(version);
            out.writeLong(firstSeenAt);
            out.writeLong(lastUpdatedAt);
            writeString(out, title);
            writeString(out, summary);
            out.writeInt(members.size());
            writeWeights(out, centroid);
            writeCounts(out, names, days, countries.values(), officials.values());
            out.writeInt(indexedTerms.length);
            for (long term : indexedTerms) {
                out.writeLong(term);
            }
            writeList(out, absorbedEventIds);
            out.writeInt(features.size());
            // by article id, not member order: a big event's members are not looked up one by one for a few features
            for (String articleId : new java.util.TreeSet<>(features.keySet())) {
                out.writeUTF(articleId);
                writeFeatures(out, features.get(articleId));
            }
            writeWeights(out, retired.centroid);
            writeCounts(out, retired.names, retired.days, retired.countries.values(), retired.officials.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeMember(DataOutputStream out, Member m) throws IOException {
        out.writeUTF(m.articleId());
        writeString(out, m.source());
        writeNullable(out, m.url());
        writeString(out, m.title());
        out.writeBoolean(m.publishedAt() != null);
        if (m.publishedAt() != null) {
            out.writeLong(m.publishedAt());
        }
        out.writeLong(m.eventTime());
        out.writeDouble(m.score());
        writeList(out, m.sharedOfficials());
        writeList(out, m.sharedCountries());
        out.writeBoolean(m.timeGapHours() != null);
        if (m.timeGapHours() != null) {
            out.writeDouble(m.timeGapHours());
        }
        writeNullable(out, m.copyOf());
    }

    static EventState fromBytes(byte[] data) {
        try {
            ByteReader in = new ByteReader(data);
            int format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("event state format " + format + " is not one this build reads ("
                        + FORMAT + "); reset the enrich application's state (docs/enrich.md, \"Internal state formats\")");
            }
            EventState s = new EventState(in.readUTF());
            s.version = in.readLong();
            s.firstSeenAt = in.readLong();
            s.lastUpdatedAt = in.readLong();
            s.title = in.readUTF();
            s.summary = in.readUTF();
            s.pagedMembers = in.readInt(); // in pages of their own: see load
            s.centroid = readWeights(in);
            readCounts(in, s.names, s.days, s.countries, s.officials);
            s.indexedTerms = new long[in.readInt()];
            for (int i = 0; i < s.indexedTerms.length; i++) {
                s.indexedTerms[i] = in.readLong();
            }
            s.absorbedEventIds.addAll(readList(in));
            readMemberFeatures(in, s);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Member readMember(ByteReader in) throws IOException {
        String articleId = in.readUTF();
        String source = in.readUTF();
        String url = readNullable(in);
        String memberTitle = in.readUTF();
        Long publishedAt = in.readBoolean() ? in.readLong() : null;
        long eventTime = in.readLong();
        double score = in.readDouble();
        List<String> sharedOfficials = readList(in);
        List<String> sharedCountries = readList(in);
        Double gap = in.readBoolean() ? in.readDouble() : null;
        String copyOf = readNullable(in);
        return new Member(articleId, source, url, memberTitle, publishedAt, eventTime, score,
                sharedOfficials, sharedCountries, gap, copyOf);
    }

    /** Each member's features, then the retired members' sums (formats 2 and 3). */
    private static void readMemberFeatures(ByteReader in, EventState s) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            s.features.put(in.readUTF(), readFeatures(in));
        }
        s.retired.centroid = readWeights(in);
        readCounts(in, s.retired.names, s.retired.days, s.retired.countries, s.retired.officials);
    }

    private static void writeFeatures(DataOutputStream out, MemberFeatures f) throws IOException {
        writeWeights(out, f.vector());
        writeList(out, f.names());
        out.writeBoolean(f.day() != null);
        if (f.day() != null) {
            out.writeLong(f.day());
        }
        writeCountries(out, f.countries());
        writeOfficials(out, f.officials());
        writeString(out, f.lead());
    }

    /**
     * Term weights (a centroid, a member's vector): their number, the terms in the vector's
     * ascending order, then the weights as floats, each block in one piece so that reading it
     * back is a bulk copy.
     */
    private static void writeWeights(DataOutputStream out, TermVector weights) throws IOException {
        out.writeInt(weights.size());
        for (int i = 0; i < weights.size(); i++) {
            out.writeLong(weights.term(i));
        }
        for (int i = 0; i < weights.size(); i++) {
            out.writeFloat((float) weights.weight(i));
        }
    }

    /** Reads what {@link #writeWeights} wrote. */
    private static TermVector readWeights(ByteReader in) throws IOException {
        int n = in.readInt();
        long[] terms = new long[n];
        double[] weights = new double[n];
        in.readLongs(terms);
        in.readFloats(weights);
        return TermVector.ofSorted(terms, weights);
    }

    /** The counted aggregates of an event or of its retired members: names, days, countries, officials. */
    private static void writeCounts(DataOutputStream out, Map<String, Integer> names, Map<Long, Integer> days,
                                    Collection<CountryCount> countries, Collection<OfficialCount> officials) throws IOException {
        out.writeInt(names.size());
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
        out.writeInt(days.size());
        for (Map.Entry<Long, Integer> e : days.entrySet()) {
            out.writeLong(e.getKey());
            out.writeInt(e.getValue());
        }
        writeCountries(out, countries);
        writeOfficials(out, officials);
    }

    private static void readCounts(ByteReader in, Map<String, Integer> names, Map<Long, Integer> days,
                                   Map<String, CountryCount> countries, Map<String, OfficialCount> officials) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            names.put(in.readUTF(), in.readInt());
        }
        n = in.readInt();
        for (int i = 0; i < n; i++) {
            days.put(in.readLong(), in.readInt());
        }
        n = in.readInt();
        for (int i = 0; i < n; i++) {
            CountryCount c = readCountry(in);
            countries.put(c.code(), c);
        }
        n = in.readInt();
        for (int i = 0; i < n; i++) {
            OfficialCount o = readOfficial(in);
            officials.put(o.key(), o);
        }
    }

        private static void writeCountries(DataOutputStream out, Collection<CountryCount> countries) throws IOException {
        out.writeInt(countries.size());
        for (CountryCount c : countries) {
            out.writeUTF(c.code());
            writeString(out, c.name());
            out.writeInt(c.mentions());
            out.writeBoolean(c.inTitleOrLead());
        }
    }

    private static void writeOfficials(DataOutputStream out, Collection<OfficialCount> officials) throws IOException {
        out.writeInt(officials.size());
        for (OfficialCount o : officials) {
            writeString(out, o.name());
            out.writeUTF(o.key());
            writeNullable(out, o.role());
            writeNullable(out, o.roleAsWritten());
            writeNullable(out, o.country());
            out.writeInt(o.mentions());
        }
    }

    private static CountryCount readCountry(ByteReader in) throws IOException {
        return new CountryCount(in.readUTF(), in.readUTF(), in.readInt(), in.readBoolean());
    }

    private static OfficialCount readOfficial(ByteReader in) throws IOException {
        return new OfficialCount(in.readUTF(), in.readUTF(), readNullable(in), readNullable(in), readNullable(in), in.readInt());
    }

    private static MemberFeatures readFeatures(ByteReader in) throws IOException {
        TermVector vector = readWeights(in);
        List<String> names = readList(in);
        Long day = in.readBoolean() ? in.readLong() : null;
        int n = in.readInt();
        List<CountryCount> countries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            countries.add(readCountry(in));
        }
        n = in.readInt();
        List<OfficialCount> officials = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            officials.add(readOfficial(in));
        }
        return new MemberFeatures(vector, names, day, countries, officials, in.readUTF());
    }

    /** writeUTF is limited to 64 KB; titles and summaries are cut well below that anyway. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        String value = s == null ? "" : s;
        out.writeUTF(value.length() > 8000 ? value.substring(0, 8000) : value);
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeString(out, s);
        }
    }

    private static String readNullable(ByteReader in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeList(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeString(out, s);
        }
    }

    private static List<String> readList(ByteReader in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readUTF());
        }
        return list;
    }

    /**
     * Where {@link #headBytes()} and the pages are written: a ByteArrayOutputStream without its lock. DataOutputStream
     * writes an int or a float as four one-byte writes, and a state holds thousands of them.
     */
    private static final class Buffer extends OutputStream {

        private byte[] data;
        private int size;

        Buffer(int capacity) {
            data = new byte[capacity];
        }

        @Override
        public void write(int b) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (size + len > data.length) {
                data = Arrays.copyOf(data, Math.max(size * 2, size + len));
            }
            System.arraycopy(b, off, data, size, len);
            size += len;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
