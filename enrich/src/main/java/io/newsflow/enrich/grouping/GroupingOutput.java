package io.newsflow.enrich.grouping;

import io.newsflow.schemas.DeadLetter;
import io.newsflow.schemas.EventMember;
import io.newsflow.schemas.NewsEvent;
import org.apache.avro.specific.SpecificRecord;

/**
 * A record the grouping processor hands on, and the topic it goes to: a tombstone (null value) cannot say
 * by its type whether it ends an event or an article's membership.
 */
public record GroupingOutput(Topic topic, SpecificRecord value) {

    /** Where a grouping output goes. */
    public enum Topic {
        /** An event snapshot, or an event's tombstone: key = event id. */
        EVENTS,
        /** An article's event, or the tombstone of its membership: key = article id. */
        EVENT_ARTICLES,
        /** An article grouping could not place: key = article id. */
        DEAD_LETTERS
    }

    static GroupingOutput event(NewsEvent snapshot) {
        return new GroupingOutput(Topic.EVENTS, snapshot);
    }

    static GroupingOutput member(EventMember member) {
        return new GroupingOutput(Topic.EVENT_ARTICLES, member);
    }

    static GroupingOutput deadLetter(DeadLetter letter) {
        return new GroupingOutput(Topic.DEAD_LETTERS, letter);
    }
}
