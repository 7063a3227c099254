package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.EventGrouper;
import io.newsflow.enrich.grouping.vectors.TermTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inverted index that finds candidate events without scanning them all: term -> the open
 * events indexed under it. In memory only.
 *
 * <p>Derived state: every stored event holds the terms it is indexed under ({@link
 * EventState#indexedTerms}), so the index is rebuilt from the events when a task starts and never
 * written to a store. Kept in a store, a new event rewrote ~40 lists (whole, in RocksDB and in the
 * changelog). Each list holds all its events, ordered by when each event was first seen (then by
 * id); a look-up reads the newest {@code visible} of a list, since a term shared by that many open
 * events no longer tells them apart. Ordered by a property of the stored event, a rebuilt list is
 * always the list that was kept, whatever came and left meanwhile.
 *
 * <p>Events are numbered in memory (ordinals) so that a list is an int array; an ordinal is
 * reused once its event is in no list.
 */
final class CandidateIndex {

    private final TermTable<Postings> lists = new TermTable<>();
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final List<String> eventIds = new ArrayList<>();
    private long[] firstSeen = new long[1024];
    /** An id's 16 hex digits as a number (ids as {@link EventGrouper#eventIdFor} makes them), or {@link #BY_TEXT}. */
    private long[] idOrder = new long[1024];
    private static final long BY_TEXT = -1;
    private int[] listedUnder = new int[1024];
    private final ArrayDeque<Integer> freeOrdinals = new ArrayDeque<>();
    /**
     * Scratch for counting votes, reused from call to call: an open-addressing table from ordinal
     * + 1 (0 is an empty slot) to the sum of its votes, and the slots in the order first voted. A
     * table sized to the votes of one call stays in the processor's cache.
     */
    private int[] voteKeys = new int[1024];
    private double[] voteSums = new double[1024];
    private int voteShift = 32 - 10;
    private int[] votedSlots = new int[512];

    /** A list: ordinals in order of their events' first-seen time, then id; capacity may exceed size. */
    private static final class Postings {
        int[] events = new int[2];
        int size;
    }

    /**
     * The events indexed under these terms that gather the largest sums of the terms' weights,
     * largest first, equal sums by event id; at most limit. Each list gives its newest
     * {@code visible} events. Sums add the weights in the order of the terms.
     */
    List<String> mostVoted(long[] terms, double[] weights, int limit, int visible) {
        Postings[] read = new Postings[terms.length];
        int postings = 0;
        for (int t = 0; t < terms.length; t++) {
            read[t] = lists.get(terms[t]);
            postings += read[t] == null ? 0 : Math.min(visible, read[t].size);
        }
        if (postings == 0) {
            return List.of();
        }
        ensureVoteRoom(postings);
        int count = countVotes(read, weights, visible);
        List<String> ids = best(count, limit);
        for (int i = 0; i < count; i++) {
            voteKeys[votedSlots[i]] = 0;
        }
        return ids;
    }

    /** Grows the vote table to at most half full and the slot list to hold this many postings. */
    private void ensureVoteRoom(int postings) {
        if (voteKeys.length < 2 * postings) {
            int bits = 32 - Integer.numberOfLeadingZeros(2 * postings - 1);
            voteKeys = new int[1 << bits];
            voteSums = new double[1 << bits];
            voteShift = 32 - bits;
        }
        if (votedSlots.length < postings) {
            votedSlots = new int[postings];
        }
    }

    /**
     * Adds each term's weight to the events of its list that are visible, in term order; returns how many
     * events were voted for (their slots in {@code votedSlots}, in the order first voted).
     * One piece: the per-posting loop of every look-up; it allocates nothing and calls nothing.
     */
    private int countVotes(Postings[] read, double[] weights, int visible) {
        int mask = voteKeys.length - 1;
        int count = 0;
        for (int t = 0; t < read.length; t++) {
            if (read[t] == null) {
                continue;
            }
            double weight = weights[t];
            int[] events = read[t].events;
            for (int i = Math.max(0, read[t].size - visible); i < read[t].size; i++) {
                int key = events[i] + 1;
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
        return count;
    }

    /** The ids of the {@code limit} events with the most votes among the {@code count} voted, best first. */
    private List<String> best(int count, int limit) {
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
        return ids;
    }

    /** More votes first, then the smaller event id. */
    private boolean ranksBefore(int slotA, int slotB) {
        int byVotes = Double.compare(voteSums[slotB], voteSums[slotA]);
        return byVotes != 0 ? byVotes < 0 : idBefore(voteKeys[slotA] - 1, voteKeys[slotB] - 1);
    }

    /**
     * Indexes the event under the terms it is not yet under and takes it off those it no longer
     * wants; an event whose first-seen time changed (an earlier report joined it) is placed anew.
     */
    void update(String eventId, long firstSeenAt, long[] indexed, long[] wanted) {
        Integer known = ordinals.get(eventId);
        long[] from = indexed;
        if (known != null && firstSeen[known] != firstSeenAt) {
            remove(eventId, indexed);
            from = new long[0];
            known = ordinals.get(eventId);
        }
        for (int i = 0; known != null && i < from.length; i++) {
            if (Arrays.binarySearch(wanted, from[i]) < 0) {
                remove(known, eventId, from[i]);
            }
        }
        // the event is looked up once, not once per term: a map of all open events misses the cache
        int event = -1;
        for (long term : wanted) {
            if (Arrays.binarySearch(from, term) < 0) {
                event = event >= 0 ? event : ordinal(eventId, firstSeenAt);
                add(term, event);
            }
        }
    }

    /** Takes the event off these lists. */
    void remove(String eventId, long[] terms) {
        Integer event = ordinals.get(eventId);
        for (int i = 0; event != null && i < terms.length; i++) {
            remove(event, eventId, terms[i]);
        }
    }

    private void add(long term, int event) {
        Postings list = lists.get(term);
        if (list == null) {
            list = new Postings();
            lists.put(term, list);
        }
        int at = position(list, event);
        if (at < list.size && list.events[at] == event) {
            return;
        }
        if (list.size == list.events.length) {
            list.events = Arrays.copyOf(list.events, list.size * 2);
        }
        System.arraycopy(list.events, at, list.events, at + 1, list.size - at);
        list.events[at] = event;
        list.size++;
        listedUnder[event]++;
    }

    /** Takes the event off the term's list; frees its ordinal once it is on no list. */
    private void remove(int event, String eventId, long term) {
        Postings list = lists.get(term);
        if (list == null || listedUnder[event] == 0) {
            return;
        }
        int at = position(list, event);
        if (at == list.size || list.events[at] != event) {
            return;
        }
        System.arraycopy(list.events, at + 1, list.events, at, list.size - at - 1);
        list.size--;
        if (list.size == 0) {
            lists.remove(term);
        }
        if (--listedUnder[event] == 0) {
            ordinals.remove(eventId);
            eventIds.set(event, null);
            freeOrdinals.push(event);
        }
    }

    /** Where the event is in the list, or would be: binary search by first-seen time, then id. */
    private int position(Postings list, int event) {
        if (list.size == 0 || before(list.events[list.size - 1], event)) {
            // the usual case: a new event is the newest
            return list.size;
        }
        int low = 0;
        int high = list.size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (before(list.events[mid], event)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Earlier first-seen time, then the smaller id. Ids of 16 hex digits compare as numbers, the
     * same order as their text: events first seen at one time (a batch of files) are many, and
     * comparing id strings cost a cache miss or two per step of a search.
     */
    private boolean before(int a, int b) {
        if (firstSeen[a] != firstSeen[b]) {
            return firstSeen[a] < firstSeen[b];
        }
        return idBefore(a, b);
    }

    private boolean idBefore(int a, int b) {
        if (idOrder[a] != BY_TEXT && idOrder[b] != BY_TEXT) {
            return Long.compareUnsigned(idOrder[a], idOrder[b]) < 0;
        }
        return eventIds.get(a).compareTo(eventIds.get(b)) < 0;
    }

    /** "ev-" and 16 lowercase hex digits as an unsigned number; {@link #BY_TEXT} for any other id. */
    static long idOrder(String eventId) {
        if (eventId.length() != 19 || !eventId.startsWith("ev-")) {
            return BY_TEXT;
        }
        long value = 0;
        for (int i = 3; i < 19; i++) {
            char c = eventId.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return BY_TEXT;
            }
            value = value << 4 | digit;
        }
        // all ones is the marker; that one id compares as text, which orders it alike
        return value;
    }

    private int ordinal(String eventId, long firstSeenAt) {
        Integer known = ordinals.get(eventId);
        if (known != null) {
            return known;
        }
        int ordinal;
        if (freeOrdinals.isEmpty()) {
            ordinal = eventIds.size();
            eventIds.add(eventId);
            if (ordinal == firstSeen.length) {
                firstSeen = Arrays.copyOf(firstSeen, ordinal * 2);
                idOrder = Arrays.copyOf(idOrder, ordinal * 2);
                listedUnder = Arrays.copyOf(listedUnder, ordinal * 2);
            }
        } else {
            ordinal = freeOrdinals.pop();
            eventIds.set(ordinal, eventId);
        }
        firstSeen[ordinal] = firstSeenAt;
        idOrder[ordinal] = idOrder(eventId);
        listedUnder[ordinal] = 0;
        ordinals.put(eventId, ordinal);
        return ordinal;
    }
}
