-- 0005 sync integrity: exports reserve their sequence number before the file gets its final name,
-- receivers track the change range they hold per court, and a parent court keeps each
-- subordinate's audit-log head as a witness. Append-only: never edit this file once it has landed.

-- An export is recorded 'pending' (its sequence number reserved) before its file takes the final
-- name, and 'done' once it has. A pending row whose file never appeared is released at the next
-- export or start; one whose file did appear is completed.
ALTER TABLE sync_outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('pending', 'done'));
ALTER TABLE sync_outbox ADD COLUMN file_path TEXT;
ALTER TABLE sync_outbox ADD COLUMN change_from INTEGER;
-- The audit-log position (entry count and that entry's hash) this bundle reported to its target.
ALTER TABLE sync_outbox ADD COLUMN audit_count INTEGER;
ALTER TABLE sync_outbox ADD COLUMN audit_hash TEXT;

-- Per court whose report-up stream is held here: the source's change number up to which its rows
-- are held (the next bundle must start at or before it), and the witness of its audit log: the
-- head it last reported and, when a later report contradicted it, what was found and when.
ALTER TABLE sync_courts ADD COLUMN last_change_through INTEGER;
ALTER TABLE sync_courts ADD COLUMN audit_count INTEGER;
ALTER TABLE sync_courts ADD COLUMN audit_hash TEXT;
ALTER TABLE sync_courts ADD COLUMN audit_alert TEXT;
ALTER TABLE sync_courts ADD COLUMN audit_alert_at TEXT;
