-- 0012 the higher court's matrix (下级法院进度) at province scale (issue 18).
-- Append-only: never edit this file once it has landed.

-- boards.province counts a campaign's live items per court and section (completed, overdue, due
-- soon, and as they stood at the end of the previous period) in one GROUP BY. At a high court of
-- 500 courts that is ~150,000 rows of one campaign. This index holds every column the query reads,
-- in group order, so SQLite neither visits the table nor sorts. Partial: deleted items are not
-- counted; deleted_at is listed too, as SQLite counts an index covering only when it holds every
-- column the query names, its WHERE included.
CREATE INDEX items_campaign_matrix
  ON items (campaign_id, origin, section_id, status, deadline, created_at, completed_at, deleted_at)
  WHERE deleted_at IS NULL;
