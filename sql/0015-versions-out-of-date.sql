-- 0015: a version may fall behind. When one version of a release publishes a major change, its
-- other versions are marked for staff ("may be out of date") until someone edits them or says
-- they still hold.
ALTER TABLE releases ADD COLUMN counterpart_changed_at TEXT; -- when another version last published a major change this one has not caught up with (UTC); NULL when current
CREATE TRIGGER releases_counterpart_changed AFTER INSERT ON release_changes WHEN NEW.major = 1 BEGIN
  UPDATE releases SET counterpart_changed_at = NEW.at
   WHERE id <> NEW.release_id
     AND coalesce(translation_of, id) = (SELECT coalesce(translation_of, id) FROM releases WHERE id = NEW.release_id);
END;
