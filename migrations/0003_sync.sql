-- 0003 sync bundles: the court's key pair, the courts whose bundles are trusted, sequence state
-- in both directions, received bundles kept for relaying upward, supervision notes from higher
-- courts, and the link from a court's copy of a mandatory item to the issuer's definition.
-- Append-only: never edit this file once it has landed.

-- A subordinate's own copy of a mandatory item issued in a package: the issuer's item id and the
-- definition version copied. Title, content, section, order, deadline and frequency follow the
-- issuer; everything about doing the work belongs to this court.
ALTER TABLE items ADD COLUMN source_item_id TEXT;
ALTER TABLE items ADD COLUMN source_version INTEGER;
CREATE UNIQUE INDEX items_source ON items (origin, source_item_id) WHERE source_item_id IS NOT NULL;

-- Reads are scoped to one court's rows; exports read one origin's changes in change order.
CREATE INDEX items_campaign_origin ON items (campaign_id, origin, deleted_at);
CREATE INDEX courts_changes ON courts (origin, change_seq);
CREATE INDEX departments_changes ON departments (origin, change_seq);
CREATE INDEX people_changes ON people (origin, change_seq);
CREATE INDEX campaigns_changes ON campaigns (origin, change_seq);
CREATE INDEX sections_changes ON sections (origin, change_seq);
CREATE INDEX items_changes ON items (origin, change_seq);
CREATE INDEX progress_notes_changes ON progress_notes (origin, change_seq);
CREATE INDEX evidence_changes ON evidence (origin, change_seq);
CREATE INDEX signoffs_changes ON signoffs (origin, change_seq);
CREATE INDEX problem_aspects_changes ON problem_aspects (origin, change_seq);
CREATE INDEX problems_changes ON problems (origin, change_seq);
CREATE INDEX inspection_reports_changes ON inspection_reports (origin, change_seq);
CREATE INDEX inspection_claims_changes ON inspection_claims (origin, change_seq);
CREATE INDEX inspection_rounds_changes ON inspection_rounds (origin, change_seq);
CREATE INDEX ledger_findings_changes ON ledger_findings (origin, change_seq);
CREATE INDEX ledger_measures_changes ON ledger_measures (origin, change_seq);
CREATE INDEX ledger_events_changes ON ledger_events (origin, change_seq);
CREATE INDEX lookbacks_changes ON lookbacks (origin, change_seq);
CREATE INDEX ledger_evidence_changes ON ledger_evidence (origin, change_seq);

-- A higher court's comment or supervision note on a subordinate's work (owned by the higher
-- court, travels down in packages). item_id points at the subordinate's own item, which other
-- subordinates do not hold, so it is a plain reference without a foreign key.
CREATE TABLE supervision_notes (
  id          TEXT PRIMARY KEY,
  origin      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  change_seq  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  court_code  TEXT NOT NULL,
  item_id     TEXT,
  kind        TEXT NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment', 'supervision')),
  author      TEXT NOT NULL,
  text        TEXT NOT NULL
) STRICT;
CREATE INDEX supervision_notes_court ON supervision_notes (campaign_id, court_code);
CREATE INDEX supervision_notes_changes ON supervision_notes (origin, change_seq);

-- Courts whose bundles this installation accepts, with the keys they sign and receive with.
-- Local: never synced. A key is trusted only after a person here compared its fingerprint, or
-- because a court trusted that way vouched for it in a signed relay (vouched_by).
CREATE TABLE sync_courts (
  code             TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  level            TEXT NOT NULL DEFAULT '',
  parent_code      TEXT NOT NULL DEFAULT '',
  sign_key         TEXT NOT NULL,
  box_key          TEXT NOT NULL,
  fingerprint      TEXT NOT NULL,
  relation         TEXT NOT NULL CHECK (relation IN ('superior', 'subordinate', 'relayed')),
  trusted_at       TEXT NOT NULL,
  trusted_by       TEXT NOT NULL,
  vouched_by       TEXT,
  -- The last report-up sequence number imported from this court (directly or relayed).
  last_seq         INTEGER NOT NULL DEFAULT 0,
  last_bundle_at   TEXT,
  last_imported_at TEXT
) STRICT;

-- Bundles this court wrote, per target court ('*' for packages down): the sequence stream.
CREATE TABLE sync_outbox (
  target_code        TEXT NOT NULL,
  seq                INTEGER NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('report_up', 'package_down')),
  full               INTEGER NOT NULL CHECK (full IN (0, 1)),
  through_change_seq INTEGER NOT NULL,
  campaign_id        TEXT,
  file_name          TEXT NOT NULL,
  sha256             TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  PRIMARY KEY (target_code, seq)
) STRICT;

-- Every signed bundle imported, kept (unencrypted, as signed) under sync/received/ so that an
-- intermediate court can forward its subordinates' bundles upward unaltered, and a relayed
-- package can be passed down. forwarded_seq is the outbox sequence that carried it on.
CREATE TABLE sync_received (
  id            TEXT PRIMARY KEY,
  source_code   TEXT NOT NULL,
  target_code   TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('report_up', 'package_down')),
  seq           INTEGER NOT NULL,
  full          INTEGER NOT NULL CHECK (full IN (0, 1)),
  campaign_id   TEXT,
  sha256        TEXT NOT NULL,
  size          INTEGER NOT NULL,
  file_path     TEXT NOT NULL,
  relayed_by    TEXT,
  received_at   TEXT NOT NULL,
  forwarded_seq INTEGER,
  UNIQUE (source_code, target_code, kind, seq)
) STRICT;
CREATE INDEX sync_received_forward ON sync_received (kind, forwarded_seq);
