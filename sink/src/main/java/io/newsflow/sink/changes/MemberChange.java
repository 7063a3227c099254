package io.newsflow.sink.changes;

import io.newsflow.schemas.EventMember;

/**
 * What one batch does to one article's membership: the latest event-articles record of the article in the
 * batch. An article's records all come through one partition (key = articleId), so the latest is the truth.
 *
 * @param articleId the article
 * @param member    its event and entry, or null: the tombstone of a tombstoned event's article
 * @param origin    the record behind the change
 */
public record MemberChange(String articleId, EventMember member, RecordOrigin origin) {

    public boolean deletes() {
        return member == null;
    }
}
