-- 0001: the core schema: organisations, events, sponsors, delegations, releases, people and their trail.
-- Times are UTC ISO 8601 text (2025-02-24T02:00:00Z); dates of events are plain YYYY-MM-DD.

CREATE TABLE countries (
  code TEXT PRIMARY KEY,                 -- ISO 3166-1 alpha-2 code, upper case (TH)
  name TEXT NOT NULL                     -- English short name shown to readers (Thailand)
) WITHOUT ROWID;

CREATE TABLE organizations (
  id         INTEGER PRIMARY KEY,        -- stable id, used in URLs of the admin side and the API
  slug       TEXT NOT NULL UNIQUE,       -- readable public key (unodc)
  name       TEXT NOT NULL UNIQUE,       -- full name (United Nations Office on Drugs and Crime)
  short_name TEXT,                       -- acronym or short form (UNODC), NULL when none
  kind       TEXT NOT NULL DEFAULT 'other'
             CHECK (kind IN ('government','un_agency','intergovernmental','ngo','other')), -- what sort of body it is
  country    TEXT REFERENCES countries(code), -- seat of the organisation, NULL for international bodies
  website    TEXT,                       -- public web address, NULL when unknown
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) -- when the record was made
);

CREATE TABLE events (
  id           INTEGER PRIMARY KEY,      -- stable id
  slug         TEXT NOT NULL UNIQUE,     -- readable public key used in /events/<slug>
  title        TEXT NOT NULL,            -- the event's own name
  kind         TEXT NOT NULL DEFAULT 'meeting'
               CHECK (kind IN ('workshop','conference','meeting','training','visit','other')), -- sort of event
  starts_on    TEXT NOT NULL,            -- first day, YYYY-MM-DD, local to the venue
  ends_on      TEXT NOT NULL,            -- last day, YYYY-MM-DD, never before starts_on
  venue        TEXT,                     -- building or hotel, NULL when not told
  city         TEXT,                     -- city where it took place
  country      TEXT REFERENCES countries(code), -- ISO 3166-1 alpha-2 of the host country
  participants INTEGER CHECK (participants IS NULL OR participants >= 0), -- people who took part in all, NULL when unknown
  countries    INTEGER CHECK (countries IS NULL OR countries >= 0),       -- countries they came from, NULL when unknown
  summary      TEXT,                     -- one paragraph about the event itself
  created_by   INTEGER REFERENCES users(id), -- account that first recorded it, NULL for loaded data
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), -- when the record was made
  CHECK (ends_on >= starts_on)
);
CREATE INDEX events_by_date ON events(starts_on DESC);

-- The card calls organisers and sponsors alike "sponsors": one row per organisation and its role.
CREATE TABLE sponsors (
  event_id        INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,  -- the event
  organization_id INTEGER NOT NULL REFERENCES organizations(id),             -- the organisation
  role            TEXT NOT NULL CHECK (role IN ('organiser','sponsor','host','partner')), -- what it did for the event
  position        INTEGER NOT NULL DEFAULT 0,  -- order in which they are listed
  PRIMARY KEY (event_id, organization_id, role)
);
CREATE INDEX sponsors_by_org ON sponsors(organization_id);

CREATE TABLE delegations (
  id              INTEGER PRIMARY KEY,   -- stable id
  event_id        INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, -- event the delegation attended
  organization_id INTEGER REFERENCES organizations(id), -- who sent it (the office itself, usually)
  notes           TEXT                   -- anything else worth recording, staff-facing
);
CREATE INDEX delegations_by_event ON delegations(event_id);

