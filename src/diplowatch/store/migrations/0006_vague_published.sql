-- Articles whose publication date names no day (YYYY-MM or YYYY, issue #14): a year- or undated
-- report of theirs may look at any cluster of its year or block, so patching a new day cluster
-- into a block reads them (store.windows.vague_records); the partial index keeps that read to
-- those few articles instead of every article of the store.
CREATE INDEX articles_vague_published ON articles (id) WHERE length(published) < 10;
