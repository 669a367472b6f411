-- 0014: translations. A release may have a version in each language; the first written is the
-- original, and each translation names it. A version has its own text, slug and workflow, and
-- shares the original's event.
ALTER TABLE releases ADD COLUMN translation_of INTEGER REFERENCES releases(id) ON DELETE SET NULL; -- the original, NULL for an original
-- One version per language in each family (an original and its translations).
CREATE UNIQUE INDEX releases_one_per_language ON releases(coalesce(translation_of, id), language);
CREATE INDEX releases_by_original ON releases(translation_of) WHERE translation_of IS NOT NULL;