CREATE TABLE delegation_members (
  id              INTEGER PRIMARY KEY,   -- stable id
  delegation_id   INTEGER NOT NULL REFERENCES delegations(id) ON DELETE CASCADE, -- the delegation
  role_title      TEXT NOT NULL,         -- what they are (judicial officer, legal counsel)
  organization_id INTEGER REFERENCES organizations(id), -- their department (State Judiciary Department)
  count           INTEGER NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 1000), -- how many people of this role and department
  names           TEXT,                  -- optional names, as they may be published
  position        INTEGER NOT NULL DEFAULT 0 -- order in which they are listed
);
CREATE INDEX members_by_delegation ON delegation_members(delegation_id);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,     -- stable id
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE, -- login name
  display_name  TEXT NOT NULL,           -- name shown beside their work
  role          TEXT NOT NULL CHECK (role IN ('author','editor','admin')), -- what they may do
  password_hash TEXT NOT NULL,           -- libsodium argon2id string; '!' means no password login
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)), -- 1: may not log in
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) -- when the account was made
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,           -- hex BLAKE2b of the cookie value; the value itself is never stored
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, -- whose session
  csrf       TEXT NOT NULL,              -- token every POST of this session must carry
  created_at TEXT NOT NULL,              -- login time
  seen_at    TEXT NOT NULL,              -- last request, for the inactivity limit
  expires_at TEXT NOT NULL,              -- absolute end of the session
  client     TEXT                        -- client address at login
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE releases (
  id           INTEGER PRIMARY KEY,      -- stable id
  slug         TEXT NOT NULL UNIQUE,     -- readable key in /news/YYYY/MM/<slug>; fixed once published
  title        TEXT NOT NULL,            -- headline
  summary      TEXT NOT NULL DEFAULT '', -- one or two sentences for listings and feeds
  body         TEXT NOT NULL DEFAULT '', -- Markdown as the author wrote it
  body_html    TEXT NOT NULL DEFAULT '', -- body rendered by cmark in safe mode, kept to serve fast
  language     TEXT NOT NULL DEFAULT 'en', -- BCP 47 language tag of the text
  status       TEXT NOT NULL DEFAULT 'draft'
               CHECK (status IN ('draft','submitted','changes_requested','approved','scheduled',
                                 'published','withdrawn','unpublished')), -- where it is in the workflow
  event_id     INTEGER REFERENCES events(id), -- the event it is about, NULL for none
  author_id    INTEGER NOT NULL REFERENCES users(id), -- who wrote it
  created_at   TEXT NOT NULL,            -- first save
  updated_at   TEXT NOT NULL,            -- last save
  published_at TEXT,                     -- first publication, NULL until published; dates the URL
  withdrawn_at TEXT,                     -- when withdrawn, NULL otherwise
  withdrawal_note TEXT,                  -- reason shown with a withdrawn release
  version      INTEGER NOT NULL DEFAULT 1 -- bumped by every save, to catch concurrent edits
);
CREATE INDEX releases_public ON releases(status, published_at DESC);
CREATE INDEX releases_by_event ON releases(event_id);
CREATE INDEX releases_by_author ON releases(author_id, updated_at DESC);

CREATE TABLE release_revisions (
  id          INTEGER PRIMARY KEY,       -- stable id
  release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE, -- which release
  version     INTEGER NOT NULL,          -- the release's version this row records
  title       TEXT NOT NULL,             -- headline as saved
  summary     TEXT NOT NULL,             -- summary as saved
  body        TEXT NOT NULL,             -- Markdown as saved
  event_id    INTEGER,                   -- event as saved
  status      TEXT NOT NULL,             -- status after the save
  saved_by    INTEGER NOT NULL REFERENCES users(id), -- who saved it
  saved_at    TEXT NOT NULL,             -- when
  change_note TEXT,                      -- what changed, in the saver's words
  UNIQUE (release_id, version)
);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,         -- order of entries
  at        TEXT NOT NULL,               -- when it happened
  user_id   INTEGER REFERENCES users(id), -- who did it, NULL for the anonymous or the CLI
  client    TEXT,                        -- client address, or 'cli'
  action    TEXT NOT NULL,               -- what happened (login, login_failed, publish, ...)
  subject   TEXT,                        -- what it happened to (release:12, user:3)
  detail    TEXT,                        -- a short human-readable detail
  prev_hash TEXT NOT NULL,               -- hash of the previous entry, '' for the first
  hash      TEXT NOT NULL                -- hash of this entry's fields and prev_hash
);

-- The log is append-only: rows can be added, never changed or removed.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
