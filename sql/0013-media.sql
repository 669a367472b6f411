-- 0013: photographs and attachments. The bytes live on disk under the files folder, named by the
-- hash of what was uploaded (cgi/store/media.c); these rows say which release shows them and how.
-- A release's files are copied to the public folder the web server serves only while it is listed.
CREATE TABLE photos (
  id          INTEGER PRIMARY KEY,       -- stable id; never in a public URL
  release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE, -- the release it illustrates
  position    INTEGER NOT NULL,          -- order on the page from 1; the first is the lead image
  hash        TEXT NOT NULL CHECK (length(hash) = 32), -- 128 bits of the upload's SHA-256, in hex: names its files
  widths      TEXT NOT NULL,             -- the widths made, ascending, space-separated ("480 960 1600")
  width       INTEGER NOT NULL,          -- of the widest file, after rotation
  height      INTEGER NOT NULL,          -- of the widest file
  alt         TEXT NOT NULL CHECK (length(alt) > 0), -- what the photograph shows, for those who cannot see it
  caption     TEXT NOT NULL DEFAULT '',  -- shown under it
  credit      TEXT NOT NULL DEFAULT '',  -- who took it
  added_by    INTEGER NOT NULL REFERENCES users(id), -- who uploaded it
  added_at    TEXT NOT NULL              -- when (UTC)
);
CREATE INDEX photos_by_release ON photos(release_id, position);
CREATE INDEX photos_by_hash ON photos(hash);

CREATE TABLE attachments (
  id          INTEGER PRIMARY KEY,       -- stable id; never in a public URL
  release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE, -- the release it belongs to
  position    INTEGER NOT NULL,          -- order on the page from 1
  hash        TEXT NOT NULL CHECK (length(hash) = 32), -- 128 bits of the file's SHA-256, in hex: names it
  title       TEXT NOT NULL CHECK (length(title) > 0), -- what readers see as the link
  file_name   TEXT NOT NULL,             -- safe download name: [a-z0-9-] then .pdf
  media_type  TEXT NOT NULL,             -- as sniffed from the content: application/pdf
  bytes       INTEGER NOT NULL,          -- its size
  pages       INTEGER NOT NULL,          -- its page count
  thumb_width  INTEGER NOT NULL,         -- the first page's thumbnail, hash-thumb.jpg and .webp
  thumb_height INTEGER NOT NULL,
  added_by    INTEGER NOT NULL REFERENCES users(id), -- who uploaded it
  added_at    TEXT NOT NULL              -- when (UTC)
);
CREATE INDEX attachments_by_release ON attachments(release_id, position);
CREATE INDEX attachments_by_hash ON attachments(hash);

-- A release's history of its files, beside its text revisions: added, changed (alt, caption,
-- credit, title, order) or removed, by whom and when. Kept when the file itself is gone.
CREATE TABLE media_changes (
  id          INTEGER PRIMARY KEY,       -- order of changes
  release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE, -- whose files
  kind        TEXT NOT NULL CHECK (kind IN ('photo','attachment')), -- which sort of file
  change      TEXT NOT NULL CHECK (change IN ('added','changed','removed')), -- what happened
  label       TEXT NOT NULL,             -- the photograph's alt text or the attachment's title then
  detail      TEXT NOT NULL DEFAULT '',  -- what changed, e.g. "caption: old -> new"
  changed_by  INTEGER NOT NULL REFERENCES users(id), -- who
  changed_at  TEXT NOT NULL              -- when (UTC)
);
CREATE INDEX media_changes_by_release ON media_changes(release_id, id);
