-- 0009 督办 and 通报: a higher court's supervision orders (督办单) to named courts, the receiving
-- courts' 签收 and replies (办理情况), and notices (通报) to every roster court.
-- Append-only: never edit this file once it has landed.

-- A supervision order to one court. An order issued to several courts at once is one row per
-- court sharing batch_id and doc_number, so that each row can travel sealed to its own court (in
-- the addressed package, like supervision notes) and siblings never hold each other's orders.
-- Owned by the issuing court: only it changes, returns (退回) or closes (办结) the order.
-- item_ids: a JSON array of the ids of the receiving court's items the order concerns (plain
-- references: other courts do not hold those items). doc_number is the 文号 as issued, e.g.
-- 黑高法督〔2026〕12号; doc_year and doc_seq keep the issuer's per-year counter.
CREATE TABLE supervision_orders (
  id               TEXT PRIMARY KEY,
  origin           TEXT NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1,
  change_seq       INTEGER NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  deleted_at       TEXT,
  campaign_id      TEXT NOT NULL REFERENCES campaigns (id),
  court_code       TEXT NOT NULL,
  batch_id         TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('remind', 'urge', 'supervise')),
  colour           TEXT NOT NULL CHECK (colour IN ('blue', 'yellow', 'red')),
  requirement      TEXT NOT NULL,
  reply_due        TEXT NOT NULL,
  doc_number       TEXT NOT NULL,
  doc_year         INTEGER NOT NULL,
  doc_seq          INTEGER NOT NULL,
  item_ids         TEXT NOT NULL DEFAULT '[]',
  issued_by        TEXT NOT NULL,
  issued_at        TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'returned', 'closed')),
  decided_by       TEXT,
  decided_at       TEXT,
  decision_note    TEXT NOT NULL DEFAULT '',
  decided_reply_id TEXT
) STRICT;
CREATE INDEX supervision_orders_court ON supervision_orders (campaign_id, court_code);
CREATE INDEX supervision_orders_doc ON supervision_orders (origin, doc_year, doc_seq);
CREATE INDEX supervision_orders_changes ON supervision_orders (origin, change_seq);

-- The receiving court's 签收 (kind 'sign': who, when) and replies (kind 'reply': what it did,
-- with the items and evidence it links as JSON id arrays). Owned by the receiving court and
-- reported up. A reply is drafted ('draft'), submitted to the court's own reviewer ('pending'),
-- and only sent up as an answer ('sent') once a reviewer other than its author approves it (the
-- two-person rule); a reviewer may send it back to draft with review_note. responded_at: when
-- signed for, or when the reply was approved and sent.
CREATE TABLE order_responses (
  id           TEXT PRIMARY KEY,
  origin       TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  change_seq   INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  order_id     TEXT NOT NULL REFERENCES supervision_orders (id),
  kind         TEXT NOT NULL CHECK (kind IN ('sign', 'reply')),
  text         TEXT NOT NULL DEFAULT '',
  item_ids     TEXT NOT NULL DEFAULT '[]',
  evidence_ids TEXT NOT NULL DEFAULT '[]',
  status       TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('draft', 'pending', 'sent')),
  author       TEXT NOT NULL,
  submitted_at TEXT,
  reviewed_by  TEXT,
  reviewed_at  TEXT,
  review_note  TEXT NOT NULL DEFAULT '',
  responded_at TEXT
) STRICT;
CREATE INDEX order_responses_order ON order_responses (order_id);
CREATE INDEX order_responses_changes ON order_responses (origin, change_seq);

-- A notice (通报: 表扬 / 批评 / 情况通报) drafted from a campaign's figures and issued to every
-- roster court. Owned by the issuing court; only issued notices travel down (in the broadcast
-- package, signed, readable by all roster courts). named_courts: a JSON array of
-- {"code","name","stance"} with stance 'praise' or 'criticism', the courts the notice names.
-- doc_number is given when the notice is issued (from the issuer's per-year counter).
CREATE TABLE notices (
  id           TEXT PRIMARY KEY,
  origin       TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  change_seq   INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  campaign_id  TEXT NOT NULL REFERENCES campaigns (id),
  kind         TEXT NOT NULL CHECK (kind IN ('praise', 'criticism', 'situation')),
  title        TEXT NOT NULL,
  addressees   TEXT NOT NULL,
  body         TEXT NOT NULL,
  issuer_name  TEXT NOT NULL,
  named_courts TEXT NOT NULL DEFAULT '[]',
  period_from  TEXT,
  period_to    TEXT,
  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
  doc_number   TEXT NOT NULL DEFAULT '',
  doc_year     INTEGER,
  doc_seq      INTEGER,
  signed_date  TEXT,
  drafted_by   TEXT NOT NULL,
  issued_by    TEXT,
  issued_at    TEXT
) STRICT;
CREATE INDEX notices_campaign ON notices (campaign_id, status);
CREATE INDEX notices_doc ON notices (origin, doc_year, doc_seq);
CREATE INDEX notices_changes ON notices (origin, change_seq);
