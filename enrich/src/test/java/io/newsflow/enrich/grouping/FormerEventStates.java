package io.newsflow.enrich.grouping;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes event states as earlier releases stored them, with words as terms: format 1 (no
 * members' features) and format 2 (members' features, retired members' sums). Only what the tests
 * use: members without shared lists or copies, no officials; the words the event is indexed
 * under are taken from {@link EventState#formerIndexKeys}.
 */
final class FormerEventStates {

    private FormerEventStates() {
    }

    static byte[] write(int format, EventState s, Map<String, Double> centroid, Map<String, Map<String, Double>> features) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(format);
            out.writeUTF(s.eventId);
            out.writeLong(s.version);
            out.writeLong(s.firstSeenAt);
            out.writeLong(s.lastUpdatedAt);
            out.writeUTF(s.title == null ? "" : s.title);
            out.writeUTF(s.summary == null ? "" : s.summary);
            out.writeInt(s.members.size());
            for (EventState.Member m : s.members) {
                out.writeUTF(m.articleId());
                out.writeUTF(m.source());
                out.writeBoolean(false);
                out.writeUTF(m.title());
                out.writeBoolean(false);
                out.writeLong(m.eventTime());
                out.writeDouble(m.score());
                out.writeInt(0);
                out.writeInt(0);
                out.writeBoolean(m.timeGapHours() != null);
                if (m.timeGapHours() != null) {
                    out.writeDouble(m.timeGapHours());
                }
                out.writeBoolean(false);
            }
            writeWords(out, centroid);
            writeCounts(out, s);
            writeList(out, s.formerIndexKeys);
            writeList(out, s.absorbedEventIds);
            if (format >= 2) {
                out.writeInt(features.size());
                for (EventState.Member m : s.members) {
                    Map<String, Double> vector = features.get(m.articleId());
                    if (vector != null) {
                        out.writeUTF(m.articleId());
                        writeWords(out, vector);
                        out.writeInt(0);
                        out.writeBoolean(false);
                        out.writeInt(0);
                        out.writeInt(0);
                        out.writeUTF("");
                    }
                }
                writeWords(out, Map.of());
                writeCounts(out, new EventState("none"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeWords(DataOutputStream out, Map<String, Double> weights) throws IOException {
        out.writeInt(weights.size());
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeFloat(e.getValue().floatValue());
        }
    }

    private static void writeCounts(DataOutputStream out, EventState s) throws IOException {
        out.writeInt(s.names.size());
        for (Map.Entry<String, Integer> e : s.names.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
        out.writeInt(s.days.size());
        for (Map.Entry<Long, Integer> e : s.days.entrySet()) {
            out.writeLong(e.getKey());
            out.writeInt(e.getValue());
        }
        out.writeInt(s.countries.size());
        for (EventState.CountryCount c : s.countries.values()) {
            out.writeUTF(c.code());
            out.writeUTF(c.name());
            out.writeInt(c.mentions());
            out.writeBoolean(c.inTitleOrLead());
        }
        out.writeInt(0);
    }

    private static void writeList(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String v : list) {
            out.writeUTF(v);
        }
    }
}
