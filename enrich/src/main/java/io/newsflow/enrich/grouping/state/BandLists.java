package io.newsflow.enrich.grouping.state;

import io.newsflow.enrich.grouping.text.MinHash;
import io.newsflow.enrich.grouping.vectors.TermTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The articles listed under each MinHash band ({@link MinHash#bandHashes}): two articles that
 * share a band are candidate copies. In memory only.
 *
 * <p>Derived state: every article record holds its signature and its placement number, so the
 * lists are rebuilt from the records when a task starts and never written to a store. Kept in the
 * store they cost 16 reads and 16 list rewrites per article, most of them of bands no other article
 * has, and in the service each was a RocksDB read or write and a changelog record. Lists are kept
 * whole, in placement order, and readers see the newest {@code limit} of each: a list rebuilt from
 * the records is then always the list that was kept, whatever left it meanwhile.
 */
final class BandLists {

    private static final String[] EMPTY = new String[0];
    /** From this many ids on, a band's list is a {@link LongList}: a widely copied story lists thousands under a band. */
    private static final int LONG_LIST = 32;
    /**
     * Band -> its one article id (a String), its ids (a String[] of two up to LONG_LIST), or a {@link LongList}:
     * most bands list one article, and an array per band cost a third of the table's memory.
     */
    private final TermTable<Object> lists = new TermTable<>();

    /** The newest {@code limit} article ids under each band, oldest first. */
    List<List<String>> listed(long[] bands, int limit) {
        List<List<String>> listed = new ArrayList<>(bands.length);
        for (long band : bands) {
            Object value = lists.get(band);
            if (value instanceof LongList many) {
                listed.add(List.copyOf(many.ids.subList(Math.max(0, many.ids.size() - limit), many.ids.size())));
                continue;
            }
            String[] ids = small(value);
            listed.add(List.of(ids).subList(Math.max(0, ids.length - limit), ids.length));
        }
        return listed;
    }

    /** Lists the article under the bands it is not yet listed under, as the newest. */
    void add(long[] bands, String articleId) {
        for (long band : bands) {
            Object value = lists.get(band);
            if (value instanceof LongList many) {
                many.add(articleId);
                continue;
            }
            String[] ids = small(value);
            if (Arrays.asList(ids).contains(articleId)) {
                continue;
            }
            if (ids.length + 1 >= LONG_LIST) {
                LongList many = new LongList(ids);
                many.add(articleId);
                lists.put(band, many);
            } else {
                String[] grown = Arrays.copyOf(ids, ids.length + 1);
                grown[ids.length] = articleId;
                put(band, grown);
            }
        }
    }

    void remove(long[] bands, String articleId) {
        for (long band : bands) {
            Object value = lists.get(band);
            if (value instanceof LongList many) {
                many.remove(articleId);
                if (many.ids.size() < LONG_LIST / 2) {
                    put(band, many.ids.toArray(String[]::new));
                }
                continue;
            }
            String[] ids = small(value);
            int at = Arrays.asList(ids).indexOf(articleId);
            if (at < 0) {
                continue;
            }
            if (ids.length == 1) {
                lists.remove(band);
            } else {
                String[] shrunk = new String[ids.length - 1];
                System.arraycopy(ids, 0, shrunk, 0, at);
                System.arraycopy(ids, at + 1, shrunk, at, ids.length - at - 1);
                put(band, shrunk);
            }
        }
    }

    private static String[] small(Object ids) {
        return ids == null ? EMPTY : ids instanceof String id ? new String[] {id} : (String[]) ids;
    }

    private void put(long band, String[] ids) {
        lists.put(band, ids.length == 1 ? ids[0] : ids);
    }

    /** A long list: ids in placement order, and a set of them, so that adding is not a scan and a copy of the list. */
    private static final class LongList {

        final List<String> ids;
        final Set<String> members;

        LongList(String[] ids) {
            this.ids = new ArrayList<>(Arrays.asList(ids));
            this.members = new HashSet<>(this.ids);
        }

        void add(String id) {
            if (members.add(id)) {
                ids.add(id);
            }
        }

        void remove(String id) {
            if (members.remove(id)) {
                ids.remove(id);
            }
        }
    }
}
