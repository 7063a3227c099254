-- Newsflow sink, schema version 3: bounded snapshots (NewsEvent schema version 2). A snapshot lists only some of
-- a big event's articles (the founder and the most recent, at most 50); the full membership comes from the
-- event-articles topic (EventMember, key = articleId), one row per article, moved when a merge or split moves the
-- article and deleted when its event is tombstoned. Rows of schema version 2 (one per listed article and event) are
-- dropped: the sink reads event-articles from its start, as it has no offsets of that topic yet.

DROP TABLE event_articles;
CREATE TABLE event_articles (
    article_id    varchar(200)  PRIMARY KEY,
    event_id      varchar(200)  NOT NULL,
    event_version bigint        NOT NULL,
    source        varchar(2000) NOT NULL,
    url           varchar(4000),
    title         varchar(1000) NOT NULL,
    published_at  timestamptz,
    score         double precision NOT NULL,
    copy_of       varchar(200),
    written_at    timestamptz   NOT NULL DEFAULT now()
);
COMMENT ON TABLE event_articles IS 'The event of every article (the event-articles topic): all members of each event.';
COMMENT ON COLUMN event_articles.event_version IS 'The version of the event''s snapshot published with this assignment.';
CREATE INDEX event_articles_event_id_idx ON event_articles (event_id);
COMMENT ON COLUMN events.article_count IS 'Member articles in all (NewsEvent.articleCount); the snapshot lists at most 50.';
