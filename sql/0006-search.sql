-- 0006: full-text search over releases (FTS5), and the indexes behind the filtered, keyset-paged listing.
--
-- What changed is recorded by triggers rather than by C code: releases, events, organisations and
-- the links between them are written from several places (the release form, the workflow's edition
-- publishing, the demo loader, pressroomctl, a person with sqlite3), and a trigger runs in the same
-- transaction as each of them, so no writer can forget the index. (Why the triggers only note the
-- change, and C rebuilds the documents: see releases_fts_stale.)
-- Every release is indexed, drafts too: whether a reader may find one is decided at query time by
-- the same clock-comparing predicate as the listing, so a schedule or a timed withdrawal takes effect
-- in search on the minute with no job rewriting the index.

-- The organisations an event involves: organisers, sponsors, hosts and partners, the senders of its
-- delegations and the departments of their members. Search indexes their names; the listing's
-- organisation filter finds events through it.
CREATE VIEW event_organizations(event_id, organization_id) AS
  SELECT event_id, organization_id FROM sponsors
  UNION SELECT event_id, organization_id FROM delegations WHERE organization_id IS NOT NULL
  UNION SELECT d.event_id, m.organization_id FROM delegation_members m JOIN delegations d ON d.id = m.delegation_id
        WHERE m.organization_id IS NOT NULL;
CREATE INDEX delegations_by_org ON delegations(organization_id);
CREATE INDEX members_by_org ON delegation_members(organization_id);

-- What search reads of a release: its live text (a next edition in release_drafts is not public
-- and stays out until it is published into the releases row) and the names around its event.
CREATE VIEW release_search_docs(id, title, summary, body, event, orgs) AS
  SELECT r.id, r.title, r.summary, r.body, coalesce(e.title, ''),
    coalesce((SELECT group_concat(o.name || coalesce(' ' || o.short_name, ''), ' ')
              FROM organizations o JOIN event_organizations eo ON eo.organization_id = o.id
              WHERE eo.event_id = r.event_id), '')
  FROM releases r LEFT JOIN events e ON e.id = r.event_id;

-- One row per release, its rowid the release's id. Porter stemming so "workshops" finds "workshop";
-- diacritics folded so "Cote d'Ivoire" finds "Côte d'Ivoire".
CREATE VIRTUAL TABLE releases_fts USING fts5(
  title,                                 -- the release's headline; ranked highest
  summary,                               -- its one- or two-sentence summary
  body,                                  -- its Markdown body as written (markup is punctuation to the tokenizer)
  event,                                 -- the title of the event it is about, '' for none
  orgs,                                  -- names and short names of the event's organisations, space-separated
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO releases_fts(rowid, title, summary, body, event, orgs) SELECT * FROM release_search_docs;

-- Releases whose document must be read again. A trigger may not write releases_fts itself: the
-- connection runs with trusted_schema=OFF (db.c), under which SQLite refuses virtual tables in
-- triggers. So the triggers below note what changed, in the same transaction as the change, and
-- db_catch_up_search() (db.c) rebuilds those documents as each writer commits (see 0012).
CREATE TABLE releases_fts_stale (
  release_id INTEGER PRIMARY KEY         -- a release (or a deleted release's id) to re-read; no foreign key, deletions count
);

-- The release's own text (a published edition is an UPDATE of these columns), and its removal.
CREATE TRIGGER releases_fts_insert AFTER INSERT ON releases BEGIN
  INSERT OR IGNORE INTO releases_fts_stale VALUES (NEW.id);
END;
CREATE TRIGGER releases_fts_update AFTER UPDATE OF title, summary, body, event_id ON releases BEGIN
  INSERT OR IGNORE INTO releases_fts_stale VALUES (NEW.id);
END;
CREATE TRIGGER releases_fts_delete AFTER DELETE ON releases BEGIN
  INSERT OR IGNORE INTO releases_fts_stale VALUES (OLD.id);
END;

-- The names around it: an event's title, an organisation's names, and the rows that make an
-- organisation part of an event (an UPDATE may move a row between events: both count).
CREATE TRIGGER events_fts_title AFTER UPDATE OF title ON events BEGIN
  INSERT OR IGNORE INTO releases_fts_stale SELECT id FROM releases WHERE event_id = NEW.id;
END;
CREATE TRIGGER organizations_fts_name AFTER UPDATE OF name, short_name ON organizations BEGIN
  INSERT OR IGNORE INTO releases_fts_stale SELECT id FROM releases
    WHERE event_id IN (SELECT event_id FROM event_organizations WHERE organization_id = NEW.id);
END;
CREATE TRIGGER sponsors_fts_insert AFTER INSERT ON sponsors BEGIN
  INSERT OR IGNORE INTO releases_fts_stale SELECT id FROM releases WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER sponsors_fts_update AFTER UPDATE ON sponsors BEGIN
  INSERT OR IGNORE INTO releases_fts_stale SELECT id FROM releases WHERE event_id IN (OLD.event_id, NEW.event_id);
END;
CREATE TRIGGER sponsors_fts_delete AFTER DELETE ON sponsors BEGIN
  INSERT OR IGNORE INTO releases_fts_stale SELECT id FROM releases WHERE event_id = OLD.event_id;
END;
CREATE TRIGGER delegations_fts_insert AFTER INSERT ON delegations BEGIN
  INSERT OR IGNORE INTO releases_fts_stale SELECT id FROM releases WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER delegations_fts_update AFTER UPDATE ON delegations BEGIN
  INSERT OR IGNORE INTO releases_fts_stale SELECT id FROM releases WHERE event_id IN (OLD.event_id, NEW.event_id);
END;
CREATE TRIGGER delegations_fts_delete AFTER DELETE ON delegations BEGIN
  INSERT OR IGNORE INTO releases_fts_stale SELECT id FROM releases WHERE event_id = OLD.event_id;
END;
CREATE TRIGGER members_fts_insert AFTER INSERT ON delegation_members BEGIN
  INSERT OR IGNORE INTO releases_fts_stale SELECT id FROM releases
    WHERE event_id IN (SELECT event_id FROM delegations WHERE id = NEW.delegation_id);
END;
CREATE TRIGGER members_fts_update AFTER UPDATE ON delegation_members BEGIN
  INSERT OR IGNORE INTO releases_fts_stale SELECT id FROM releases
    WHERE event_id IN (SELECT event_id FROM delegations WHERE id IN (OLD.delegation_id, NEW.delegation_id));
END;
CREATE TRIGGER members_fts_delete AFTER DELETE ON delegation_members BEGIN
  INSERT OR IGNORE INTO releases_fts_stale SELECT id FROM releases
    WHERE event_id IN (SELECT event_id FROM delegations WHERE id = OLD.delegation_id);
END;

-- The public listing walks this index newest first and stops after a page: a keyset cursor
-- (published_at, id) starts the walk anywhere at the same cost. It holds every column the listing
-- and its count test, so neither reads the table; partial, so drafts and the unpublished never enter it.
CREATE INDEX releases_listed ON releases(published_at, id, withdraw_at, event_id, status)
  WHERE status IN ('published','scheduled');
-- The kind and country filters find their events here; the country filter's choices too.
CREATE INDEX events_by_kind ON events(kind);
CREATE INDEX events_by_country ON events(country);
