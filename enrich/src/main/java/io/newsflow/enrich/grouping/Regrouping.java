package io.newsflow.enrich.grouping;

import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.enrich.grouping.clustering.Neighbourhood;
import io.newsflow.enrich.grouping.state.EventState;
import io.newsflow.enrich.grouping.state.GroupingStores;
import io.newsflow.enrich.grouping.state.MemberFeatures;
import io.newsflow.enrich.grouping.vectors.TermSlots;
import io.newsflow.schemas.RawArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the clusters of one neighbourhood into events: ids kept where members stay together,
 * events absorbed (tombstone, {@code absorbedEventIds}) or split (a new id) where the clusters
 * say so, members and their index entries moved, and only events whose members changed stored and
 * published anew.
 */
final class Regrouping {

    private final GroupingSettings settings;
    private final GroupingStores stores;
    private final EventUpdates updates;

    Regrouping(GroupingSettings settings, GroupingStores stores, EventUpdates updates) {
        this.settings = settings;
        this.stores = stores;
        this.updates = updates;
    }

    /**
     * Turns the clusters of a neighbourhood into events, keeping ids stable: each cluster takes the
     * id of the event it shares most members with (largest overlap first, older event on a tie);
     * a cluster left without one is a new event; an event whose id no cluster took was absorbed,
     * and its members outside the neighbourhood follow it into the cluster that holds most of its
     * members. Only events whose members changed are stored and published anew.
     */
    EventGrouper.Outcome apply(Neighbourhood region, List<List<Integer>> clusters, RawArticle article, long eventTime) {
        List<EventState> oldEvents = new ArrayList<>(region.regionEvents.values());
        int[][] overlap = overlap(region, clusters, oldEvents);
        EventState[] targetOf = assignIds(clusters.size(), oldEvents, overlap);
        Map<String, Integer> survivorOfAbsorbed = survivorsOfAbsorbed(oldEvents, targetOf, overlap, clusters.size());
        absorb(region, targetOf, survivorOfAbsorbed);
        Map<String, Long> previousActivity = new HashMap<>();
        for (EventState old : oldEvents) {
            previousActivity.put(old.eventId, old.lastUpdatedAt);
        }
        List<Set<String>> wanted = wantedMembers(region, clusters, oldEvents, targetOf, survivorOfAbsorbed);
        FormerMembers former = FormerMembers.of(oldEvents);
        List<EventState> changed = new ArrayList<>();
        Map<String, String> splitFrom = new HashMap<>();
        Set<String> given = new HashSet<>();
        oldEvents.forEach(e -> given.add(e.eventId));
        for (int c = 0; c < clusters.size(); c++) {
            EventState target = targetOf[c];
            boolean fresh = target == null;
            if (fresh) {
                target = new EventState(newEventId(clusters.get(c), region, article, eventTime, given));
                given.add(target.eventId);
            }
            if (reform(target, fresh, clusters.get(c).contains(0), wanted.get(c), former, region, article, eventTime,
                    splitFrom)) {
                changed.add(target);
            }
        }
        List<EventState> absorbed = new ArrayList<>();
        Map<String, String> survivorOf = new HashMap<>();
        for (EventState old : oldEvents) {
            if (!survivorOfAbsorbed.containsKey(old.eventId)) {
                continue;
            }
            updates.unindex(old);
            stores.deleteEvent(old.eventId, previousActivity.get(old.eventId));
            absorbed.add(old);
            survivorOf.put(old.eventId, targetOf[survivorOfAbsorbed.get(old.eventId)].eventId);
        }
        for (EventState e : changed) {
            e.lastUpdatedAt = Math.max(e.lastUpdatedAt, eventTime);
            updates.store(e, previousActivity.getOrDefault(e.eventId, -1L));
        }
        return new EventGrouper.Outcome(changed, absorbed, survivorOf, splitFrom, null);
    }

