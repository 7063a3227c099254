package io.newsflow.enrich.grouping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The grouping state in Kafka Streams key-value stores (RocksDB, changelogged), with typed access.
 *
 * <ul>
 *   <li>{@value #EVENTS}: event id -> {@link EventState} of every open event;</li>
 *   <li>{@value #CANDIDATE_INDEX}: term or name -> ids of open events indexed under it (the
 *       inverted index that finds candidate events without scanning them all);</li>
 *   <li>{@value #DOCUMENT_FREQUENCY}: term -> document frequency, decayed in event time, for IDF;</li>
 *   <li>{@value #ARTICLES}: article id, canonical URL, content hash and MinHash band -> the
 *       article's record, to recognise the same article again and syndicated copies;</li>
 *   <li>{@value #EXPIRY}: last activity time + event id, ordered, so closing idle events is a
 *       range scan, not a scan of all events.</li>
 * </ul>
 */
public final class GroupingStores {

    public static final String EVENTS = "grouping-events";
    public static final String CANDIDATE_INDEX = "grouping-candidate-index";
    public static final String DOCUMENT_FREQUENCY = "grouping-document-frequency";
    public static final String ARTICLES = "grouping-articles";
    public static final String EXPIRY = "grouping-event-expiry";
    private static final String[] ALL = {EVENTS, CANDIDATE_INDEX, DOCUMENT_FREQUENCY, ARTICLES, EXPIRY};

    private static final String DOCUMENT_COUNT = "\u0000documents";
    private static final char LIST_SEPARATOR = '\n';

    private final KeyValueStore<String, byte[]> events;
    private final KeyValueStore<String, byte[]> index;
    private final KeyValueStore<String, byte[]> frequencies;
    private final KeyValueStore<String, byte[]> articles;
    private final KeyValueStore<String, byte[]> expiry;
    /**
     * Recently used events, decoded: candidates recur from article to article, and decoding is the
     * main cost of scoring them. Only this task writes the store, so the copy stays exact.
     */
    private final Map<String, EventState> decoded = new LinkedHashMap<>(DECODED_EVENTS * 4 / 3, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EventState> eldest) {
            return size() > DECODED_EVENTS;
        }
    };
    private static final int DECODED_EVENTS = 2_000;
    /**
     * The candidate index lists as arrays, for every term this task read or wrote since it started:
     * each article reads dozens and updates dozens, and parsing them was a main cost. Bounded by
     * the index store (a list leaves both when it empties). Exact for the same reason as the
     * decoded events: only this task writes the index, and every write goes through here to both.
     * It starts empty whenever the processor is initialised (a new task, a task migrated here, a
     * restart), so it is filled from the store as restored; {@link #forgetDecoded()} empties it too.
     */
    private final Map<String, String[]> decodedPostings = new HashMap<>();
    private static final String[] NO_IDS = new String[0];

    GroupingStores(KeyValueStore<String, byte[]> events, KeyValueStore<String, byte[]> index,
                   KeyValueStore<String, byte[]> frequencies, KeyValueStore<String, byte[]> articles,
                   KeyValueStore<String, byte[]> expiry) {
        this.events = events;
        this.index = index;
        this.frequencies = frequencies;
        this.articles = articles;
        this.expiry = expiry;
    }

    public static String[] names() {
        return ALL.clone();
    }

    /** Where the stores keep their data; both are changelogged. */
    public enum Kind {
        /** RocksDB on disk: the service. */
        PERSISTENT,
        /**
         * Heap, not logged: offline evaluation, which starts from nothing and keeps nothing.
         * TopologyTestDriver commits after every record, and a RocksDB commit flushes a memtable
         * and writes checkpoints, which would make an evaluation run take minutes.
         */
        IN_MEMORY
    }

    /** Builders for the five stores, to add to the topology. */
    public static List<StoreBuilder<KeyValueStore<String, byte[]>>> builders(Kind kind) {
        List<StoreBuilder<KeyValueStore<String, byte[]>>> builders = new ArrayList<>();
        for (String name : ALL) {
            if (kind == Kind.PERSISTENT) {
                builders.add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                        Serdes.ByteArray()).withCachingEnabled().withLoggingEnabled(Map.of()));
            } else {
                builders.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(),
                        Serdes.ByteArray()).withCachingDisabled().withLoggingDisabled());
            }
        }
        return builders;
    }

    // --- events

    EventState event(String eventId) {
        EventState cached = decoded.get(eventId);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = events.get(eventId);
        if (bytes == null) {
            return null;
        }
        EventState event = EventState.fromBytes(bytes);
        decoded.put(eventId, event);
        return event;
    }

    /**
     * Drops the decoded events kept in memory. The grouper changes events in place before it
     * writes them; after a failure half-way, the store, not memory, is right.
     */
    void forgetDecoded() {
        decoded.clear();
        decodedPostings.clear();
    }

    void putEvent(EventState event, long previousActivity) {
        decoded.put(event.eventId, event);
        if (previousActivity >= 0) {
            expiry.delete(expiryKey(previousActivity, event.eventId));
        }
        events.put(event.eventId, event.toBytes());
        expiry.put(expiryKey(event.lastUpdatedAt, event.eventId), new byte[0]);
    }

    /** Deletes the event; storedActivity is its last activity as stored (the expiry key). */
    void deleteEvent(String eventId, long storedActivity) {
        decoded.remove(eventId);
        events.delete(eventId);
        if (storedActivity >= 0) {
            expiry.delete(expiryKey(storedActivity, eventId));
        }
    }

    /** Ids of events whose last activity is before the cutoff, oldest first. */
    List<String> idleEvents(long cutoff, int limit) {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = expiry.range(expiryKey(0, ""), expiryKey(Math.max(0, cutoff), ""))) {
            while (it.hasNext() && ids.size() < limit) {
                String key = it.next().key;
                ids.add(key.substring(key.indexOf('|') + 1));
            }
        }
        return ids;
    }

    private static String expiryKey(long time, String eventId) {
        return String.format("%015d|%s", Math.max(0, time), eventId);
    }

    // --- candidate index

    List<String> eventsIndexedUnder(String term) {
        return Arrays.asList(postings(term));
    }

    void index(String term, String eventId, int maxPostings) {
        String[] ids = postings(term);
        for (String id : ids) {
            if (id.equals(eventId)) {
                return;
            }
        }
        // A term shared by this many open events no longer tells events apart; keep the newest.
        int kept = Math.min(ids.length, maxPostings - 1);
        String[] updated = new String[kept + 1];
        System.arraycopy(ids, ids.length - kept, updated, 0, kept);
        updated[kept] = eventId;
        putPostings(term, updated);
    }

    void unindex(String term, String eventId) {
        String[] ids = postings(term);
        int at = -1;
        for (int i = 0; i < ids.length && at < 0; i++) {
            if (ids[i].equals(eventId)) {
                at = i;
            }
        }
        if (at < 0) {
            return;
        }
        String[] updated = new String[ids.length - 1];
        System.arraycopy(ids, 0, updated, 0, at);
        System.arraycopy(ids, at + 1, updated, at, ids.length - at - 1);
        putPostings(term, updated);
    }

    /** The ids indexed under the term, from memory or else from the store; never changed in place. */
    private String[] postings(String term) {
        String[] ids = decodedPostings.get(term);
        if (ids != null) {
            return ids;
        }
        byte[] bytes = index.get(term);
        if (bytes == null || bytes.length == 0) {
            return NO_IDS;
        }
        List<String> read = readList(bytes);
        ids = new String[read.size()];
        for (int i = 0; i < ids.length; i++) {
            // one String per event id, however many terms index it
            ids[i] = read.get(i).intern();
        }
        decodedPostings.put(term, ids);
        return ids;
    }

    private void putPostings(String term, String[] ids) {
        if (ids.length == 0) {
            decodedPostings.remove(term);
            index.delete(term);
        } else {
            decodedPostings.put(term, ids);
            index.put(term, writeList(ids));
        }
    }

    // --- document frequency, decayed: value halves every half-life of event time

    double documentCount(long now, double halfLifeMillis) {
        return decayed(frequencies.get(DOCUMENT_COUNT), now, halfLifeMillis);
    }

    /** Counts one more document with these terms; returns each term's document frequency now. */
    Map<String, Double> countDocument(Iterable<String> terms, long now, double halfLifeMillis) {
        increment(DOCUMENT_COUNT, now, halfLifeMillis);
        Map<String, Double> frequencies = new HashMap<>();
        for (String term : terms) {
            frequencies.put(term, increment(term, now, halfLifeMillis));
        }
        return frequencies;
    }

    private double increment(String key, long now, double halfLifeMillis) {
        byte[] bytes = frequencies.get(key);
        double value = decayed(bytes, now, halfLifeMillis) + 1.0;
        long asOf = bytes == null ? now : Math.max(now, ByteBuffer.wrap(bytes).getLong(8));
        frequencies.put(key, ByteBuffer.allocate(16).putDouble(value).putLong(asOf).array());
        return value;
    }

    private static double decayed(byte[] bytes, long now, double halfLifeMillis) {
        if (bytes == null) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        double value = b.getDouble(0);
        long asOf = b.getLong(8);
        return now <= asOf ? value : value * Math.pow(0.5, (now - asOf) / halfLifeMillis);
    }

    // --- articles

    /** What grouping remembers of an article it placed. */
    record ArticleRecord(String articleId, String eventId, String canonicalUrl, String contentHash, String copyOf,
                         int[] signature) {
    }

    ArticleRecord article(String articleId) {
        byte[] bytes = articles.get("a:" + articleId);
        return bytes == null ? null : decodeArticle(bytes);
    }

    String articleIdByUrl(String canonicalUrl) {
        return canonicalUrl == null ? null : string(articles.get("u:" + canonicalUrl));
    }

    String articleIdByHash(String contentHash) {
        return contentHash == null ? null : string(articles.get("h:" + contentHash));
    }

    List<String> articlesInBand(String band) {
        return readList(articles.get("b:" + band));
    }

    void putArticle(ArticleRecord record, String[] bands, int maxPerBand) {
        articles.put("a:" + record.articleId(), encodeArticle(record));
        if (record.canonicalUrl() != null) {
            articles.put("u:" + record.canonicalUrl(), bytes(record.articleId()));
        }
        if (record.contentHash() != null) {
            articles.put("h:" + record.contentHash(), bytes(record.articleId()));
        }
        for (String band : bands) {
            List<String> ids = new ArrayList<>(readList(articles.get("b:" + band)));
            if (!ids.contains(record.articleId())) {
                ids.add(record.articleId());
                if (ids.size() > maxPerBand) {
                    ids = ids.subList(ids.size() - maxPerBand, ids.size());
                }
                articles.put("b:" + band, writeList(ids));
            }
        }
    }

    void moveArticle(ArticleRecord record, String eventId) {
        articles.put("a:" + record.articleId(), encodeArticle(new ArticleRecord(record.articleId(), eventId,
                record.canonicalUrl(), record.contentHash(), record.copyOf(), record.signature())));
    }

    void forgetArticle(ArticleRecord record, String[] bands) {
        articles.delete("a:" + record.articleId());
        if (record.canonicalUrl() != null && record.articleId().equals(articleIdByUrl(record.canonicalUrl()))) {
            articles.delete("u:" + record.canonicalUrl());
        }
        if (record.contentHash() != null && record.articleId().equals(articleIdByHash(record.contentHash()))) {
            articles.delete("h:" + record.contentHash());
        }
        for (String band : bands) {
            List<String> ids = new ArrayList<>(readList(articles.get("b:" + band)));
            if (ids.remove(record.articleId())) {
                if (ids.isEmpty()) {
                    articles.delete("b:" + band);
                } else {
                    articles.put("b:" + band, writeList(ids));
                }
            }
        }
    }

    private static byte[] encodeArticle(ArticleRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + r.signature().length * 4);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(r.articleId());
            out.writeUTF(r.eventId());
            out.writeUTF(r.canonicalUrl() == null ? "" : r.canonicalUrl());
            out.writeUTF(r.contentHash() == null ? "" : r.contentHash());
            out.writeUTF(r.copyOf() == null ? "" : r.copyOf());
            out.writeInt(r.signature().length);
            for (int v : r.signature()) {
                out.writeInt(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ArticleRecord decodeArticle(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            String id = in.readUTF();
            String eventId = in.readUTF();
            String url = emptyToNull(in.readUTF());
            String hash = emptyToNull(in.readUTF());
            String copyOf = emptyToNull(in.readUTF());
            int[] signature = new int[in.readInt()];
            for (int i = 0; i < signature.length; i++) {
                signature[i] = in.readInt();
            }
            return new ArticleRecord(id, eventId, url, hash, copyOf, signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> readList(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return List.of();
        }
        return Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split(String.valueOf(LIST_SEPARATOR)));
    }

    private static byte[] writeList(List<String> ids) {
        return String.join(String.valueOf(LIST_SEPARATOR), ids).getBytes(StandardCharsets.UTF_8);
    }

    /** Same bytes as {@link #writeList(List)}, copied straight when the ids are ASCII (event ids are). */
    private static byte[] writeList(String[] ids) {
        int length = ids.length - 1;
        for (String id : ids) {
            length += id.length();
            for (int i = 0; i < id.length(); i++) {
                if (id.charAt(i) >= 0x80) {
                    return writeList(Arrays.asList(ids));
                }
            }
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (String id : ids) {
            if (at > 0) {
                bytes[at++] = (byte) LIST_SEPARATOR;
            }
            for (int i = 0; i < id.length(); i++) {
                bytes[at++] = (byte) id.charAt(i);
            }
        }
        return bytes;
    }

    static void requireNoSeparator(String id) {
        if (id.indexOf(LIST_SEPARATOR) >= 0) {
            throw new IllegalArgumentException("id contains a line break: " + id);
        }
    }

}
