package io.newsflow.enrich.grouping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 *   <li>{@value #CANDIDATE_INDEX}: term or name ({@link TermVector#indexKey}) -> ids of open
 *       events indexed under it (the inverted index that finds candidate events without
 *       scanning them all);</li>
 *   <li>{@value #DOCUMENT_FREQUENCY}: document frequencies, decayed in event time, for IDF, as a
 *       snapshot and a log of the articles since ({@link DocumentFrequencies});</li>
 *   <li>{@value #ARTICLES}: article id, canonical URL and content hash -> the article's record
 *       (with its MinHash signature), to recognise the same article again and syndicated copies
 *       (the lists by MinHash band are rebuilt from the records, in memory: {@link BandLists});</li>
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

    /** In the index store: present once every event is indexed by terms, not words (see {@link EventGrouper#reindexFormerEvents}). */
    private static final String INDEX_BY_TERMS = "\u0000indexed-by-terms";
    private static final char LIST_SEPARATOR = '\n';

    private final KeyValueStore<String, byte[]> events;
    private final KeyValueStore<String, byte[]> index;
    private final DocumentFrequencies frequencies;
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
     * The candidate index lists, decoded, for every term this task read or wrote since it started:
     * each article reads dozens and updates dozens, and parsing them and hashing event ids was a
     * main cost. Event ids are numbered in memory (ordinals), so a list is an int array and votes
     * are counted in an array. Bounded by the index store (a list leaves both when it empties).
     * Exact for the same reason as the decoded events: only this task writes the index, and every
     * write goes through here to both. It starts empty whenever the processor is initialised (a new
     * task, a task migrated here, a restart), so it is filled from the store as restored;
     * {@link #forgetDecoded()} empties it too.
     */
    private final TermTable<Postings> decodedPostings = new TermTable<>();
    private final Map<String, Integer> ordinals = new HashMap<>();
    private String lastEventId;
    private int lastOrdinal;
    private final List<String> eventIds = new ArrayList<>();
    private static final int MAX_ORDINALS = 1_000_000;
    private static final Postings NO_POSTINGS = new Postings(new int[0], new byte[0]);
    /**
     * Scratch for counting votes, reused from call to call: an open-addressing table from ordinal
     * + 1 (0 is an empty slot) to the sum of its votes, and the slots in the order first voted. A
     * table sized to the votes of one call stays in the processor's cache; arrays indexed by every
     * ordinal since the start did not, and a miss per vote made counting a main cost.
     */
    private int[] voteKeys = new int[1024];
    private double[] voteSums = new double[1024];
    private int voteShift = 32 - 10;
    private int[] votedSlots = new int[512];
    /** Articles by MinHash band, derived from the article records (null until first needed). */
    private BandLists bandLists;
    /** The number of the last article placed (see {@link ArticleRecord#placed}). */
    private long lastPlaced;
    /** The bands of the grouper's signatures ({@link TextFeatures} uses the standard MinHash too). */
    private final MinHash minHash = MinHash.standard();

    GroupingStores(KeyValueStore<String, byte[]> events, KeyValueStore<String, byte[]> index,
                   KeyValueStore<String, byte[]> frequencies, KeyValueStore<String, byte[]> articles,
                   KeyValueStore<String, byte[]> expiry) {
        this.events = events;
        this.index = index;
        this.frequencies = new DocumentFrequencies(frequencies);
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
     * Drops what is kept in memory in front of the stores (decoded events, index lists). The
     * grouper changes events in place before it writes them; after a failure half-way, the store,
     * not memory, is right. Document frequencies and band lists change in memory only right after
     * their store write, never half-way, so they stay (reloading them takes a scan of the store).
     */
    void forgetDecoded() {
        decoded.clear();
        forgetPostings();
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

    /** Ids of all open events. */
    List<String> allEventIds() {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = events.all()) {
            it.forEachRemaining(entry -> ids.add(entry.key));
        }
        return ids;
    }

    boolean indexedByTerms() {
        return index.get(INDEX_BY_TERMS) != null;
    }

    void markIndexedByTerms() {
        index.put(INDEX_BY_TERMS, new byte[0]);
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

    /** The time zero-padded to 15 digits (ordered as text like numbers), then the event id. */
    static String expiryKey(long time, String eventId) {
        String digits = Long.toString(Math.max(0, time));
        StringBuilder key = new StringBuilder(16 + eventId.length());
        for (int pad = digits.length(); pad < 15; pad++) {
            key.append('0');
        }
        return key.append(digits).append('|').append(eventId).toString();
    }

    // --- candidate index

    /**
     * The events indexed under these terms that gather the largest sums of the terms' weights,
     * largest first, equal sums by event id; at most limit. Sums add the weights in the order of
     * the terms and of each term's list, as a map of votes filled term by term would.
     */
    List<String> mostVoted(long[] terms, double[] weights, int limit) {
        forgetOrdinalsIfMany();
        Postings[] lists = new Postings[terms.length];
        for (int t = 0; t < lists.length; t++) {
            lists[t] = postings(terms[t]);
        }
        int postings = 0;
        for (Postings list : lists) {
            postings += list.events().length;
        }
        if (voteKeys.length < 2 * postings) {
            int bits = 32 - Integer.numberOfLeadingZeros(2 * postings - 1);
            voteKeys = new int[1 << bits];
            voteSums = new double[1 << bits];
            voteShift = 32 - bits;
        }
        if (votedSlots.length < postings) {
            votedSlots = new int[postings];
        }
        int mask = voteKeys.length - 1;
        int count = 0;
        for (int t = 0; t < lists.length; t++) {
            double weight = weights[t];
            for (int event : lists[t].events()) {
                int key = event + 1;
                int at = (key * 0x9E3779B9) >>> voteShift;
                while (voteKeys[at] != 0 && voteKeys[at] != key) {
                    at = (at + 1) & mask;
                }
                if (voteKeys[at] == 0) {
                    voteKeys[at] = key;
                    voteSums[at] = weight;
                    votedSlots[count++] = at;
                } else {
                    voteSums[at] += weight;
                }
            }
        }
        // the best `limit`, kept sorted: an insertion into a short array (of slots)
        int[] best = new int[Math.max(0, Math.min(limit, count))];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int slot = votedSlots[i];
            if (kept == best.length && (kept == 0 || !ranksBefore(slot, best[kept - 1]))) {
                continue;
            }
            int at = kept == best.length ? kept - 1 : kept++;
            while (at > 0 && ranksBefore(slot, best[at - 1])) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = slot;
        }
        List<String> ids = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            ids.add(eventIds.get(voteKeys[best[i]] - 1));
        }
        for (int i = 0; i < count; i++) {
            voteKeys[votedSlots[i]] = 0;
        }
        return ids;
    }

    /** More votes first, then the smaller event id: the order of votes sorted by value, then key. */
    private boolean ranksBefore(int slotA, int slotB) {
        int byVotes = Double.compare(voteSums[slotB], voteSums[slotA]);
        return byVotes != 0 ? byVotes < 0
                : eventIds.get(voteKeys[slotA] - 1).compareTo(eventIds.get(voteKeys[slotB] - 1)) < 0;
    }

    void index(long term, String eventId, int maxPostings) {
        forgetOrdinalsIfMany();
        Postings list = postings(term);
        int event = ordinal(eventId);
        for (int e : list.events()) {
            if (e == event) {
                return;
            }
        }
        // A term shared by this many open events no longer tells events apart; keep the newest.
        int kept = Math.min(list.events().length, maxPostings - 1);
        int dropped = list.events().length - kept;
        int[] events = new int[kept + 1];
        System.arraycopy(list.events(), dropped, events, 0, kept);
        events[kept] = event;
        byte[] id = bytes(eventId);
        int from = kept == 0 ? list.stored().length : entryStart(list.stored(), dropped);
        int keptBytes = list.stored().length - from;
        byte[] stored = new byte[keptBytes + (kept == 0 ? 0 : 1) + id.length];
        System.arraycopy(list.stored(), from, stored, 0, keptBytes);
        if (kept > 0) {
            stored[keptBytes] = (byte) LIST_SEPARATOR;
        }
        System.arraycopy(id, 0, stored, stored.length - id.length, id.length);
        putPostings(term, new Postings(events, stored));
    }

    void unindex(long term, String eventId) {
        forgetOrdinalsIfMany();
        Postings list = postings(term);
        int event = knownOrdinal(eventId);
        int at = -1;
        for (int i = 0; event >= 0 && i < list.events().length && at < 0; i++) {
            if (list.events()[i] == event) {
                at = i;
            }
        }
        if (at < 0) {
            return;
        }
        int n = list.events().length;
        int[] events = new int[n - 1];
        System.arraycopy(list.events(), 0, events, 0, at);
        System.arraycopy(list.events(), at + 1, events, at, n - at - 1);
        byte[] old = list.stored();
        // cut the entry and one separator next to it
        int start = entryStart(old, at);
        int end = at + 1 < n ? entryEnd(old, start) + 1 : old.length;
        if (at + 1 == n && at > 0) {
            start--;
        }
        byte[] stored = new byte[old.length - (end - start)];
        System.arraycopy(old, 0, stored, 0, start);
        System.arraycopy(old, end, stored, start, old.length - end);
        putPostings(term, new Postings(events, stored));
    }

    /**
     * Takes the event off a list of a state stored with words as terms (formats 1 and 2), keyed
     * by the word itself; such lists are met once, when events are indexed anew, so they are not
     * kept in memory.
     */
    void unindexFormer(String key, String eventId) {
        if (key.length() == 16 && key.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            // a word that reads as a term's index key is that term's list
            unindex(Long.parseUnsignedLong(key, 16), eventId);
            return;
        }
        List<String> ids = new ArrayList<>(readList(index.get(key)));
        if (ids.remove(eventId)) {
            if (ids.isEmpty()) {
                index.delete(key);
            } else {
                index.put(key, writeList(ids));
            }
        }
    }

    /** Where the entry that starts at start ends: its separator, or the end of the list. */
    private static int entryEnd(byte[] stored, int start) {
        int at = start;
        while (at < stored.length && stored[at] != LIST_SEPARATOR) {
            at++;
        }
        return at;
    }

    /** Where entry i of a stored list starts. */
    private static int entryStart(byte[] stored, int i) {
        int at = 0;
        for (int seen = 0; seen < i; at++) {
            if (stored[at] == LIST_SEPARATOR) {
                seen++;
            }
        }
        return at;
    }

    /** An index list as kept in memory: its events as ordinals, and its stored bytes. */
    private record Postings(int[] events, byte[] stored) {
    }

    /** The list under the term, from memory or else from the store; never changed in place. */
    private Postings postings(long term) {
        Postings list = decodedPostings.get(term);
        if (list != null) {
            return list;
        }
        byte[] bytes = index.get(TermVector.indexKey(term));
        if (bytes == null || bytes.length == 0) {
            return NO_POSTINGS;
        }
        List<String> ids = readList(bytes);
        int[] events = new int[ids.size()];
        for (int i = 0; i < events.length; i++) {
            events[i] = ordinal(ids.get(i));
        }
        list = new Postings(events, bytes);
        decodedPostings.put(term, list);
        return list;
    }

    private void putPostings(long term, Postings list) {
        if (list.events().length == 0) {
            decodedPostings.remove(term);
            index.delete(TermVector.indexKey(term));
        } else {
            decodedPostings.put(term, list);
            index.put(TermVector.indexKey(term), list.stored());
        }
    }

    private int ordinal(String eventId) {
        int known = knownOrdinal(eventId);
        if (known >= 0) {
            return known;
        }
        int ordinal = eventIds.size();
        eventIds.add(eventId);
        ordinals.put(eventId, ordinal);
        lastEventId = eventId;
        lastOrdinal = ordinal;
        return ordinal;
    }

    /**
     * The event's ordinal, or -1 if it has none. An event is indexed or unindexed under dozens of
     * terms in a row, and the map of all ordinals is large: the last answer is kept.
     */
    private int knownOrdinal(String eventId) {
        if (eventId.equals(lastEventId)) {
            return lastOrdinal;
        }
        Integer ordinal = ordinals.get(eventId);
        if (ordinal == null) {
            return -1;
        }
        lastEventId = eventId;
        lastOrdinal = ordinal;
        return ordinal;
    }

    /**
     * Ordinals are not reused (an ordinal in memory always means one event), so they grow with
     * every event indexed since the start; now and then memory forgets them with the lists.
     */
    private void forgetOrdinalsIfMany() {
        if (eventIds.size() > MAX_ORDINALS) {
            forgetPostings();
        }
    }

    private void forgetPostings() {
        decodedPostings.clear();
        ordinals.clear();
        lastEventId = null;
        eventIds.clear();
    }

    // --- document frequency, decayed: value halves every half-life of event time

    double documentCount(long now, double halfLifeMillis) {
        return frequencies.documentCount(now, halfLifeMillis);
    }

    /** Counts one more document with these terms; returns each term's document frequency now, in the same order. */
    double[] countDocument(long[] terms, long now, double halfLifeMillis) {
        return frequencies.count(terms, now, halfLifeMillis);
    }

    // --- articles

    /**
     * What grouping remembers of an article it placed; placed numbers the articles in the order
     * they were put (-1: not yet put, or put by a version that did not number them).
     */
    record ArticleRecord(String articleId, String eventId, String canonicalUrl, String contentHash, String copyOf,
                         int[] signature, long placed) {

        ArticleRecord(String articleId, String eventId, String canonicalUrl, String contentHash, String copyOf,
                      int[] signature) {
            this(articleId, eventId, canonicalUrl, contentHash, copyOf, signature, -1);
        }
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

    /** An article's MinHash bands and the ids of the articles listed under each (the newest ones). */
    record Bands(long[] hashes, List<List<String>> listed) {
    }

    /** The bands of this signature, each with the newest {@code limit} articles listed under it. */
    Bands articlesInBands(int[] signature, int limit) {
        long[] hashes = minHash.bandHashes(signature);
        return new Bands(hashes, bandLists().listed(hashes, limit));
    }

    /** Remembers the article, as the newest under its bands (as {@link #articlesInBands} gave them). */
    void putArticle(ArticleRecord record, Bands bands) {
        BandLists lists = bandLists();
        articles.put("a:" + record.articleId(), encodeArticle(record, ++lastPlaced));
        if (record.canonicalUrl() != null) {
            articles.put("u:" + record.canonicalUrl(), bytes(record.articleId()));
        }
        if (record.contentHash() != null) {
            articles.put("h:" + record.contentHash(), bytes(record.articleId()));
        }
        // placed again (rare): it moves to the newest place, as its new number orders it
        lists.remove(bands.hashes(), record.articleId());
        lists.add(bands.hashes(), record.articleId());
    }

    void moveArticle(ArticleRecord record, String eventId) {
        articles.put("a:" + record.articleId(), encodeArticle(new ArticleRecord(record.articleId(), eventId,
                record.canonicalUrl(), record.contentHash(), record.copyOf(), record.signature()), record.placed()));
    }

    void forgetArticle(ArticleRecord record) {
        articles.delete("a:" + record.articleId());
        if (record.canonicalUrl() != null && record.articleId().equals(articleIdByUrl(record.canonicalUrl()))) {
            articles.delete("u:" + record.canonicalUrl());
        }
        if (record.contentHash() != null && record.articleId().equals(articleIdByHash(record.contentHash()))) {
            articles.delete("h:" + record.contentHash());
        }
        bandLists().remove(minHash.bandHashes(record.signature()), record.articleId());
    }

    /** The band lists, rebuilt from the article records the first time they are needed. */
    private BandLists bandLists() {
        if (bandLists == null) {
            bandLists = loadBandLists();
        }
        return bandLists;
    }

    /**
     * Lists every stored article under its bands in the order it was placed (articles stored by an
     * earlier version, unnumbered, first, by id), and deletes the band lists such a version stored.
     */
    private BandLists loadBandLists() {
        List<String> formerLists = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = articles.range("b:", "b;")) {
            it.forEachRemaining(entry -> formerLists.add(entry.key));
        }
        formerLists.forEach(articles::delete);
        List<ArticleRecord> records = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = articles.range("a:", "a;")) {
            it.forEachRemaining(entry -> records.add(decodeArticle(entry.value)));
        }
        records.sort(Comparator.comparingLong(ArticleRecord::placed).thenComparing(ArticleRecord::articleId));
        BandLists lists = new BandLists();
        lastPlaced = 0;
        for (ArticleRecord record : records) {
            lists.add(minHash.bandHashes(record.signature()), record.articleId());
            lastPlaced = Math.max(lastPlaced, record.placed());
        }
        return lists;
    }

    private static byte[] encodeArticle(ArticleRecord r, long placed) {
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
            out.writeLong(placed);
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
            // numbered since band lists live in memory; earlier records end here
            long placed = in.available() >= 8 ? in.readLong() : -1;
            return new ArticleRecord(id, eventId, url, hash, copyOf, signature, placed);
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

    static void requireNoSeparator(String id) {
        if (id.indexOf(LIST_SEPARATOR) >= 0) {
            throw new IllegalArgumentException("id contains a line break: " + id);
        }
    }

}
