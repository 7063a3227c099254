package io.newsflow.enrich.grouping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An open event as the grouping store keeps it: its members with their evidence, and the
 * aggregates that new articles are compared with (term centroid, names, days, tags).
 * Stored in a compact binary form (this class's {@link #toBytes()}): the store is read for every
 * candidate of every article, so the encoding is on the hot path.
 */
public final class EventState {

    private static final int FORMAT = 1;

    final String eventId;
    long version;
    long firstSeenAt;
    long lastUpdatedAt;
    String title;
    String summary;
    final List<Member> members;
    /** Sum of the members' unit TF-IDF vectors, pruned to the strongest terms. */
    final Map<String, Double> centroid;
    /** Names and how many members use each. */
    final Map<String, Integer> names;
    /** Reported or written days (epoch day) and how many members give each. */
    final Map<Long, Integer> days;
    final Map<String, CountryCount> countries;
    final Map<String, OfficialCount> officials;
    /** The terms under which the event is in the candidate index. */
    final Set<String> indexedTerms;
    final List<String> absorbedEventIds;

    EventState(String eventId) {
        this.eventId = eventId;
        this.members = new ArrayList<>();
        this.centroid = new HashMap<>();
        this.names = new HashMap<>();
        this.days = new HashMap<>();
        this.countries = new LinkedHashMap<>();
        this.officials = new LinkedHashMap<>();
        this.indexedTerms = new LinkedHashSet<>();
        this.absorbedEventIds = new ArrayList<>();
    }

    /** One member article and the evidence it joined on. */
    record Member(String articleId, String source, String url, String title, Long publishedAt, long eventTime,
                  double score, List<String> sharedOfficials, List<String> sharedCountries, Double timeGapHours,
                  String copyOf) {
    }

    record CountryCount(String code, String name, int mentions, boolean inTitleOrLead) {
    }

    record OfficialCount(String name, String key, String role, String roleAsWritten, String country, int mentions) {
    }

    /** The most given day, if any member gave one. */
    Long day() {
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

    int independentSources() {
        int n = 0;
        for (Member m : members) {
            if (m.copyOf() == null) {
                n++;
            }
        }
        return n;
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(eventId);
            out.writeLong(version);
            out.writeLong(firstSeenAt);
            out.writeLong(lastUpdatedAt);
            writeString(out, title);
            writeString(out, summary);
            out.writeInt(members.size());
            for (Member m : members) {
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
            out.writeInt(centroid.size());
            for (Map.Entry<String, Double> e : centroid.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeFloat(e.getValue().floatValue());
            }
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
            out.writeInt(countries.size());
            for (CountryCount c : countries.values()) {
                out.writeUTF(c.code());
                writeString(out, c.name());
                out.writeInt(c.mentions());
                out.writeBoolean(c.inTitleOrLead());
            }
            out.writeInt(officials.size());
            for (OfficialCount o : officials.values()) {
                writeString(out, o.name());
                out.writeUTF(o.key());
                writeNullable(out, o.role());
                writeNullable(out, o.roleAsWritten());
                writeNullable(out, o.country());
                out.writeInt(o.mentions());
            }
            writeList(out, new ArrayList<>(indexedTerms));
            writeList(out, absorbedEventIds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static EventState fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("unknown event state format " + format);
            }
            EventState s = new EventState(in.readUTF());
            s.version = in.readLong();
            s.firstSeenAt = in.readLong();
            s.lastUpdatedAt = in.readLong();
            s.title = readString(in);
            s.summary = readString(in);
            int members = in.readInt();
            for (int i = 0; i < members; i++) {
                String articleId = in.readUTF();
                String source = readString(in);
                String url = readNullable(in);
                String title = readString(in);
                Long publishedAt = in.readBoolean() ? in.readLong() : null;
                long eventTime = in.readLong();
                double score = in.readDouble();
                List<String> sharedOfficials = readList(in);
                List<String> sharedCountries = readList(in);
                Double gap = in.readBoolean() ? in.readDouble() : null;
                String copyOf = readNullable(in);
                s.members.add(new Member(articleId, source, url, title, publishedAt, eventTime, score,
                        sharedOfficials, sharedCountries, gap, copyOf));
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                s.centroid.put(in.readUTF(), (double) in.readFloat());
            }
            n = in.readInt();
            for (int i = 0; i < n; i++) {
                s.names.put(in.readUTF(), in.readInt());
            }
            n = in.readInt();
            for (int i = 0; i < n; i++) {
                s.days.put(in.readLong(), in.readInt());
            }
            n = in.readInt();
            for (int i = 0; i < n; i++) {
                CountryCount c = new CountryCount(in.readUTF(), readString(in), in.readInt(), in.readBoolean());
                s.countries.put(c.code(), c);
            }
            n = in.readInt();
            for (int i = 0; i < n; i++) {
                OfficialCount o = new OfficialCount(readString(in), in.readUTF(), readNullable(in), readNullable(in),
                        readNullable(in), in.readInt());
                s.officials.put(o.key(), o);
            }
            s.indexedTerms.addAll(readList(in));
            s.absorbedEventIds.addAll(readList(in));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** writeUTF is limited to 64 KB; titles and summaries are cut well below that anyway. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        String value = s == null ? "" : s;
        out.writeUTF(value.length() > 8000 ? value.substring(0, 8000) : value);
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readUTF();
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeString(out, s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeList(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeString(out, s);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readUTF());
        }
        return list;
    }
}
