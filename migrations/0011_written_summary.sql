-- The written 活动总结 (issue 17).
--
-- 亮点: an item or a progress note its court marks as a highlight; the drafted 主要做法和成效 of
-- the summary is written from them. Owned columns of synced tables, so a higher court's summary
-- of its jurisdiction draws on the highlights its courts marked. A bundle from an older program
-- has no such column: the default (not a highlight) applies.
ALTER TABLE items ADD COLUMN highlight INTEGER NOT NULL DEFAULT 0 CHECK (highlight IN (0, 1));
ALTER TABLE progress_notes ADD COLUMN highlight INTEGER NOT NULL DEFAULT 0 CHECK (highlight IN (0, 1));

-- The clerk's edited text of each part of the summary, per campaign, as a template whose figures
-- are written 【字段】 and filled at print time. Local: this court's own wording, never synced.
CREATE TABLE summary_texts (
  campaign_id  TEXT NOT NULL REFERENCES campaigns (id),
  part         TEXT NOT NULL CHECK (part IN ('situation', 'practices', 'problems', 'nextSteps')),
  body         TEXT NOT NULL,
  saved_at     TEXT NOT NULL,
  saved_by     TEXT NOT NULL,
  PRIMARY KEY (campaign_id, part)
) STRICT;
