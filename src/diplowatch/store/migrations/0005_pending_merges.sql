-- Blocks an ingest stored new reports for but has not merged yet (issue #14). A row is written
-- in the transaction that stores its article and deleted in the one that commits the block's
-- merge, so an ingest killed in between leaves it for the next one (store.pending): without
-- it the re-run finds the article unchanged and its events would never be merged.
CREATE TABLE pending_merges (
    block TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (block, article_id)
);
