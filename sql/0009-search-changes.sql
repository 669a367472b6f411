-- 0009: a log of the releases whose search facts changed, so each worker can bring its copy up to date.
-- Each worker keeps, per release, what search tests (is it published or scheduled, when, until when
-- a timed withdrawal, how long its document is) so a match costs no table lookup (cgi/rank.h).
-- Before a search it reads the rows logged since its last search and reads those releases again.
-- As in 0006, triggers write the log, in the same transaction as the change, so no writer can
-- forget it; search_catch_up() logs the documents it rebuilds (their lengths change).

CREATE TABLE search_changes (
  seq        INTEGER PRIMARY KEY,        -- ascending: a worker remembers the last one it applied
  release_id INTEGER NOT NULL            -- the release to read again; no foreign key, deletions count
);

-- The log keeps its last 10,000 rows; a worker that has fallen further behind reads everything again.
CREATE TRIGGER search_changes_trim AFTER INSERT ON search_changes BEGIN
  DELETE FROM search_changes WHERE seq <= NEW.seq - 10000;
END;

CREATE TRIGGER releases_facts_insert AFTER INSERT ON releases BEGIN
  INSERT INTO search_changes(release_id) VALUES (NEW.id);
END;
CREATE TRIGGER releases_facts_update AFTER UPDATE OF status, published_at, withdraw_at ON releases BEGIN
  INSERT INTO search_changes(release_id) VALUES (NEW.id);
END;
CREATE TRIGGER releases_facts_delete AFTER DELETE ON releases BEGIN
  INSERT INTO search_changes(release_id) VALUES (OLD.id);
END;
