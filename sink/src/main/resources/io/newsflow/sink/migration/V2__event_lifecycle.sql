-- Newsflow sink, schema version 2: NewsEvent schema version 2's lifecycle and publication time.
-- first_seen_at is the earliest fetch time of the event's articles; first_published_at the earliest publication
-- time their outlets give (null when none says, or the snapshot predates the field); change what the latest
-- snapshot recorded (CREATED, UPDATED, ABSORBED, SPLIT_FROM, MERGED_INTO, CLOSED; UPDATED for snapshots of schema
-- version 1). A CLOSED event stays until its tombstone, one idle timeout after it closed.

ALTER TABLE events ADD COLUMN first_published_at timestamptz;
ALTER TABLE events ADD COLUMN change varchar(20) NOT NULL DEFAULT 'UPDATED';
COMMENT ON COLUMN events.first_seen_at IS 'When Newsflow first saw a report of the event: the earliest fetch time of its articles.';
COMMENT ON COLUMN events.first_published_at IS 'The earliest publication time among the event''s articles; null when unknown.';
COMMENT ON COLUMN events.change IS 'What the stored snapshot recorded (NewsEvent.change); CLOSED: no news for the idle timeout.';
CREATE INDEX events_first_published_at_idx ON events (first_published_at);
