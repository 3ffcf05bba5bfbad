-- 恢复包: keys retired when this court made a recovery package for a court that lost its data
-- (or learned, through a relay, that a court's key was replaced). Local: never synced. Append-only:
-- a bundle signed by a key listed here is refused, and the record says when, why and by whom.
CREATE TABLE recovery_retired_keys (
  id                   INTEGER PRIMARY KEY,
  court_code           TEXT NOT NULL,
  court_name           TEXT NOT NULL,
  sign_key             TEXT NOT NULL,
  box_key              TEXT NOT NULL,
  fingerprint          TEXT NOT NULL,
  retired_at           TEXT NOT NULL,
  retired_by           TEXT NOT NULL,
  reason               TEXT NOT NULL,
  replaced_by          TEXT NOT NULL
) STRICT;
CREATE INDEX recovery_retired_keys_sign ON recovery_retired_keys (sign_key);

CREATE TRIGGER recovery_retired_keys_no_update BEFORE UPDATE ON recovery_retired_keys BEGIN
  SELECT RAISE(ABORT, 'recovery_retired_keys is append-only');
END;
CREATE TRIGGER recovery_retired_keys_no_delete BEFORE DELETE ON recovery_retired_keys BEGIN
  SELECT RAISE(ABORT, 'recovery_retired_keys is append-only');
END;
