package io.newsflow.eval;

import io.newsflow.eval.GroupingEvaluation;
import io.newsflow.enrich.grouping.clustering.GroupingSettings;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups the labelled articles in one arrival order with the production topology and scores the events. */
public final class GroupingRun {

    /** When the first article arrives; each next one a millisecond later, in the order evaluated. */
    private static final Instant ARRIVALS = Instant.parse("2026-01-01T00:00:00Z");

    private final EvalArticles articles;
    private final GroupingSettings settings;

    public GroupingRun(EvalArticles articles, GroupingSettings settings) {
        this.articles = articles;
        this.settings = settings;
    }

    public GroupingOutcome run(ArrivalOrder order) {
        List<String> files = order.arrange(articles.fileNames(), articles.wireCopyNames());
        List<RawArticle> arrivals = new ArrayList<>();
        for (String file : files) {
            for (RawArticle article : articles.articlesOfFile().get(file)) {
                // Arrival times drive grouping (event ids, decay): fixed ones make a run repeatable.
                arrivals.add(RawArticle.newBuilder(article).setFetchedAt(ARRIVALS.plusMillis(arrivals.size())).build());
            }
        }
        // The full membership is on event-articles: a snapshot lists only some members of a big event.
        Map<String, EventMember> members = GroupingEvaluation.finalState(arrivals, settings).members();
        Map<String, String> eventOfArticle = new HashMap<>();
        members.forEach((articleId, member) -> eventOfArticle.put(articleId, member.getEventId()));
        Map<String, String> predicted = new LinkedHashMap<>();
        for (String file : articles.fileNames()) {
            String articleId = articles.articlesOfFile().get(file).get(0).getArticleId();
            // An article no event lists is its own singleton: nothing is dropped from the score.
            predicted.put(file, eventOfArticle.getOrDefault(articleId, "unassigned:" + file));
        }
        long markedCopies = members.values().stream().filter(m -> m.getCopyOf() != null).count();
        return GroupingOutcome.of(order, predicted, articles.goldEventOfFile(), markedCopies);
    }
}
