-- 0012: search ranks with FTS5's own bm25() and reads the releases table for what is listed, so
-- the log that kept each worker's copy of search facts current (0009, 0011) has no reader left.
-- The stale list of 0006 stays: the writer's commit empties it (db_commit), so no search writes.
DROP TRIGGER releases_fts_rebuilt;
DROP TRIGGER releases_facts_insert;
DROP TRIGGER releases_facts_update;
DROP TRIGGER releases_facts_delete;
DROP TRIGGER search_changes_trim;
DROP TABLE search_changes;
