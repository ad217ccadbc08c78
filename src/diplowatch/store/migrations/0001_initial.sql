-- Initial schema: articles (versioned), mentions, event reports with provenance, actors.
-- Portable SQL (SQLite and PostgreSQL): no AUTOINCREMENT, no reserved column names.
CREATE TABLE articles (
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL,            -- ok | failed
    error TEXT,
    origin TEXT,
    url TEXT,
    title TEXT,
    source TEXT,
    published TEXT,
    published_source TEXT,
    published_doubtful INTEGER NOT NULL DEFAULT 0,
    published_note TEXT,
    lang TEXT,
    text TEXT,
    html TEXT,
    clean_text TEXT,
    paragraphs TEXT,                 -- JSON list of [start, end, kind, lang]
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX articles_current ON articles (is_current, id);
CREATE INDEX articles_hash ON articles (content_hash);

CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    start_pos INTEGER NOT NULL,
    end_pos INTEGER NOT NULL,
    surface TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_id TEXT,
    name TEXT,
    country TEXT,
    rule TEXT,
    confidence REAL
);
CREATE INDEX mentions_article ON mentions (article_id, version);
CREATE INDEX mentions_actor ON mentions (actor_id);

CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    event_date TEXT,
    date_precision TEXT,
    date_basis TEXT,
    date_doubtful INTEGER NOT NULL DEFAULT 0,
    location TEXT,
    evidential INTEGER NOT NULL DEFAULT 0,
    lang TEXT,
    sent_start INTEGER NOT NULL,
    sent_end INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    rule TEXT,
    confidence REAL,
    actors TEXT NOT NULL             -- JSON list of ActorRef
);
CREATE INDEX reports_article ON reports (article_id, version);

CREATE TABLE report_actors (
    report_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    start_pos INTEGER,
    end_pos INTEGER
);
CREATE INDEX report_actors_actor ON report_actors (actor_id);
CREATE INDEX report_actors_report ON report_actors (report_id);
CREATE INDEX report_actors_country ON report_actors (country);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    source TEXT,
    aliases TEXT,                    -- JSON list
    roles TEXT                       -- JSON list
);
