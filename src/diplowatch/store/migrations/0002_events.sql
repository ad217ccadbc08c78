-- Merged real-world events (issue #5): one row per event, its reports and actors linked.
-- Portable SQL (SQLite and PostgreSQL): no AUTOINCREMENT, no reserved column names.
-- Rows of one block (type + canonical actor set) are always replaced together.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    block TEXT NOT NULL,             -- resolve.merge.block_key of its reports
    type TEXT NOT NULL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    event_date TEXT,
    date_precision TEXT,
    date_basis TEXT,
    sort_date TEXT NOT NULL,         -- event_date or '' (keyset paging needs NOT NULL)
    location TEXT,
    actors TEXT NOT NULL,            -- JSON list of [actor_id, name, country]
    langs TEXT NOT NULL,             -- JSON list of language codes
    n_reports INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    first_reported TEXT,
    last_reported TEXT,
    confidence REAL NOT NULL,
    conflicts TEXT NOT NULL,         -- JSON list: date, status
    evidential INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_block ON events (block);
CREATE INDEX events_sort ON events (sort_date, id);
CREATE INDEX events_mode ON events (mode, sort_date);
CREATE INDEX events_status ON events (status, sort_date);

CREATE TABLE event_reports (
    event_id TEXT NOT NULL,
    report_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (event_id, report_id)
);
CREATE INDEX event_reports_report ON event_reports (report_id);
CREATE INDEX event_reports_article ON event_reports (article_id);

CREATE TABLE event_actors (
    event_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,          -- lang.keys.phrase_key(name), for actors outside the KB
    last_key TEXT NOT NULL,          -- its last word (a surname query)
    country TEXT,
    sort_date TEXT NOT NULL,
    PRIMARY KEY (event_id, actor_id)
);
CREATE INDEX event_actors_actor ON event_actors (actor_id, sort_date);
CREATE INDEX event_actors_country ON event_actors (country, sort_date);
CREATE INDEX event_actors_key ON event_actors (name_key);
CREATE INDEX event_actors_last ON event_actors (last_key);
