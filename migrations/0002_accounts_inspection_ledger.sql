-- 0002: local accounts and roles, the self-inspection catalogue and reports (问题查摆), the
-- rectification ledger (整改台账) with look-backs (回头看), per-campaign light rules, and the
-- history of traffic-light colours. Append-only: never edit this file once it has landed.

-- Local accounts on this PC. Not owned rows: they never travel in sync bundles, and the password
-- hash (scrypt) never leaves this database. Changes are still written to the audit log.
CREATE TABLE users (
  id                   TEXT PRIMARY KEY,
  username             TEXT NOT NULL COLLATE NOCASE UNIQUE,
  display_name         TEXT NOT NULL,
  -- Comma-separated subset of admin, reviewer, filer.
  roles                TEXT NOT NULL,
  department_id        TEXT REFERENCES departments (id),
  person_id            TEXT REFERENCES people (id),
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  failed_attempts      INTEGER NOT NULL DEFAULT 0,
  locked_until         TEXT,
  disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  version              INTEGER NOT NULL DEFAULT 1,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  last_login_at        TEXT
) STRICT;

-- The department head is the escalation target for yellow lights by default.
ALTER TABLE departments ADD COLUMN head_name TEXT NOT NULL DEFAULT '';

-- Who marked an item complete (a local user id), so that person cannot also sign it off.
ALTER TABLE items ADD COLUMN completed_by TEXT;

-- Traffic-light rules per campaign: yellow_days (from 0001) before the deadline turns yellow;
-- whom each colour is escalated to; when a signed-off ledger measure is re-checked.
ALTER TABLE campaigns ADD COLUMN escalate_green TEXT NOT NULL DEFAULT 'owner'
  CHECK (escalate_green IN ('owner', 'department_head', 'lead_leader'));
ALTER TABLE campaigns ADD COLUMN escalate_yellow TEXT NOT NULL DEFAULT 'department_head'
  CHECK (escalate_yellow IN ('owner', 'department_head', 'lead_leader'));
ALTER TABLE campaigns ADD COLUMN escalate_red TEXT NOT NULL DEFAULT 'lead_leader'
  CHECK (escalate_red IN ('owner', 'department_head', 'lead_leader'));
ALTER TABLE campaigns ADD COLUMN lookback_months INTEGER NOT NULL DEFAULT 6
  CHECK (lookback_months BETWEEN 1 AND 24);

-- Problem catalogue: aspects (方面) → problems (问题), owned by whoever wrote them (the issuing
-- court or this court).
CREATE TABLE problem_aspects (
  id          TEXT PRIMARY KEY,
  origin      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  change_seq  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  title       TEXT NOT NULL,
  sort_order  INTEGER NOT NULL
) STRICT;
CREATE INDEX problem_aspects_campaign ON problem_aspects (campaign_id, sort_order);

CREATE TABLE problems (
  id          TEXT PRIMARY KEY,
  origin      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  change_seq  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  aspect_id   TEXT NOT NULL REFERENCES problem_aspects (id),
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  sort_order  INTEGER NOT NULL
) STRICT;
CREATE INDEX problems_aspect ON problems (aspect_id, sort_order);

-- A self-inspection report (查摆报告表) by one person or one department. `round` counts
-- submissions; every submitted round is frozen in inspection_rounds.
CREATE TABLE inspection_reports (
  id                TEXT PRIMARY KEY,
  origin            TEXT NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1,
  change_seq        INTEGER NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT,
  campaign_id       TEXT NOT NULL REFERENCES campaigns (id),
  scope             TEXT NOT NULL CHECK (scope IN ('person', 'department')),
  person_id         TEXT REFERENCES people (id),
  department_id     TEXT REFERENCES departments (id),
  subject_name      TEXT NOT NULL,
  status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
  round             INTEGER NOT NULL DEFAULT 0,
  no_problem        INTEGER NOT NULL DEFAULT 0 CHECK (no_problem IN (0, 1)),
  no_problem_reason TEXT NOT NULL DEFAULT '',
  submitted_at      TEXT,
  submitted_by      TEXT,
  submitted_by_name TEXT NOT NULL DEFAULT '',
  decided_at        TEXT,
  reviewer          TEXT NOT NULL DEFAULT '',
  review_note       TEXT NOT NULL DEFAULT '',
  CHECK ((scope = 'person' AND person_id IS NOT NULL) OR (scope = 'department' AND department_id IS NOT NULL))
) STRICT;
CREATE INDEX inspection_reports_campaign ON inspection_reports (campaign_id, status);
CREATE UNIQUE INDEX inspection_reports_subject ON inspection_reports (campaign_id, scope, coalesce(person_id, department_id))
  WHERE deleted_at IS NULL;

-- One claimed problem in a report: a catalogue problem, or one the filer found themselves.
CREATE TABLE inspection_claims (
  id            TEXT PRIMARY KEY,
  origin        TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  change_seq    INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  report_id     TEXT NOT NULL REFERENCES inspection_reports (id),
  problem_id    TEXT REFERENCES problems (id),
  own_problem   TEXT NOT NULL DEFAULT '',
  facts         TEXT NOT NULL DEFAULT '',
  cause         TEXT NOT NULL DEFAULT '',
  measures      TEXT NOT NULL DEFAULT '',
  deadline      TEXT,
  sort_order    INTEGER NOT NULL
) STRICT;
CREATE INDEX inspection_claims_report ON inspection_claims (report_id, sort_order);
CREATE INDEX inspection_claims_problem ON inspection_claims (problem_id);

