-- News sources polled by `diplowatch fetch` (issue #16), and every URL fetched from them.
-- Portable SQL (SQLite and PostgreSQL): no AUTOINCREMENT, no reserved column names.
CREATE TABLE sources (
    id TEXT PRIMARY KEY,             -- short stable id derived from the URL
    url TEXT NOT NULL UNIQUE,
    name TEXT,
    lang TEXT,                       -- language hint for its articles (ISO 639-1)
    kind TEXT,                       -- rss | atom | sitemap | sitemapindex | page, once fetched
    etag TEXT,                       -- validators of the last 200 answer, for conditional GET
    last_modified TEXT,
    added_at TEXT NOT NULL,
    last_fetch TEXT,
    last_status TEXT,                -- ok | unchanged | failed
    last_error TEXT,
    n_new INTEGER NOT NULL DEFAULT 0,        -- counts of the last fetch
    n_unchanged INTEGER NOT NULL DEFAULT 0,
    n_failed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE fetched_urls (
    url TEXT PRIMARY KEY,            -- the URL asked for, and also the canonical URL it named
    source_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    updated TEXT,                    -- the feed's date for the entry when it was fetched
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT NOT NULL
);
CREATE INDEX fetched_urls_article ON fetched_urls (article_id);
CREATE INDEX articles_url ON articles (url);
