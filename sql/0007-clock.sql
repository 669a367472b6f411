-- 0007: indexes for what changes with the clock rather than with a write. Every public answer's
-- Last-Modified and every worker's response cache ask for the newest schedule that came due and
-- the next one to come; publication times are found through releases_public (status, published_at),
-- withdrawal times had no index and the question read every release (70 ms at 100,000).

-- Releases with a withdrawal set, by its time.
CREATE INDEX releases_withdraw_at ON releases(withdraw_at) WHERE withdraw_at IS NOT NULL;

-- Events by the day they end: the upcoming events (events page, calendar) without walking every
-- event there has been.
CREATE INDEX events_by_end ON events(ends_on);
