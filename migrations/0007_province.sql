-- 0007 the province as one system: the roster of courts a higher court supervises (应报法院),
-- which packages each court has imported, per-campaign reporting rules kept by a higher court,
-- and which supervision notes a court has read. Append-only: never edit this file once it has landed.

-- The roster: the courts a higher court expects reports from, with level, parent and jurisdiction.
-- Owned by the court that keeps the list and carried down in its packages, so an intermediate court
-- learns its basic courts from its superior's list. A court merged away (已撤并) keeps its row and
-- its history; merged_at says since when.
CREATE TABLE roster_courts (
  id           TEXT PRIMARY KEY,
  origin       TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  change_seq   INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  code         TEXT NOT NULL,
  name         TEXT NOT NULL,
  level        TEXT NOT NULL CHECK (level IN ('intermediate', 'basic')),
  parent_code  TEXT NOT NULL,
  jurisdiction TEXT NOT NULL DEFAULT '',
  merged_at    TEXT,
  merged_into  TEXT,
  added_by     TEXT NOT NULL DEFAULT 'manual' CHECK (added_by IN ('manual', 'import', 'relay'))
) STRICT;
CREATE UNIQUE INDEX roster_courts_code ON roster_courts (origin, code) WHERE deleted_at IS NULL;
CREATE INDEX roster_courts_changes ON roster_courts (origin, change_seq);

-- A court's record of each package it imported (nested ones too): owned by the importing court and
-- reported up like any other row, so the issuer learns which courts hold its latest package.
CREATE TABLE package_receipts (
  id          TEXT PRIMARY KEY,
  origin      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  change_seq  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  source_code TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  campaign_id TEXT,
  imported_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX package_receipts_one ON package_receipts (origin, source_code, seq);
CREATE INDEX package_receipts_changes ON package_receipts (origin, change_seq);
CREATE INDEX package_receipts_source ON package_receipts (source_code, seq);

-- A higher court's reporting rules for one campaign (local: each court steers its own board).
-- period: the reporting period; due_days: days after a period ends that a report still counts as
-- on time; stale_days: a court whose last bundle is older is 数据陈旧; laggards: the bottom
-- laggard_count courts ('bottom') or those below laggard_below percent completion ('below').
CREATE TABLE campaign_reporting (
  campaign_id   TEXT PRIMARY KEY REFERENCES campaigns (id),
  period        TEXT NOT NULL DEFAULT 'month' CHECK (period IN ('week', 'month', 'quarter')),
  due_days      INTEGER NOT NULL DEFAULT 5 CHECK (due_days BETWEEN 0 AND 60),
  stale_days    INTEGER NOT NULL DEFAULT 30 CHECK (stale_days BETWEEN 1 AND 365),
  laggard_rule  TEXT NOT NULL DEFAULT 'bottom' CHECK (laggard_rule IN ('bottom', 'below')),
  laggard_count INTEGER NOT NULL DEFAULT 10 CHECK (laggard_count BETWEEN 1 AND 500),
  laggard_below INTEGER NOT NULL DEFAULT 60 CHECK (laggard_below BETWEEN 1 AND 100),
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
) STRICT;

-- Supervision notes a person at this court has read (local): unread ones stay in 我的待办 and on
-- 本院挂图.
CREATE TABLE note_reads (
  note_id TEXT PRIMARY KEY,
  read_at TEXT NOT NULL,
  read_by TEXT NOT NULL
) STRICT;

-- When each received bundle was written (its manifest's createdAt), for reporting on time.
ALTER TABLE sync_received ADD COLUMN bundle_created_at TEXT;

-- Received broadcast packages are kept under the target '*' (as written), so that packages addressed
-- to one court (sealed supervision notes) keep their own numbering. Before this migration every
-- package down was a broadcast one, kept under this court's own code.
UPDATE sync_received SET target_code = '*' WHERE kind = 'package_down';
