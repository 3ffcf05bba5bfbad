// The owned tables that travel in bundles, in the order an importer can insert them (parents
// before children), and how each row finds its campaign for the per-campaign counts.
// Never synced: users, audit_log, light_history, settings, change_counter, sync_* (local state).
import type BetterSqlite3 from 'better-sqlite3';
import type { OwnedTable } from '../data/schema';

export interface SyncTable {
  /** SQLite name, as in migrations/ and in bundle entry names rows/<name>.ndjson. */
  name: string;
  /** How a row's campaign is found: its own column, or through its parent row. */
  campaign: 'column' | { via: string; parentTable: string } | null;
}

export const SYNC_TABLES: readonly SyncTable[] = [
  { name: 'courts', campaign: null },
  { name: 'departments', campaign: null },
  { name: 'people', campaign: null },
  { name: 'campaigns', campaign: null },
  { name: 'sections', campaign: 'column' },
  { name: 'items', campaign: 'column' },
  { name: 'progress_notes', campaign: { via: 'item_id', parentTable: 'items' } },
  { name: 'evidence', campaign: { via: 'item_id', parentTable: 'items' } },
  { name: 'signoffs', campaign: { via: 'item_id', parentTable: 'items' } },
  { name: 'problem_aspects', campaign: 'column' },
  { name: 'problems', campaign: 'column' },
  { name: 'inspection_reports', campaign: 'column' },
  { name: 'inspection_claims', campaign: { via: 'report_id', parentTable: 'inspection_reports' } },
  { name: 'inspection_rounds', campaign: { via: 'report_id', parentTable: 'inspection_reports' } },
  { name: 'ledger_findings', campaign: 'column' },
  { name: 'ledger_measures', campaign: 'column' },
  { name: 'ledger_events', campaign: { via: 'measure_id', parentTable: 'ledger_measures' } },
  { name: 'lookbacks', campaign: { via: 'measure_id', parentTable: 'ledger_measures' } },
  { name: 'ledger_evidence', campaign: { via: 'measure_id', parentTable: 'ledger_measures' } },
  { name: 'supervision_notes', campaign: 'column' },
  { name: 'indicators', campaign: 'column' },
  { name: 'indicator_values', campaign: { via: 'indicator_id', parentTable: 'indicators' } },
  { name: 'roster_courts', campaign: null },
  { name: 'package_receipts', campaign: 'column' },
  { name: 'deadline_changes', campaign: 'column' },
  { name: 'supervision_orders', campaign: 'column' },
  { name: 'order_responses', campaign: { via: 'order_id', parentTable: 'supervision_orders' } },
  { name: 'notices', campaign: 'column' },
];

export const SYNC_TABLE_NAMES = new Set(SYNC_TABLES.map((table) => table.name));

/** Tables whose rows cite an evidence file by content hash, and the column that holds it. */
export const EVIDENCE_COLUMNS: Readonly<Record<string, string>> = {
  evidence: 'sha256',
  ledger_evidence: 'sha256',
  indicator_values: 'evidence_sha256',
};

/** The columns of each synced table, read from the database itself so bundles follow migrations.
 * Schema introspection on the raw connection: synchronous, for the import session's statement
 * cache and the bench's raw baseline, which build their prepared statements from it. */
export function tableColumns(sqlite: BetterSqlite3.Database): Map<string, string[]> {
  const columns = new Map<string, string[]>();
  for (const table of SYNC_TABLES) {
    const info = sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table.name) as { name: string }[];
    columns.set(
      table.name,
      info.map((column) => column.name),
    );
  }
  return columns;
}

/** A synced table's name as Kysely knows it (schema.ts), e.g. progress_notes → progressNotes. */
export function syncTableKey(name: string): OwnedTable {
  return name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()) as OwnedTable;
}
