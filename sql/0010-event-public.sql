-- 0010: whether an event is public (it has a release a reader can open), answered from an index.
-- Every public event, organisation and engagement page asks it of each event it shows
-- (EVENT_PUBLIC_SQL, cgi/event.h); releases_by_event found the releases but each was then read from
-- the table, whose rows carry their bodies. This index holds every column the question tests, for
-- the releases that can be public at all: /organisations at 100,000 releases 846 -> 355 ms built
-- afresh, an organisation's page 329 -> 130 ms, page 100 of the events 15 -> 8 ms.
CREATE INDEX releases_event_public ON releases(event_id, published_at, status)
  WHERE status IN ('published','scheduled','withdrawn');
