-- 0008 the clerk's daily path: evidence tied to the progress note it came with and typed from its
-- own bytes, deadline moves (延期) kept as records, the signed-off version kept when work is
-- reopened, and who entered an indicator value. Append-only: never edit this file once it has landed.

-- Evidence added with a progress note (记录进展) names that note; evidence added on its own keeps
-- note_id NULL. detected_type is what the file's bytes say it is (e.g. 'pdf', 'docx'), decided on
-- upload by the main process; '' for files stored before 0008 (checked again when opened).
ALTER TABLE evidence ADD COLUMN note_id TEXT;
ALTER TABLE evidence ADD COLUMN detected_type TEXT NOT NULL DEFAULT '';
ALTER TABLE ledger_evidence ADD COLUMN detected_type TEXT NOT NULL DEFAULT '';
CREATE INDEX evidence_note ON evidence (note_id) WHERE note_id IS NOT NULL;

-- A reopened (重新打开) sign-off keeps a JSON snapshot of the record as it was signed off, so the
-- history still shows the signed-off version after the record changes again.
ALTER TABLE signoffs ADD COLUMN snapshot_json TEXT NOT NULL DEFAULT '';

-- Who entered an indicator value (录入人), by display name as the other records keep it.
ALTER TABLE indicator_values ADD COLUMN entered_by TEXT NOT NULL DEFAULT '';

-- A deadline moved on a court's own record (延期), or set in the past, with the reason and who
-- decided it. Owned by the court that moved it and reported up, so the higher court sees every
-- 延期. The light history keeps the original deadline's red; this row says why it moved.
CREATE TABLE deadline_changes (
  id            TEXT PRIMARY KEY,
  origin        TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  change_seq    INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  campaign_id   TEXT NOT NULL,
  record_kind   TEXT NOT NULL CHECK (record_kind IN ('item', 'measure')),
  record_id     TEXT NOT NULL,
  from_deadline TEXT,
  to_deadline   TEXT,
  reason        TEXT NOT NULL,
  decided_by    TEXT NOT NULL,
  decided_at    TEXT NOT NULL
) STRICT;
CREATE INDEX deadline_changes_record ON deadline_changes (record_kind, record_id);
CREATE INDEX deadline_changes_changes ON deadline_changes (origin, change_seq);
