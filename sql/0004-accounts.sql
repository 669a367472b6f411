-- 0004: accounts: last logins, login throttling shared by every worker, and ways into the audit log.

ALTER TABLE users ADD COLUMN last_login_at TEXT;         -- last successful login (UTC), NULL if never

-- Consecutive failed logins per account name and per client address; a row past its
-- threshold makes every attempt wait until locked_until, without a password being checked.
CREATE TABLE login_throttle (
  key             TEXT PRIMARY KEY,      -- 'name:' and the lower-cased name tried (known or not), or 'addr:' and the client address
  failures        INTEGER NOT NULL CHECK (failures >= 1), -- failed attempts in a row, since the last success or a quiet hour
  last_failure_at TEXT NOT NULL,         -- when the latest of them happened (UTC)
  locked_until    TEXT                   -- no attempt is checked before this time (UTC); NULL below the threshold
) WITHOUT ROWID;
CREATE INDEX login_throttle_by_age ON login_throttle(last_failure_at);

-- The audit page offers the actions the log holds as its filter's choices.
CREATE INDEX audit_log_by_action ON audit_log(action);
