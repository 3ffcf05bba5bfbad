// Files written outside the database whose fate depends on a transaction: evidence placed in the
// content-addressed store before the rows that cite it commit, a received bundle kept for relay,
// a temporary output beside its final name. Each operation notes every such file in its own
// journal (journal/<pid>-<id>.jsonl, flushed line by line) BEFORE the file appears, and deletes
// the journal once the transaction has committed or the files were cleaned away. A journal left
// by a process that died (kill -9, a power cut) is settled at the next start: each file is kept
// only if the database, as committed, refers to it.
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { fsyncFile, processAlive, readJsonLines, renameDurable, siblingTemp } from './durableFiles';
import { crashPoint } from './crashPoints';
import { immediateTransactionSync } from '../data/transactions';

export const JOURNAL_DIR = 'journal';
const JOURNAL_NAME = /^(\d+)-[0-9a-f-]{36}\.jsonl$/;

export type JournalEntry =
  /** evidence/<xx>/<sha256>: kept only when evidence_blobs has the row. */
  | { kind: 'blob'; sha256: string }
  /** A received bundle kept for relay (path relative to the data folder): kept only when sync_received names it. */
  | { kind: 'received'; path: string }
  /** A temporary file (absolute path): always removed if the journal is left behind. */
  | { kind: 'temp'; path: string };

export class FileJournal {
  private fd: number | null = null;
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, JOURNAL_DIR, `${process.pid}-${uuidv7()}.jsonl`);
  }

  /** Notes a file about to be written; flushed before returning, so a crash after it is covered. */
  record(entry: JournalEntry): void {
    if (this.fd === null) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = fs.openSync(this.file, 'a');
    }
    fs.writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    fs.fsyncSync(this.fd);
  }

  /**
   * Writes `target` through a temporary name beside it, in the only order a crash cannot spoil: the
   * file is noted here first (`entry`; by default the temporary name itself, to be removed if the
   * work is cut short), `produce` writes the temporary file, it is flushed, `flushed` runs (a crash
   * point; an export reserves its number there), and it is renamed to its final name — `finalName()` when given, looked up at that moment
   * — and the folder flushed. Returns the final path and whether a file was there before.
   */
  async place(
    target: string,
    produce: (temp: string) => void | Promise<void>,
    options: { entry?: JournalEntry; flushed?: (temp: string) => void | Promise<void>; finalName?: () => string } = {},
  ): Promise<{ path: string; existed: boolean }> {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const existed = fs.existsSync(target);
    const temp = siblingTemp(target);
    this.record(options.entry ?? { kind: 'temp', path: temp });
    let final = target;
    try {
      await produce(temp);
      fsyncFile(temp);
      await options.flushed?.(temp);
      final = options.finalName?.() ?? target;
      renameDurable(temp, final);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
    return { path: final, existed };
  }

  /** The work is settled (committed, or its files removed): the journal is no longer needed. */
  close(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
    fs.rmSync(this.file, { force: true });
  }
}

const readEntries = (file: string) => readJsonLines<JournalEntry>(file);

/** Leftover pieces of an interrupted write of `target`: its `.part` temporaries. */
function removePartials(target: string): void {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names)
    if (name.startsWith(prefix) && name.endsWith('.part')) fs.rmSync(path.join(dir, name), { force: true });
}

/**
 * Settles the journals of processes that are no longer running. Runs under the database's write
 * lock, so no other process can commit a reference to a file while it decides that file's fate.
 * Returns the number of files removed. A database busy for longer than its timeout leaves the
 * journals for the next start.
 */
export function settleAbandonedJournals(
  dataDir: string,
  sqlite: BetterSqlite3.Database,
  blobFile: (sha256: string) => string,
): number {
  const dir = path.join(dataDir, JOURNAL_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  const abandoned = names.filter((name) => {
    const match = JOURNAL_NAME.exec(name);
    return match !== null && !processAlive(Number(match[1]));
  });
  if (abandoned.length === 0) return 0;
  // Files named by journals of live processes are theirs to settle, whatever a dead one said.
  const protectedFiles = new Set<string>();
  for (const name of names) {
    if (abandoned.includes(name) || !JOURNAL_NAME.test(name)) continue;
    for (const entry of readEntries(path.join(dir, name))) protectedFiles.add(JSON.stringify(entry));
  }
  // Prepared statements: this runs synchronously inside createServices, before Kysely is in use.
  const blobKnown = sqlite.prepare('SELECT 1 FROM evidence_blobs WHERE sha256 = ?');
  const receivedKnown = sqlite.prepare('SELECT 1 FROM sync_received WHERE file_path = ?');
  let removed = 0;
  const remove = (file: string) => {
    if (fs.existsSync(file)) {
      fs.rmSync(file, { force: true });
      removed += 1;
    }
    removePartials(file);
  };
  // Under the write lock: no other process can commit a reference to a file while its fate is decided.
  immediateTransactionSync(sqlite, () => {
    for (const name of abandoned) {
      for (const entry of readEntries(path.join(dir, name))) {
        if (protectedFiles.has(JSON.stringify(entry))) continue;
        if (entry.kind === 'blob' && /^[0-9a-f]{64}$/.test(entry.sha256)) {
          if (blobKnown.get(entry.sha256)) removePartials(blobFile(entry.sha256));
          else remove(blobFile(entry.sha256));
        } else if (
          entry.kind === 'received' &&
          typeof entry.path === 'string' &&
          !path.isAbsolute(entry.path) &&
          !entry.path.split(/[\\/]/).includes('..')
        ) {
          const file = path.join(dataDir, entry.path);
          if (receivedKnown.get(entry.path)) removePartials(file);
          else remove(file);
        } else if (entry.kind === 'temp' && typeof entry.path === 'string' && path.isAbsolute(entry.path)) {
          remove(entry.path);
        }
      }
      fs.rmSync(path.join(dir, name), { force: true });
    }
  });
  return removed;
}

/**
 * Writes an output file (a report, for instance, often onto a USB stick) so that its folder holds
 * the whole file under its name or nothing (FileJournal.place; a crash leaves nothing the next
 * start does not remove). Replaces a file already under that name; `finalName`, when given, picks
 * the name at the last moment (another save may have taken `target` meanwhile). Returns the path.
 */
export async function writeOutputFile(
  dataDir: string,
  target: string,
  content: Buffer | string,
  finalName?: () => string,
): Promise<string> {
  const journal = new FileJournal(dataDir);
  try {
    const placed = await journal.place(target, (temp) => fs.writeFileSync(temp, content), {
      flushed: () => crashPoint('report.written'),
      finalName,
    });
    crashPoint('report.renamed');
    return placed.path;
  } finally {
    journal.close();
  }
}
