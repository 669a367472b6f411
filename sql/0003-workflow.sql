-- 0003: the editorial workflow: review, schedules, withdrawal, editions with change notes, staff comments.

ALTER TABLE releases ADD COLUMN withdraw_at TEXT;          -- scheduled withdrawal (UTC), NULL for none; past means withdrawn
ALTER TABLE releases ADD COLUMN submitted_by INTEGER REFERENCES users(id); -- who last submitted it for review
ALTER TABLE releases ADD COLUMN reviewed_by INTEGER REFERENCES users(id);  -- editor who last approved it or sent it back
ALTER TABLE releases ADD COLUMN review_note TEXT;          -- the reviewer's comment when changes were requested
ALTER TABLE releases ADD COLUMN override_reason TEXT;      -- an admin's reason for publishing without review, NULL otherwise
ALTER TABLE releases ADD COLUMN override_by INTEGER REFERENCES users(id);     -- the admin who published without review
ALTER TABLE releases ADD COLUMN override_checked_by INTEGER REFERENCES users(id); -- editor who looked at an override afterwards
ALTER TABLE releases ADD COLUMN replaced_by INTEGER REFERENCES releases(id); -- where an unpublished release's URL now leads
ALTER TABLE releases ADD COLUMN unpublished_at TEXT;       -- when it was taken down, NULL otherwise
ALTER TABLE releases ADD COLUMN edition INTEGER NOT NULL DEFAULT 1; -- number of the edition the public sees

-- The next edition of a published release, while it is being written and reviewed; the
-- releases row keeps serving the live edition, unchanged, until this one is published.
CREATE TABLE release_drafts (
  release_id   INTEGER PRIMARY KEY REFERENCES releases(id) ON DELETE CASCADE, -- the published release
  title        TEXT NOT NULL,            -- headline of the next edition
  summary      TEXT NOT NULL,            -- summary of the next edition
  body         TEXT NOT NULL,            -- Markdown of the next edition
  event_id     INTEGER REFERENCES events(id), -- event of the next edition
  status       TEXT NOT NULL DEFAULT 'draft'
               CHECK (status IN ('draft','submitted','changes_requested','approved')), -- its review state
  change_note  TEXT,                     -- what changed, for readers when major
  major        INTEGER NOT NULL DEFAULT 0 CHECK (major IN (0,1)), -- 1: the change note is shown publicly
  submitted_by INTEGER REFERENCES users(id), -- who submitted it
  reviewed_by  INTEGER REFERENCES users(id), -- who approved it or sent it back
  review_note  TEXT,                     -- the reviewer's comment
  created_by   INTEGER NOT NULL REFERENCES users(id), -- who started the edition
  updated_at   TEXT NOT NULL             -- last save
);

-- One row per edition published after the first: the public "Updated ..." list.
CREATE TABLE release_changes (
  id          INTEGER PRIMARY KEY,       -- order of the changes
  release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE, -- which release
  edition     INTEGER NOT NULL,          -- the edition this change published
  at          TEXT NOT NULL,             -- when it was published
  note        TEXT NOT NULL,             -- what changed, in the editor's words
  major       INTEGER NOT NULL CHECK (major IN (0,1)), -- 1: listed on the public page
  published_by INTEGER NOT NULL REFERENCES users(id) -- who published it
);
CREATE INDEX release_changes_by_release ON release_changes(release_id, id);

-- Staff-only notes on a release.
CREATE TABLE release_comments (
  id         INTEGER PRIMARY KEY,        -- order of the comments
  release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE, -- which release
  user_id    INTEGER NOT NULL REFERENCES users(id), -- who wrote it
  at         TEXT NOT NULL,              -- when
  body       TEXT NOT NULL               -- the comment, plain text
);
CREATE INDEX release_comments_by_release ON release_comments(release_id, id);

-- A secret per editor for the review queue's Atom feed; only its hash is kept.
ALTER TABLE users ADD COLUMN feed_token_hash TEXT;        -- hex BLAKE2b of the feed token, NULL until one is made

CREATE INDEX releases_by_status ON releases(status, updated_at DESC);

-- Never lose work: a double submit finds the release its first submit made...
ALTER TABLE releases ADD COLUMN form_key TEXT;             -- random key of the form that created it; NULL for loaded data
CREATE UNIQUE INDEX releases_by_form_key ON releases(form_key) WHERE form_key IS NOT NULL;

-- ...and a form posted after the session ended waits here until its author logs in again.
CREATE TABLE parked_forms (
  token_hash TEXT PRIMARY KEY,           -- hex BLAKE2b of the browser's pr_parked cookie
  path       TEXT NOT NULL,              -- where the form was posted
  body       TEXT NOT NULL,              -- the urlencoded form as it was sent, csrf token removed
  created_at TEXT NOT NULL               -- when; kept for a day at most
) WITHOUT ROWID;
