-- The incremental event update (issue #14) reads the events of a busy block around a few
-- days (store.events._day_window); (block, sort_date) serves that and every block lookup.
DROP INDEX events_block;
CREATE INDEX events_block_date ON events (block, sort_date);
