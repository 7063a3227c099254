package io.newsflow.enrich.grouping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Articles being re-grouped: item 0 is the arriving article (no event yet), the rest are members of events. */
final class Neighbourhood {

    /** Each item's event (null for the arriving article), article id and features, by position. */
    final List<EventState> events = new ArrayList<>();
    final List<String> articleIds = new ArrayList<>();
    final List<MemberFeatures> features = new ArrayList<>();
    private final List<SharedNeighbourClustering.Item> items = new ArrayList<>();
    /** The events of the region, in the order they were first met. */
    final Map<String, EventState> regionEvents = new LinkedHashMap<>();
    /** The event regrouping placed the arriving article (item 0) in. */
    private EventState arrivingArticleEvent;

    void add(EventState event, String articleId, MemberFeatures f) {
        events.add(event);
        articleIds.add(articleId);
        features.add(f);
        items.add(new SharedNeighbourClustering.Item(f.vector(), f.day(), f.holders()));
        if (event != null) {
            regionEvents.putIfAbsent(event.eventId, event);
        }
    }

    int size() {
        return items.size();
    }

    List<SharedNeighbourClustering.Item> items() {
        return items;
    }

    void placeArrivingArticle(EventState event) {
        arrivingArticleEvent = event;
    }

    EventState arrivingArticleEvent() {
        return arrivingArticleEvent;
    }
}