-- Each submission frozen as it was sent, with the reviewer's decision on it.
CREATE TABLE inspection_rounds (
  id                TEXT PRIMARY KEY,
  origin            TEXT NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1,
  change_seq        INTEGER NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT,
  report_id         TEXT NOT NULL REFERENCES inspection_reports (id),
  round             INTEGER NOT NULL,
  submitted_at      TEXT NOT NULL,
  submitted_by_name TEXT NOT NULL,
  snapshot_json     TEXT NOT NULL,
  decision          TEXT CHECK (decision IN ('accepted', 'returned')),
  decided_at        TEXT,
  reviewer          TEXT NOT NULL DEFAULT '',
  reason            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX inspection_rounds_report ON inspection_rounds (report_id, round);

-- Rectification ledger: a finding from a source, then measures that answer it.
CREATE TABLE ledger_findings (
  id            TEXT PRIMARY KEY,
  origin        TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  change_seq    INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  campaign_id   TEXT NOT NULL REFERENCES campaigns (id),
  source        TEXT NOT NULL CHECK (source IN ('inspection_feedback', 'audit_supervision', 'self_inspection',
                                                 'superior_notice', 'petition', 'problem_lead')),
  reference     TEXT NOT NULL DEFAULT '',
  title         TEXT NOT NULL,
  detail        TEXT NOT NULL DEFAULT '',
  received_date TEXT,
  department_id TEXT REFERENCES departments (id),
  claim_id      TEXT REFERENCES inspection_claims (id),
  sort_order    INTEGER NOT NULL
) STRICT;
CREATE INDEX ledger_findings_campaign ON ledger_findings (campaign_id, source);
CREATE UNIQUE INDEX ledger_findings_claim ON ledger_findings (claim_id) WHERE claim_id IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE ledger_measures (
  id             TEXT PRIMARY KEY,
  origin         TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  change_seq     INTEGER NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT,
  finding_id     TEXT NOT NULL REFERENCES ledger_findings (id),
  campaign_id    TEXT NOT NULL REFERENCES campaigns (id),
  text           TEXT NOT NULL,
  owner          TEXT NOT NULL DEFAULT '',
  lead_leader    TEXT NOT NULL DEFAULT '',
  department_id  TEXT REFERENCES departments (id),
  deadline       TEXT,
  long_term      INTEGER NOT NULL DEFAULT 0 CHECK (long_term IN (0, 1)),
  status         TEXT NOT NULL DEFAULT 'identified'
                 CHECK (status IN ('identified', 'in_progress', 'submitted', 'signed_off', 'lookback_passed', 'returned', 'reopened')),
  completed_at   TEXT,
  completed_late INTEGER NOT NULL DEFAULT 0 CHECK (completed_late IN (0, 1)),
  submitted_by   TEXT,
  signed_off_at  TEXT,
  signed_off_by  TEXT NOT NULL DEFAULT '',
  sort_order     INTEGER NOT NULL
) STRICT;
CREATE INDEX ledger_measures_finding ON ledger_measures (finding_id, sort_order);
CREATE INDEX ledger_measures_campaign ON ledger_measures (campaign_id, status);

-- What happened to a measure, in order: progress notes and every decision with its reason.
CREATE TABLE ledger_events (
  id          TEXT PRIMARY KEY,
  origin      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  change_seq  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  measure_id  TEXT NOT NULL REFERENCES ledger_measures (id),
  kind        TEXT NOT NULL CHECK (kind IN ('progress', 'submit', 'sign_off', 'send_back', 'lookback_pass', 'lookback_relapse')),
  event_date  TEXT NOT NULL,
  actor       TEXT NOT NULL,
  text        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX ledger_events_measure ON ledger_events (measure_id, change_seq);

-- Re-checks of signed-off measures.
CREATE TABLE lookbacks (
  id          TEXT PRIMARY KEY,
  origin      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  change_seq  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  measure_id  TEXT NOT NULL REFERENCES ledger_measures (id),
  due_date    TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'passed', 'relapsed')),
  checked_at  TEXT,
  checker     TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX lookbacks_due ON lookbacks (status, due_date);
CREATE INDEX lookbacks_measure ON lookbacks (measure_id);

-- Before/after evidence of a measure, and the evidence of a look-back.
CREATE TABLE ledger_evidence (
  id            TEXT PRIMARY KEY,
  origin        TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  change_seq    INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  measure_id    TEXT NOT NULL REFERENCES ledger_measures (id),
  lookback_id   TEXT REFERENCES lookbacks (id),
  phase         TEXT NOT NULL CHECK (phase IN ('before', 'after', 'lookback')),
  sha256        TEXT NOT NULL REFERENCES evidence_blobs (sha256),
  original_name TEXT NOT NULL,
  size          INTEGER NOT NULL,
  mime_type     TEXT NOT NULL
) STRICT;
CREATE INDEX ledger_evidence_measure ON ledger_evidence (measure_id);

-- The colours a checklist item, ledger measure or look-back has shown, with the days each began
-- and ended, so "was red" survives the work being finished. Derived locally; never synced.
CREATE TABLE light_history (
  id          INTEGER PRIMARY KEY,
  record_kind TEXT NOT NULL CHECK (record_kind IN ('item', 'measure', 'lookback')),
  record_id   TEXT NOT NULL,
  light       TEXT NOT NULL CHECK (light IN ('green', 'yellow', 'red')),
  since       TEXT NOT NULL,
  until       TEXT
) STRICT;
CREATE INDEX light_history_record ON light_history (record_kind, record_id, since);
CREATE INDEX light_history_red ON light_history (light, record_kind) WHERE light = 'red';
