-- Newsflow sink, schema version 1: events as queryable tables plus the full snapshot as JSONB.
-- Each table holds the latest snapshot of each live event; merged-away events are removed from
-- "events" and the child tables and remembered in "event_merges".
-- The child tables have no foreign key to "events": the sink writes and deletes an event and its child rows in
-- one transaction, and the per-row foreign-key checks cost a third of the database time per snapshot.

CREATE TABLE events (
    event_id            varchar(200)  PRIMARY KEY,
    version             bigint        NOT NULL,
    first_seen_at       timestamptz   NOT NULL,
    last_updated_at     timestamptz   NOT NULL,
    event_date          date,
    title               varchar(1000) NOT NULL,
    summary             text          NOT NULL,
    independent_sources integer       NOT NULL,
    article_count       integer       NOT NULL,
    snapshot            jsonb         NOT NULL,
    written_at          timestamptz   NOT NULL DEFAULT now()
);
COMMENT ON TABLE events IS 'Latest snapshot of each live event (merged-away events are removed, see event_merges).';
COMMENT ON COLUMN events.snapshot IS 'The full NewsEvent snapshot as JSON: Avro field names, times as ISO-8601 UTC strings.';
CREATE INDEX events_first_seen_at_idx ON events (first_seen_at);
CREATE INDEX events_last_updated_at_idx ON events (last_updated_at);
CREATE INDEX events_event_date_idx ON events (event_date);
-- No GIN index on snapshot: it cost about 30% of the database time per snapshot in the benchmark, and the
-- obvious queries go through the columns and child tables. Add one if you query the JSON a lot:
--   CREATE INDEX events_snapshot_idx ON events USING gin (snapshot jsonb_path_ops);

CREATE TABLE event_articles (
    event_id     varchar(200)  NOT NULL,
    position     integer       NOT NULL,
    article_id   varchar(200)  NOT NULL,
    source       varchar(2000) NOT NULL,
    url          varchar(4000),
    title        varchar(1000) NOT NULL,
    published_at timestamptz,
    score        double precision NOT NULL,
    copy_of      varchar(200),
    PRIMARY KEY (event_id, position)
);
COMMENT ON TABLE event_articles IS 'Member articles of each event, in order of arrival.';
CREATE INDEX event_articles_article_id_idx ON event_articles (article_id);

CREATE TABLE event_countries (
    event_id         varchar(200) NOT NULL,
    position         integer      NOT NULL,
    code             varchar(2)   NOT NULL,
    name             varchar(200) NOT NULL,
    mentions         integer      NOT NULL,
    in_title_or_lead boolean      NOT NULL,
    PRIMARY KEY (event_id, position)
);
COMMENT ON TABLE event_countries IS 'Countries each event involves (ISO 3166-1 alpha-2), most mentioned first.';
CREATE INDEX event_countries_code_idx ON event_countries (code, event_id);

CREATE TABLE event_officials (
    event_id        varchar(200) NOT NULL,
    position        integer      NOT NULL,
    official_key    varchar(300) NOT NULL,
    name            varchar(300) NOT NULL,
    role            varchar(300),
    role_as_written varchar(300),
    country         varchar(2),
    mentions        integer      NOT NULL,
    PRIMARY KEY (event_id, position)
);
COMMENT ON TABLE event_officials IS 'Office holders each event names; official_key is the normalised name for joins.';
CREATE INDEX event_officials_key_idx ON event_officials (official_key, event_id);
CREATE INDEX event_officials_country_idx ON event_officials (country, event_id);

CREATE TABLE event_merges (
    absorbed_event_id varchar(200) PRIMARY KEY,
    survivor_event_id varchar(200) NOT NULL,
    recorded_at       timestamptz  NOT NULL DEFAULT now()
);
COMMENT ON TABLE event_merges IS 'Events merged into another one: follow survivor_event_id (possibly more than once).';
CREATE INDEX event_merges_survivor_idx ON event_merges (survivor_event_id);

-- Exactly once: the next offset to read per partition, written in the same transaction as the rows.
CREATE TABLE sink_offsets (
    topic       varchar(300) NOT NULL,
    partition   integer      NOT NULL,
    next_offset bigint       NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition)
);
COMMENT ON TABLE sink_offsets IS 'Where the sink resumes on each partition; committed atomically with the event rows.';