    /** How many items of each cluster (rows) each event of the neighbourhood (columns) holds. */
    private static int[][] overlap(Neighbourhood region, List<List<Integer>> clusters, List<EventState> oldEvents) {
        int[][] overlap = new int[clusters.size()][oldEvents.size()];
        for (int c = 0; c < clusters.size(); c++) {
            for (int item : clusters.get(c)) {
                EventState e = region.events.get(item);
                if (e != null) {
                    overlap[c][oldEvents.indexOf(e)]++;
                }
            }
        }
        return overlap;
    }

    /** Each event whose id no cluster took, by id: the cluster holding most of its members (the first on a tie). */
    private static Map<String, Integer> survivorsOfAbsorbed(List<EventState> oldEvents, EventState[] targetOf,
                                                            int[][] overlap, int clusters) {
        Map<String, Integer> survivorOfAbsorbed = new LinkedHashMap<>();
        for (int e = 0; e < oldEvents.size(); e++) {
            EventState old = oldEvents.get(e);
            if (!Arrays.asList(targetOf).contains(old)) {
                int best = 0;
                for (int c = 1; c < clusters; c++) {
                    if (overlap[c][e] > overlap[best][e]) {
                        best = c;
                    }
                }
                survivorOfAbsorbed.put(old.eventId, best);
            }
        }
        return survivorOfAbsorbed;
    }

    /**
     * A survivor is always a kept event (a cluster with no id would have taken the absorbed one's). Its
     * members outside the neighbourhood come along (see wantedMembers), and so do its retired members'
     * sums, before the survivor's aggregates are re-formed.
     */
    private static void absorb(Neighbourhood region, EventState[] targetOf, Map<String, Integer> survivorOfAbsorbed) {
        survivorOfAbsorbed.forEach((absorbedId, survivor) -> {
            EventState old = region.regionEvents.get(absorbedId);
            EventState into = targetOf[survivor];
            into.retired.add(old.retired);
            into.absorbedEventIds.add(old.eventId);
            into.absorbedEventIds.addAll(old.absorbedEventIds);
        });
    }

