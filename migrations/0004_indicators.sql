-- 0004 indicators (指标): a campaign's indicator definitions, owned by the court that issued the
-- campaign (they travel down in packages), and each court's period values, owned by that court
-- (they travel up in report bundles). Append-only: never edit this file once it has landed.

CREATE TABLE indicators (
  id           TEXT PRIMARY KEY,
  origin       TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  change_seq   INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  campaign_id  TEXT NOT NULL REFERENCES campaigns (id),
  name         TEXT NOT NULL,
  -- 条线: 立案, 刑事, 民商事, 知识产权, 行政, 执行, 综合
  line         TEXT NOT NULL CHECK (line IN ('filing', 'criminal', 'civil_commercial', 'ip', 'administrative', 'enforcement', 'general')),
  unit         TEXT NOT NULL CHECK (unit IN ('percent', 'cases', 'days', 'yuan')),
  -- up: higher is better (正向); down: lower is better (负向)
  direction    TEXT NOT NULL CHECK (direction IN ('up', 'down')),
  target       REAL,
  period       TEXT NOT NULL CHECK (period IN ('monthly', 'quarterly')),
  -- An optional national or provincial ranking goal, e.g. 全国法院争第一.
  ranking_goal TEXT NOT NULL DEFAULT '',
  sort_order   INTEGER NOT NULL
) STRICT;
CREATE INDEX indicators_campaign ON indicators (campaign_id, origin, sort_order);
CREATE INDEX indicators_changes ON indicators (origin, change_seq);

CREATE TABLE indicator_values (
  id           TEXT PRIMARY KEY,
  origin       TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  change_seq   INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  indicator_id TEXT NOT NULL REFERENCES indicators (id),
  -- 2026-03 for a monthly indicator, 2026-Q1 for a quarterly one.
  period       TEXT NOT NULL,
  value        REAL NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  -- Optional evidence file (content-addressed, as for items).
  evidence_sha256 TEXT REFERENCES evidence_blobs (sha256),
  evidence_name   TEXT
) STRICT;
-- One value per court, indicator and period.
CREATE UNIQUE INDEX indicator_values_period ON indicator_values (origin, indicator_id, period) WHERE deleted_at IS NULL;
CREATE INDEX indicator_values_changes ON indicator_values (origin, change_seq);
