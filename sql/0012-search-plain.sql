-- 0012: search ranks with FTS5's own bm25() and reads the releases table for what is listed, so
-- the log that kept each worker's copy of search facts current (0009, 0011) has no reader left.
-- The stale list of 0006 stays: the writer's commit empties it (db_commit), so no search writes.
DROP TRIGGER releases_fts_rebuilt;
DROP TRIGGER releases_facts_insert;
DROP TRIGGER releases_facts_update;
DROP TRIGGER releases_facts_delete;
DROP TRIGGER search_changes_trim;
DROP TABLE search_changes;
-- Every write now rebuilds its releases' documents before it commits, so a document must cost
-- little: 0006's view found the event's organisations through event_organizations, which SQLite
-- materialises whole (every sponsor, delegation and member) for each document: 190 ms a save at
-- 10,000 releases. The same names, with the event pushed into each arm's index: 1 ms.
DROP VIEW release_search_docs;
CREATE VIEW release_search_docs(id, title, summary, body, event, orgs) AS
  SELECT r.id, r.title, r.summary, r.body, coalesce(e.title, ''),
    coalesce((SELECT group_concat(o.name || coalesce(' ' || o.short_name, ''), ' ')
              FROM organizations o WHERE o.id IN (
                SELECT organization_id FROM sponsors WHERE event_id = r.event_id
                UNION SELECT organization_id FROM delegations WHERE event_id = r.event_id
                UNION SELECT m.organization_id FROM delegations d JOIN delegation_members m ON m.delegation_id = d.id
                      WHERE d.event_id = r.event_id)), '')
  FROM releases r LEFT JOIN events e ON e.id = r.event_id;