    /**
     * Who belongs where, as article ids per cluster: its items, then the members of its events that are
     * outside the neighbourhood (an absorbed event's go to its survivor), with copies following their originals.
     */
    private static List<Set<String>> wantedMembers(Neighbourhood region, List<List<Integer>> clusters,
                                                   List<EventState> oldEvents, EventState[] targetOf,
                                                   Map<String, Integer> survivorOfAbsorbed) {
        List<Set<String>> wanted = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Set<String> ids = new LinkedHashSet<>();
            for (int item : clusters.get(c)) {
                ids.add(region.articleIds.get(item));
            }
            wanted.add(ids);
        }
        Set<String> inRegion = new HashSet<>(region.articleIds);
        for (EventState old : oldEvents) {
            Integer survivor = survivorOfAbsorbed.get(old.eventId);
            int keeper = survivor != null ? survivor : Arrays.asList(targetOf).indexOf(old);
            for (EventState.Member m : old.members) {
                if (!inRegion.contains(m.articleId())) {
                    wanted.get(keeper).add(m.articleId());
                }
            }
        }
        followOriginals(oldEvents, wanted);
        return wanted;
    }

    /** Every member of the neighbourhood's events, its features and its event, as they were before the regrouping. */
    private record FormerMembers(Map<String, EventState.Member> memberById, Map<String, MemberFeatures> featuresById,
                                 Map<String, String> eventOf) {

        static FormerMembers of(List<EventState> oldEvents) {
            Map<String, EventState.Member> memberById = new HashMap<>();
            Map<String, MemberFeatures> featuresById = new HashMap<>();
            Map<String, String> eventOf = new HashMap<>();
            for (EventState old : oldEvents) {
                for (EventState.Member m : old.members) {
                    memberById.put(m.articleId(), m);
                    eventOf.put(m.articleId(), old.eventId);
                    MemberFeatures f = old.features.get(m.articleId());
                    if (f != null) {
                        featuresById.put(m.articleId(), f);
                    }
                }
            }
            return new FormerMembers(memberById, featuresById, eventOf);
        }
    }

    /**
     * Gives the target event the members wanted for its cluster: it keeps those it has, the others arrive (with
     * their features and records) in arrival order, and the arriving article joins if it is in the cluster.
     * Returns false, changing nothing, when the members are already those wanted.
     */
    private boolean reform(EventState target, boolean fresh, boolean holdsNewcomer, Set<String> wanted,
                           FormerMembers former, Neighbourhood region, RawArticle article, long eventTime,
                           Map<String, String> splitFrom) {
        Set<String> before = new HashSet<>();
        target.members.forEach(m -> before.add(m.articleId()));
        if (before.equals(wanted)) {
            return false;
        }
        List<EventState.Member> kept = new ArrayList<>();
        for (EventState.Member m : target.members) {
            if (wanted.contains(m.articleId())) {
                kept.add(m);
            }
        }
        List<EventState.Member> arriving = arriving(wanted, before, former);
        if (fresh && !arriving.isEmpty()) {
            splitFrom.put(target.eventId, mainSource(arriving, former.eventOf()));
        }
        replaceMembers(target, kept, arriving, before.size());
        moveArrivingFeaturesAndRecords(target, wanted, arriving, former);
        if (!target.members.isEmpty()) {
            target.firstSeenAt = firstSeen(target);
        }
        if (holdsNewcomer) {
            region.placeArrivingArticle(target);
            MemberFeatures f = region.features.get(0);
            updates.addMember(target, article, f, eventTime, fresh && target.members.isEmpty() ? 1.0
                    : meanCosine(f, target), null);
        } else {
            target.version++;
            target.retireOldest(settings.regionMembersPerEvent());
            target.rebuild(settings.centroidTerms());
        }
        if (fresh && target.members.size() > 0) {
            nameAfterFounder(target);
        }
        return true;
    }

    /** The wanted members the event does not hold yet, in arrival order (then by article id). */
    private static List<EventState.Member> arriving(Set<String> wanted, Set<String> before, FormerMembers former) {
        List<EventState.Member> arriving = new ArrayList<>();
        for (String id : wanted) {
            if (!before.contains(id) && former.memberById().containsKey(id)) {
                arriving.add(former.memberById().get(id));
            }
        }
        arriving.sort(Comparator.comparingLong(EventState.Member::eventTime).thenComparing(EventState.Member::articleId));
        return arriving;
    }

    /** The kept members, then the arriving ones; those that left are counted, a new founder is noted. */
    private static void replaceMembers(EventState target, List<EventState.Member> kept, List<EventState.Member> arriving,
                                       int membersBefore) {
        String founderBefore = target.members.isEmpty() ? null : target.members.get(0).articleId();
        target.members.clear();
        target.members.addAll(kept);
        target.members.addAll(arriving);
        target.leftCount += membersBefore - kept.size();
        target.joined(arriving.stream().map(EventState.Member::articleId).toList());
        if (!target.members.isEmpty() && !target.members.get(0).articleId().equals(founderBefore)) {
            target.entryChanged(target.members.get(0).articleId()); // a new founder: its score is now 1.0
        }
    }

    /** The features of the members that stay and arrive; the arriving members' article records point to the event. */
    private void moveArrivingFeaturesAndRecords(EventState target, Set<String> wanted, List<EventState.Member> arriving,
                                                FormerMembers former) {
        target.features.keySet().retainAll(wanted);
        for (EventState.Member m : arriving) {
            MemberFeatures f = former.featuresById().get(m.articleId());
            if (f != null) {
                target.features.put(m.articleId(), f);
            }
        }
        for (EventState.Member m : arriving) {
            GroupingStores.ArticleRecord record = stores.article(m.articleId());
            if (record != null) {
                stores.moveArticle(record, target.eventId);
            }
        }
    }

    /** A new event takes its title and summary from its founder. */
    private static void nameAfterFounder(EventState target) {
        EventState.Member founder = target.members.get(0);
        target.title = founder.title();
        MemberFeatures f = target.features.get(founder.articleId());
        target.summary = f == null ? "" : f.lead();
    }

    /** The event most of the moved members come from (ties: the smaller id): the one a new event was split off. */
    private static String mainSource(List<EventState.Member> moved, Map<String, String> formerEventOf) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        moved.forEach(m -> counts.merge(formerEventOf.get(m.articleId()), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    /**
     * A copy goes where its original goes: copies are not in the neighbourhood (they have no
     * features of their own), so the clusters place only originals, and a copy left with its old
     * event's keeper would be split from an original that moved.
     */
    private static void followOriginals(List<EventState> oldEvents, List<Set<String>> wanted) {
        Map<String, Integer> clusterOf = new HashMap<>();
        for (int c = 0; c < wanted.size(); c++) {
            for (String id : wanted.get(c)) {
                clusterOf.put(id, c);
            }
        }
        for (EventState old : oldEvents) {
            for (EventState.Member m : old.members) {
                Integer from = clusterOf.get(m.articleId());
                Integer to = m.copyOf() == null ? null : clusterOf.get(m.copyOf());
                if (from != null && to != null && !from.equals(to)) {
                    wanted.get(from).remove(m.articleId());
                    wanted.get(to).add(m.articleId());
                    clusterOf.put(m.articleId(), to);
                }
            }
        }
    }

    /** Greedy, deterministic: largest overlaps first; among equal overlaps the older event, then the smaller id. */
    private static EventState[] assignIds(int clusterCount, List<EventState> oldEvents, int[][] overlap) {
        record Pair(int cluster, int event, int overlap) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int c = 0; c < clusterCount; c++) {
            for (int e = 0; e < oldEvents.size(); e++) {
                if (overlap[c][e] > 0) {
                    pairs.add(new Pair(c, e, overlap[c][e]));
                }
            }
        }
        pairs.sort(Comparator.comparingInt((Pair p) -> -p.overlap())
                .thenComparingLong(p -> oldEvents.get(p.event()).firstSeenAt)
                .thenComparing(p -> oldEvents.get(p.event()).eventId)
                .thenComparingInt(Pair::cluster));
        EventState[] target = new EventState[clusterCount];
        Set<Integer> used = new HashSet<>();
        for (Pair p : pairs) {
            if (target[p.cluster()] == null && used.add(p.event())) {
                target[p.cluster()] = oldEvents.get(p.event());
            }
        }
        return target;
    }

    /**
     * A new event founded by the arriving article is named after the article and its arrival time:
     * an article that comes back after its event closed (and left the stores) founds a new event,
     * it does not bring back the closed event's id at version 1 (consumers keep the higher version).
     * One split off from older events is named after its earliest member and the article that split
     * it. Should the id be taken (an event in this neighbourhood or open in the store), a counter is
     * added: still deterministic, never two events under one key.
     */
    private String newEventId(List<Integer> cluster, Neighbourhood region, RawArticle article, long eventTime,
                              Set<String> given) {
        String base = cluster.contains(0) ? EventGrouper.foundingKey(article.getArticleId(), eventTime)
                : region.articleIds.get(cluster.get(0)) + "/" + EventGrouper.foundingKey(article.getArticleId(), eventTime);
        String id = EventGrouper.eventIdFor(base);
        for (int n = 2; given.contains(id) || stores.holdsEvent(id); n++) {
            id = EventGrouper.eventIdFor(base + "#" + n);
        }
        return id;
    }

    private static long firstSeen(EventState event) {
        long first = Long.MAX_VALUE;
        for (EventState.Member m : event.members) {
            first = Math.min(first, m.eventTime());
        }
        return first;
    }

    /** The newcomer's mean cosine with the members it joins: its evidence score. */
    private static double meanCosine(MemberFeatures newcomer, EventState event) {
        TermSlots.Spread spread = new TermSlots.Spread(newcomer.vector());
        double sum = 0;
        int n = 0;
        // In member order, which a restarted task reads back the same: the sum comes out the same.
        for (EventState.Member m : event.members) {
            MemberFeatures f = event.features.get(m.articleId());
            if (f != null) {
                sum += spread.dot(f.vector());
                n++;
            }
        }
        return n == 0 ? 1.0 : sum / n;
    }
}
