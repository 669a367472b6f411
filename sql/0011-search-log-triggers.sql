-- 0011: the search logs (0006's releases_fts_stale, 0009's search_changes) kept by triggers only.
-- A release whose id is changed by hand (UPDATE releases SET id) is two releases for search: the
-- old id gone, the new one to index and read again. The documents search_catch_up rebuilds are
-- logged by a trigger on the stale list it empties, not by C, so an older binary or a catch-up run
-- by hand logs them too, and so are such ids, for the workers' copies. (INSERT OR REPLACE deleting a row through a conflict fires no delete
-- trigger while recursive_triggers is off; no code here writes releases that way.)

CREATE TRIGGER releases_fts_id AFTER UPDATE OF id ON releases BEGIN
  INSERT OR IGNORE INTO releases_fts_stale VALUES (OLD.id);
  INSERT OR IGNORE INTO releases_fts_stale VALUES (NEW.id);
END;
CREATE TRIGGER releases_fts_rebuilt AFTER DELETE ON releases_fts_stale BEGIN
  INSERT INTO search_changes(release_id) VALUES (OLD.release_id);
END;
