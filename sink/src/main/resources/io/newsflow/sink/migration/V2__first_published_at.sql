-- Newsflow sink, schema version 2: when an event was first reported, beside when Newsflow first saw it.
-- NewsEvent.firstSeenAt is the earliest fetch time of the event's articles; firstPublishedAt (schema version 2)
-- the earliest publication time their outlets give, null when none says or the snapshot predates the field.

ALTER TABLE events ADD COLUMN first_published_at timestamptz;
COMMENT ON COLUMN events.first_seen_at IS 'When Newsflow first saw a report of the event: the earliest fetch time of its articles.';
COMMENT ON COLUMN events.first_published_at IS 'The earliest publication time among the event''s articles; null when unknown.';
CREATE INDEX events_first_published_at_idx ON events (first_published_at);
