package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.text.MinHash;
import io.newsflow.enrich.grouping.text.TextFeatures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grouping state in Kafka Streams key-value stores (RocksDB, changelogged), with typed access.
 *
 * <ul>
 *   <li>{@value #EVENTS}: event id -> {@link EventState} of every open event;</li>
 *   <li>{@value #DOCUMENT_FREQUENCY}: document frequencies, decayed in event time, for IDF, as a
 *       snapshot and a log of the articles since ({@link DocumentFrequencies});</li>
 *   <li>{@value #ARTICLES}: article id, canonical URL and content hash -> the article's record
 *       (with its MinHash signature), to recognise the same article again and syndicated copies
 *       (the lists by MinHash band are rebuilt from the records, in memory: {@link BandLists});
 *       and the closed events awaiting their tombstone, by last activity ({@link #markClosed}).</li>
 * </ul>
 *
 * <p>In memory only, rebuilt from these when a task starts: from the events, the candidate index
 * (their indexed terms, {@link CandidateIndex}), their reach ({@link EventReach}) and their
 * expiry order (last activity time, then id, so closing idle events reads the oldest first, not
 * all events); from the article records, the MinHash band lists ({@link BandLists}). Earlier
 * versions kept the index and the expiry order in stores; those stores
 * ({@code grouping-candidate-index}, {@code grouping-event-expiry}) are no longer part of the
 * topology, and their changelog topics can be deleted.
 */
public final class GroupingStores {

    private static final Logger LOG = LoggerFactory.getLogger(GroupingStores.class);

    public static final String EVENTS = "grouping-events";
    public static final String DOCUMENT_FREQUENCY = "grouping-document-frequency";
    public static final String ARTICLES = "grouping-articles";
    private static final String[] ALL = {EVENTS, DOCUMENT_FREQUENCY, ARTICLES};
    /** Key prefix, in the articles store, of the closed events awaiting their tombstone. */
    private static final String CLOSED_PREFIX = "c:";

    private final KeyValueStore<String, byte[]> events;
    private final DocumentFrequencies frequencies;
    private final KeyValueStore<String, byte[]> articles;
    /**
     * Recently used events, decoded: an event is looked up several times while one article is placed
     * (as a candidate, its neighbourhood, the event it joins), and candidates recur from article to
     * article. Only this task writes the store, so the copy stays exact. Few on purpose: a decoded
     * event is large (its centroid, its members' features), and an LRU of 2,000 kept each for a second or two
     * at 200 articles/s, long enough to be promoted to the old generation and die there; that garbage
     * (30 MB/s) brought a full collection every 7 s. At 500 they mostly die young (8 MB/s promoted),
     * and a miss costs a read of the record cache or RocksDB and a decode (docs/performance.md,
     * "Decoded events and the old generation").
     */
    private final Map<String, EventState> decoded = new LinkedHashMap<>(DECODED_EVENTS * 4 / 3, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EventState> eldest) {
            return size() > DECODED_EVENTS;
        }
    };
    private static final int DECODED_EVENTS = 500;
    /** The candidate index, rebuilt from the events (null until first needed). */
    private CandidateIndex candidateIndex;
    /** How close each stored event's members can come to an article, loaded with the index. */
    private EventReach reach;
    /** The stored events by last activity ({@link #expiryKey}), loaded with the index. */
    private TreeSet<String> expiry;
    /** Articles by MinHash band, and the keys articles use, derived from the article records (null until first needed). */
    private BandLists bandLists;
    private ArticleKeys articleKeys;
    /** The number of the last article placed (see {@link ArticleRecord#placed}). */
    private long lastPlaced;
    /** Makes the articles' signatures ({@link TextFeatures}) and bands them. */
    private final MinHash minHash = MinHash.standard();
    /** The writes of the placement in progress, if one is planned ({@link #beginPlacement}). */
    private final WritePlan plan = new WritePlan();
    /** The events store as events read and write their heads and pages: through the write plan. */
    private final EventState.Records eventRecords = new EventState.Records() {
        @Override
        public byte[] get(String key) {
            return plan.read(events, key);
        }

        @Override
        public void put(String key, byte[] value) {
            plan.write(events, key, value);
        }
    };
    /** {@link #lastPlaced} when the placement began, to go back to if it fails. */
    private long lastPlacedBefore;

    public GroupingStores(KeyValueStore<String, byte[]> events, KeyValueStore<String, byte[]> frequencies,
                   KeyValueStore<String, byte[]> articles) {
        this.events = events;
        this.frequencies = new DocumentFrequencies(frequencies, plan);
        this.articles = articles;
    }

    // --- placements: planned first, then written (see WritePlan)

    /**
     * Starts planning a placement: from now until {@link #applyPlacement} or
     * {@link #abandonPlacement}, writes are recorded, not made. What memory derives from the stores
     * is loaded first, so that no scan of a store runs while writes wait.
     */
    public void beginPlacement() {
        candidateIndex();
        bandLists();
        frequencies.load();
        lastPlacedBefore = lastPlaced;
        plan.begin();
    }

    /**
     * Makes the planned writes and then the memory changes that follow them. On a failure the
     * stores are as before the placement, memory is made to match them, and the failure is
     * rethrown ({@link WritePlan.StoresNotRestored} when the stores could not be put back).
     */
    public void applyPlacement() {
        try {
            plan.applyWrites();
        } catch (RuntimeException e) {
            abandonPlacement();
            throw e;
        }
        try {
            plan.applyMemoryChanges();
            frequencies.keepCounted();
        } catch (RuntimeException e) {
            // memory is half changed: derive it from the stores (put back) anew
            forgetDerived();
            plan.close();
            throw e;
        }
        plan.close();
    }

    /** Gives up the placement being planned: no write was made; memory goes back to the stores. */
    public void abandonPlacement() {
        if (!plan.open()) {
            return;
        }
        plan.close();
        decoded.clear();
        lastPlaced = lastPlacedBefore;
        frequencies.forgetUncounted();
    }

    /** Drops everything memory derives from the stores: rebuilt from them when next needed. */
    private void forgetDerived() {
        decoded.clear();
        candidateIndex = null;
        reach = null;
        expiry = null;
        bandLists = null;
        articleKeys = null;
        frequencies.forget();
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

    /** Builders for the stores, to add to the topology. */
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

    public EventState event(String eventId) {
        EventState cached = decoded.get(eventId);
        if (cached != null) {
            return cached;
        }
        EventState event = EventState.load(eventId, eventRecords);
        if (event != null) {
            decoded.put(eventId, event);
        }
        return event;
    }

    /**
     * Writes the event; previouslyIndexed are the terms it was indexed under before (its
     * indexedTerms now are the ones wanted). The index in memory follows once the store has the
     * event, so that it is always the index of the stored events.
     */
    public void putEvent(EventState event, long previousActivity, long[] previouslyIndexed) {
        CandidateIndex index = candidateIndex();
        decoded.put(event.eventId, event);
        event.store(eventRecords);
        // what the memory change needs, as it is now
        String eventId = event.eventId;
        long firstSeenAt = event.firstSeenAt;
        long lastUpdatedAt = event.lastUpdatedAt;
        long[] indexed = event.indexedTerms;
        plan.afterWrites(() -> {
            if (previousActivity >= 0) {
                expiry.remove(expiryKey(previousActivity, eventId));
            }
            expiry.add(expiryKey(lastUpdatedAt, eventId));
            index.update(eventId, firstSeenAt, previouslyIndexed, indexed);
            reach.put(event);
        });
    }

    /** Deletes the event; storedActivity is its last activity as stored (the expiry key). */
    public void deleteEvent(String eventId, long storedActivity) {
        EventState stored = event(eventId);
        if (stored != null) {
            stored.delete(eventRecords); // its head and its pages of members
        }
        decoded.remove(eventId);
        plan.afterWrites(() -> {
            if (reach != null) {
                expiry.remove(expiryKey(storedActivity, eventId));
                reach.remove(eventId);
            }
        });
    }

    /** Whether an event with this id is stored. */
    public boolean holdsEvent(String eventId) {
        candidateIndex();
        return reach.holds(eventId);
    }

    /**
     * Whether a recent member of the stored event may have a cosine of at least floor with the
     * article (false only when none can; see {@link EventReach}), without reading the event.
     */
    public boolean mayReach(String eventId, EventReach.Probe article, double floor) {
        candidateIndex();
        return reach.mayReach(eventId, article, floor);
    }

    /** Ids of events whose last activity is before the cutoff, oldest first. */
    public List<String> idleEvents(long cutoff, int limit) {
        candidateIndex();
        List<String> ids = new ArrayList<>();
        for (String key : expiry.headSet(expiryKey(Math.max(0, cutoff), ""))) {
            if (ids.size() == limit) {
                break;
            }
            ids.add(key.substring(key.indexOf('|') + 1));
        }
        return ids;
    }

    /** A closed event awaiting its tombstone: its key in the articles store, id and member article ids. */
    public record ClosedEvent(String key, String eventId, List<String> memberIds) {
    }

    /**
     * Notes the event as closed, under {@code c:<last activity>|<id>} in the articles store (sorted by time,
     * so a range scan finds those due), with its member ids: their records stay until the tombstone.
     */
    public void markClosed(EventState event) {
        String ids = String.join("\n", event.members.stream().map(EventState.Member::articleId).toList());
        plan.write(articles, CLOSED_PREFIX + expiryKey(event.lastUpdatedAt, event.eventId), ids.getBytes(StandardCharsets.UTF_8));
    }

    /** Closed events whose last activity is before the cutoff, oldest first, at most limit. */
    public List<ClosedEvent> closedBefore(long cutoff, int limit) {
        List<ClosedEvent> due = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = articles.range(CLOSED_PREFIX, CLOSED_PREFIX + expiryKey(Math.max(0, cutoff), ""))) {
            while (it.hasNext() && due.size() < limit) {
                var entry = it.next();
                String members = new String(entry.value, StandardCharsets.UTF_8);
                due.add(new ClosedEvent(entry.key, entry.key.substring(entry.key.indexOf('|') + 1),
                        members.isEmpty() ? List.of() : List.of(members.split("\n"))));
            }
        }
        return due;
    }

    public void forgetClosed(ClosedEvent closed) {
        plan.write(articles, closed.key(), null);
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

    // --- candidate index: in memory, rebuilt from the events (see CandidateIndex)

    /**
     * The events indexed under these terms that gather the largest sums of the terms' weights,
     * largest first, equal sums by event id; at most limit; each term's newest {@code visible} events.
     */
    public List<String> mostVoted(long[] terms, double[] weights, int limit, int visible) {
        return candidateIndex().mostVoted(terms, weights, limit, visible);
    }

    /** Takes the event out of the candidate index (it closes, or another event absorbed it). */
    public void unindex(EventState event) {
        CandidateIndex index = candidateIndex();
        String eventId = event.eventId;
        long[] indexed = event.indexedTerms;
        plan.afterWrites(() -> index.remove(eventId, indexed));
    }

    private CandidateIndex candidateIndex() {
        if (candidateIndex == null) {
            loadCandidateIndex();
        }
        return candidateIndex;
    }

    /**
     * Every stored event under the terms it holds, added oldest first so that each goes to the end
     * of its lists, and each event's reach and expiry key.
     */
    private void loadCandidateIndex() {
        record Indexed(String eventId, long firstSeenAt, long[] terms) {
        }
        long started = System.nanoTime();
        List<Indexed> stored = new ArrayList<>();
        EventReach reached = new EventReach();
        TreeSet<String> expiring = new TreeSet<>();
        try (KeyValueIterator<String, byte[]> it = events.all()) {
            while (it.hasNext()) {
                var entry = it.next();
                if (EventState.isPageKey(entry.key)) {
                    continue;
                }
                EventState event = EventState.fromBytes(entry.value); // the head: what the index needs
                stored.add(new Indexed(event.eventId, event.firstSeenAt, event.indexedTerms));
                reached.put(event);
                expiring.add(expiryKey(event.lastUpdatedAt, event.eventId));
            }
        }
        stored.sort(Comparator.comparingLong(Indexed::firstSeenAt).thenComparing(Indexed::eventId));
        CandidateIndex index = new CandidateIndex();
        for (Indexed event : stored) {
            index.update(event.eventId(), event.firstSeenAt(), new long[0], event.terms());
        }
        candidateIndex = index;
        reach = reached;
        expiry = expiring;
        LOG.info("Loaded {} open events (candidate index, reach, expiry order) in {} ms", stored.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** How many events are open, NaN before the stores are loaded (read by a gauge from another thread). */
    public double openEvents() {
        TreeSet<String> open = expiry;
        return open == null ? Double.NaN : open.size();
    }

    // --- document frequency, decayed: value halves every half-life of event time

    public double documentCount(long now, double halfLifeMillis) {
        return frequencies.documentCount(now, halfLifeMillis);
    }

    /** Counts one more document with these terms; returns each term's document frequency now, in the same order. */
    public double[] countDocument(long[] terms, long now, double halfLifeMillis) {
        return frequencies.count(terms, now, halfLifeMillis);
    }

    /** Each term's document frequency as if one more document had these terms, counting nothing (a copy). */
    public double[] documentFrequenciesWith(long[] terms, long now, double halfLifeMillis) {
        return frequencies.frequenciesWith(terms, now, halfLifeMillis);
    }

    // --- articles

    /**
     * What grouping remembers of an article it placed; placed numbers the articles in the order
     * they were put (-1: not yet put).
     */
    public record ArticleRecord(String articleId, String eventId, String canonicalUrl, String contentHash, String copyOf,
                         int[] signature, long placed) {

        public ArticleRecord(String articleId, String eventId, String canonicalUrl, String contentHash, String copyOf,
                      int[] signature) {
            this(articleId, eventId, canonicalUrl, contentHash, copyOf, signature, -1);
        }
    }

    public ArticleRecord article(String articleId) {
        String key = "a:" + articleId;
        if (!plan.stages(articles, key) && !articleKeys().mayHold(ArticleKeys.byId(articleId))) {
            return null;
        }
        byte[] bytes = plan.read(articles, key);
        return bytes == null ? null : decodeArticle(bytes);
    }

    public String articleIdByUrl(String canonicalUrl) {
        if (canonicalUrl == null) {
            return null;
        }
        String key = "u:" + canonicalUrl;
        return !plan.stages(articles, key) && !articleKeys().mayHold(ArticleKeys.byUrl(canonicalUrl)) ? null
                : string(plan.read(articles, key));
    }

    public String articleIdByHash(String contentHash) {
        if (contentHash == null) {
            return null;
        }
        String key = "h:" + contentHash;
        return !plan.stages(articles, key) && !articleKeys().mayHold(ArticleKeys.byHash(contentHash)) ? null
                : string(plan.read(articles, key));
    }

    /** An article's MinHash bands and the ids of the articles listed under each (the newest ones). */
    public record Bands(long[] hashes, List<List<String>> listed) {
    }

    /** The MinHash whose signatures {@link #articlesInBands} bands. */
    public MinHash minHash() {
        return minHash;
    }

    /** The bands of this signature, each with the newest {@code limit} articles listed under it. */
    public Bands articlesInBands(int[] signature, int limit) {
        long[] hashes = minHash.bandHashes(signature);
        return new Bands(hashes, bandLists().listed(hashes, limit));
    }

    /** Remembers the article, as the newest under its bands (as {@link #articlesInBands} gave them). */
    public void putArticle(ArticleRecord record, Bands bands) {
        BandLists lists = bandLists();
        ArticleKeys keys = articleKeys();
        plan.write(articles, "a:" + record.articleId(), encodeArticle(record, ++lastPlaced));
        if (record.canonicalUrl() != null) {
            plan.write(articles, "u:" + record.canonicalUrl(), bytes(record.articleId()));
        }
        if (record.contentHash() != null) {
            plan.write(articles, "h:" + record.contentHash(), bytes(record.articleId()));
        }
        plan.afterWrites(() -> {
            keys.add(record);
            // placed again (rare): it moves to the newest place, as its new number orders it
            lists.remove(bands.hashes(), record.articleId());
            lists.add(bands.hashes(), record.articleId());
        });
    }

    public void moveArticle(ArticleRecord record, String eventId) {
        plan.write(articles, "a:" + record.articleId(), encodeArticle(new ArticleRecord(record.articleId(), eventId,
                record.canonicalUrl(), record.contentHash(), record.copyOf(), record.signature()), record.placed()));
    }

    /** Records the article as a copy of another (its original was found to be a copy of a fuller text). */
    public void markCopy(ArticleRecord record, String copyOf) {
        plan.write(articles, "a:" + record.articleId(), encodeArticle(new ArticleRecord(record.articleId(), record.eventId(),
                record.canonicalUrl(), record.contentHash(), copyOf, record.signature()), record.placed()));
    }

    public void forgetArticle(ArticleRecord record) {
        BandLists lists = bandLists();
        ArticleKeys keys = articleKeys();
        boolean ownsUrl = record.canonicalUrl() != null && record.articleId().equals(articleIdByUrl(record.canonicalUrl()));
        boolean ownsHash = record.contentHash() != null && record.articleId().equals(articleIdByHash(record.contentHash()));
        plan.write(articles, "a:" + record.articleId(), null);
        if (ownsUrl) {
            plan.write(articles, "u:" + record.canonicalUrl(), null);
        }
        if (ownsHash) {
            plan.write(articles, "h:" + record.contentHash(), null);
        }
        plan.afterWrites(() -> {
            lists.remove(minHash.bandHashes(record.signature()), record.articleId());
            keys.remove(record);
        });
    }

    /** The band lists, rebuilt from the article records the first time they are needed. */
    private BandLists bandLists() {
        if (bandLists == null) {
            loadArticles();
        }
        return bandLists;
    }

    /** The keys stored articles use, rebuilt from the article records the first time they are needed. */
    private ArticleKeys articleKeys() {
        if (articleKeys == null) {
            loadArticles();
        }
        return articleKeys;
    }

    /** Lists every stored article under its bands in the order it was placed, and notes its keys. */
    private void loadArticles() {
        long started = System.nanoTime();
        List<ArticleRecord> records = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = articles.range("a:", "a;")) {
            it.forEachRemaining(entry -> records.add(decodeArticle(entry.value)));
        }
        records.sort(Comparator.comparingLong(ArticleRecord::placed).thenComparing(ArticleRecord::articleId));
        BandLists lists = new BandLists();
        ArticleKeys keys = new ArticleKeys();
        lastPlaced = 0;
        for (ArticleRecord record : records) {
            lists.add(minHash.bandHashes(record.signature()), record.articleId());
            keys.add(record);
            lastPlaced = Math.max(lastPlaced, record.placed());
        }
        bandLists = lists;
        articleKeys = keys;
        LOG.info("Loaded {} article records (MinHash band lists, keys) in {} ms", records.size(),
                (System.nanoTime() - started) / 1_000_000);
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
            long placed = in.readLong();
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
}
