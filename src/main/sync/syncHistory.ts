// The sync history (同步记录): one JSON line per export, import or refused preview, appended to
// sync/history.jsonl in the data folder. A file rather than a table so that a refused import
// leaves the court database byte-for-byte as it was.
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { SyncHistoryEntry } from '../../shared/model';
import { readJsonLines } from '../durability/durableFiles';

export const SYNC_DIR = 'sync';
const HISTORY_FILE = 'history.jsonl';

export function syncPath(dataDir: string, ...parts: string[]): string {
  return path.join(dataDir, SYNC_DIR, ...parts);
}

export function appendHistory(dataDir: string, entry: Omit<SyncHistoryEntry, 'id'>): SyncHistoryEntry {
  const full = { id: uuidv7(), ...entry };
  fs.mkdirSync(syncPath(dataDir), { recursive: true });
  fs.appendFileSync(syncPath(dataDir, HISTORY_FILE), `${JSON.stringify(full)}\n`, 'utf8');
  return full;
}

/** Newest first. A line cut short by a crash is skipped rather than hiding the rest. */
export function readHistory(dataDir: string, limit = Infinity): SyncHistoryEntry[] {
  return readJsonLines<SyncHistoryEntry>(syncPath(dataDir, HISTORY_FILE)).reverse().slice(0, limit);
}
