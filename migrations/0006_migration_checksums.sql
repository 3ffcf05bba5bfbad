-- 0006 migration checksums: each applied migration records the SHA-256 of its text (line endings
-- read as LF), and a database whose applied migration differs from the file this program ships
-- refuses to open (src/main/data/database.ts). Rows applied before this migration get the
-- checksum of the shipped file on first open. Append-only: never edit this file once it has landed.
ALTER TABLE schema_migrations ADD COLUMN checksum TEXT;
