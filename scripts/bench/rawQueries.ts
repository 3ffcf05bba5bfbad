// Plain better-sqlite3 baselines: the same answers the API computes, as one SQL statement each,
// with no validation, no Kysely, no mapping. They show what the API layer costs on top of SQLite.
import type BetterSqlite3 from 'better-sqlite3';

const DONE = "('completed', 'signed_off')";
const LIGHT = (yellowDays: string) => `CASE
    WHEN i.status IN ${DONE} THEN 'green'
    WHEN i.deadline IS NULL THEN 'none'
    WHEN i.deadline < @today THEN 'red'
    WHEN julianday(i.deadline) - julianday(@today) <= ${yellowDays} THEN 'yellow'
    ELSE 'green' END`;

/** campaigns.list equivalent: every live campaign with its figures, grouped by campaign. */
export const CAMPAIGN_FIGURES_SQL = `
  SELECT c.*, count(i.id) AS total,
         coalesce(sum(i.status IN ${DONE}), 0) AS done,
         coalesce(sum(i.status = 'signed_off'), 0) AS signed_off,
         coalesce(sum(${LIGHT('c.yellow_days')} = 'red'), 0) AS overdue,
         coalesce(sum(${LIGHT('c.yellow_days')} = 'yellow'), 0) AS yellow
  FROM campaigns c LEFT JOIN items i ON i.campaign_id = c.id AND i.deleted_at IS NULL
  WHERE c.deleted_at IS NULL
  GROUP BY c.id
  ORDER BY c.year DESC, c.created_at DESC`;

/** stats.campaignProgress equivalent: counts grouped by section, department, status and light. */
export const PROGRESS_GROUPS_SQL = `
  SELECT i.section_id, i.department_id, i.status, ${LIGHT('7')} AS light, count(*) AS n
  FROM items i
  WHERE i.campaign_id = @campaignId AND i.deleted_at IS NULL
  GROUP BY 1, 2, 3, 4`;

/** items.list equivalent: every live item of a campaign with department name and counts. */
export const ITEM_ROWS_SQL = `
  SELECT i.*, d.name AS department_name,
         (SELECT count(*) FROM evidence e WHERE e.item_id = i.id AND e.deleted_at IS NULL) AS evidence_count,
         (SELECT count(*) FROM progress_notes n WHERE n.item_id = i.id AND n.deleted_at IS NULL) AS note_count
  FROM items i LEFT JOIN departments d ON d.id = i.department_id
  WHERE i.campaign_id = @campaignId AND i.deleted_at IS NULL`;

export function campaignFigures(db: BetterSqlite3.Database, today: string): unknown[] {
  return db.prepare(CAMPAIGN_FIGURES_SQL).all({ today });
}
