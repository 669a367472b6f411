-- 0005: shareable preview links: a secret address that shows a release as it would be published,
-- to someone without an account, until it expires or is revoked.

CREATE TABLE preview_links (
  id           INTEGER PRIMARY KEY,      -- stable id, named by the staff page's revoke button
  token_hash   TEXT NOT NULL UNIQUE,     -- hex BLAKE2b-256 of the link's secret token; the token itself is never stored
  release_id   INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE, -- the release the link shows
  created_by   INTEGER NOT NULL REFERENCES users(id), -- the staff member who made the link
  created_at   TEXT NOT NULL,            -- when it was made (UTC)
  expires_at   TEXT NOT NULL,            -- when it stops working (UTC); 7 days after created_at unless chosen otherwise
  revoked_at   TEXT,                     -- when staff revoked it (UTC), NULL while it is not revoked
  uses         INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0), -- how many times the link has been opened
  last_used_at TEXT                      -- when it was last opened (UTC), NULL before its first use
);
CREATE INDEX preview_links_by_release ON preview_links(release_id, id DESC);
