package io.newsflow.enrich.grouping.clustering;

import io.newsflow.enrich.grouping.state.EventState;
import io.newsflow.enrich.grouping.state.MemberFeatures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Articles being re-grouped: item 0 is the arriving article (no event yet), the rest are members of events. */
public final class Neighbourhood {

    /** Each item's event (null for the arriving article), article id and features, by position. */
    public final List<EventState> events = new ArrayList<>();
    public final List<String> articleIds = new ArrayList<>();
    public final List<MemberFeatures> features = new ArrayList<>();
    private final List<SharedNeighbourClustering.Item> items = new ArrayList<>();
    /** The events of the region, in the order they were first met. */
    public final Map<String, EventState> regionEvents = new LinkedHashMap<>();
    /** The event regrouping placed the arriving article (item 0) in. */
    private EventState arrivingArticleEvent;

    public void add(EventState event, String articleId, MemberFeatures f) {
        events.add(event);
        articleIds.add(articleId);
        features.add(f);
        items.add(new SharedNeighbourClustering.Item(f.vector(), f.day(), EventSimilarity.holders(f)));
        if (event != null) {
            regionEvents.putIfAbsent(event.eventId, event);
        }
    }

    public int size() {
        return items.size();
    }

    public List<SharedNeighbourClustering.Item> items() {
        return items;
    }

    public void placeArrivingArticle(EventState event) {
        arrivingArticleEvent = event;
    }

    public EventState arrivingArticleEvent() {
        return arrivingArticleEvent;
    }
}
