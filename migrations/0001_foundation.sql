-- 0001 foundation: court profile, people, campaigns, checklist, progress, evidence, sign-off,
-- and the hash-chained audit log. Append-only: never edit this file once it has landed.
--
-- Every owned row carries: id (UUID v7), origin (the court code that alone may change it),
-- version (bumped on each change), change_seq (the local monotonic change counter: sync orders
-- by this, never by wall-clock time), created_at / updated_at (for people to read), deleted_at
-- (soft delete, so deletions can travel as tombstones).

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE change_counter (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
) STRICT;
INSERT INTO change_counter (id, value) VALUES (1, 0);

CREATE TABLE courts (
  id          TEXT PRIMARY KEY,
  origin      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  change_seq  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('high', 'intermediate', 'basic')),
  parent_code TEXT,
  parent_name TEXT
) STRICT;

CREATE TABLE departments (
  id          TEXT PRIMARY KEY,
  origin      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  change_seq  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  name        TEXT NOT NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX departments_name ON departments (origin, name) WHERE deleted_at IS NULL;

CREATE TABLE people (
  id            TEXT PRIMARY KEY,
  origin        TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  change_seq    INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  name          TEXT NOT NULL,
  title         TEXT NOT NULL DEFAULT '',
  department_id TEXT REFERENCES departments (id)
) STRICT;

CREATE TABLE campaigns (
  id                 TEXT PRIMARY KEY,
  origin             TEXT NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1,
  change_seq         INTEGER NOT NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT,
  title              TEXT NOT NULL,
  issuing_court_code TEXT NOT NULL,
  issuing_court_name TEXT NOT NULL DEFAULT '',
  year               INTEGER NOT NULL,
  start_date         TEXT,
  end_date           TEXT,
  description        TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'closed')),
  yellow_days        INTEGER NOT NULL DEFAULT 7 CHECK (yellow_days BETWEEN 0 AND 90)
) STRICT;

CREATE TABLE sections (
  id          TEXT PRIMARY KEY,
  origin      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  change_seq  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  parent_id   TEXT REFERENCES sections (id),
  title       TEXT NOT NULL,
  sort_order  INTEGER NOT NULL
) STRICT;
CREATE INDEX sections_campaign ON sections (campaign_id, parent_id, sort_order);

CREATE TABLE items (
  id             TEXT PRIMARY KEY,
  origin         TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  change_seq     INTEGER NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT,
  campaign_id    TEXT NOT NULL REFERENCES campaigns (id),
  section_id     TEXT REFERENCES sections (id),
  sort_order     INTEGER NOT NULL,
  title          TEXT NOT NULL,
  content        TEXT NOT NULL DEFAULT '',
  kind           TEXT NOT NULL DEFAULT 'own' CHECK (kind IN ('mandatory', 'own')),
  lead_leader    TEXT NOT NULL DEFAULT '',
  department_id  TEXT REFERENCES departments (id),
  owner          TEXT NOT NULL DEFAULT '',
  deadline       TEXT,
  frequency      TEXT NOT NULL DEFAULT 'once' CHECK (frequency IN ('once', 'monthly', 'quarterly')),
  status         TEXT NOT NULL DEFAULT 'not_started'
                 CHECK (status IN ('not_started', 'in_progress', 'completed', 'signed_off', 'returned')),
  percent        INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  completed_at   TEXT,
  completed_late INTEGER NOT NULL DEFAULT 0 CHECK (completed_late IN (0, 1))
) STRICT;
CREATE INDEX items_campaign ON items (campaign_id, deleted_at, section_id, sort_order);
CREATE INDEX items_department ON items (department_id);

-- Chinese full-text search: trigram tokens match any 3+ character substring. Shorter queries
-- fall back to LIKE in the data layer.
CREATE VIRTUAL TABLE items_fts USING fts5 (
  title, content, owner, lead_leader,
  content = 'items', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (rowid, title, content, owner, lead_leader)
  VALUES (new.rowid, new.title, new.content, new.owner, new.lead_leader);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, content, owner, lead_leader)
  VALUES ('delete', old.rowid, old.title, old.content, old.owner, old.lead_leader);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF title, content, owner, lead_leader ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, content, owner, lead_leader)
  VALUES ('delete', old.rowid, old.title, old.content, old.owner, old.lead_leader);
  INSERT INTO items_fts (rowid, title, content, owner, lead_leader)
  VALUES (new.rowid, new.title, new.content, new.owner, new.lead_leader);
END;

CREATE TABLE progress_notes (
  id          TEXT PRIMARY KEY,
  origin      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  change_seq  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  item_id     TEXT NOT NULL REFERENCES items (id),
  note_date   TEXT NOT NULL,
  author      TEXT NOT NULL,
  text        TEXT NOT NULL,
  percent     INTEGER CHECK (percent BETWEEN 0 AND 100)
) STRICT;
CREATE INDEX progress_notes_item ON progress_notes (item_id, note_date);

-- One row per distinct file content; the bytes live in the data folder under evidence/.
CREATE TABLE evidence_blobs (
  sha256     TEXT PRIMARY KEY,
  size       INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE evidence (
  id            TEXT PRIMARY KEY,
  origin        TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  change_seq    INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  item_id       TEXT NOT NULL REFERENCES items (id),
  sha256        TEXT NOT NULL REFERENCES evidence_blobs (sha256),
  original_name TEXT NOT NULL,
  size          INTEGER NOT NULL,
  mime_type     TEXT NOT NULL
) STRICT;
CREATE INDEX evidence_item ON evidence (item_id);

CREATE TABLE signoffs (
  id          TEXT PRIMARY KEY,
  origin      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  change_seq  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  item_id     TEXT NOT NULL REFERENCES items (id),
  reviewer    TEXT NOT NULL,
  decided_at  TEXT NOT NULL,
  decision    TEXT NOT NULL CHECK (decision IN ('approved', 'returned', 'reopened')),
  opinion     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX signoffs_item ON signoffs (item_id);

-- Append-only; each entry's hash covers the previous entry's hash, so an edited, inserted or
-- removed entry breaks the chain. settings.audit_head holds the last seq and hash.
CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  court       TEXT NOT NULL,
  operation   TEXT NOT NULL,
  table_name  TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_row ON audit_log (row_id, seq);
