// Reads an import's big rows/ entries in a thread of their own (rowReaderWorker.ts) while this
// thread writes the rows already read. Reading a basic court's bundle (inflating, hashing, cutting
// lines, parsing and checking ~20,000 rows) takes about as long as writing it; in one thread the
// two add up, here they overlap on the machine's second core. Small entries are read in this
// thread: a round trip costs more than they do.
//
// The outcome is readCheckedRows' own, refusal for refusal: the reader runs readCheckedRows, rows
// reach the handler in order, and when the handler refuses a row the reader is stopped and only the
// entry's damage (a failed read, its size, its hash) can still outrank that refusal — as in
// OpenedBundleZip.readRows. tests/node/sync/rowReader.test.ts runs the hostile bundles through both.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import { ApiError } from '../api/errors';
import { ROW_COLUMNS, type SyncTableName } from '../data/rowSchemas';
import type { Manifest, ManifestEntry } from './format/manifest';
import { compileRows } from './rowColumns';
import type { BundleRow, ErrorValue, FromRowReader, ToRowReader } from './rowReaderProtocol';

/** Rows entries from this size (uncompressed bytes) are read in the reader thread. */
const DEFAULT_MIN_ENTRY_BYTES = 1024 * 1024;

/** The reader thread is started before the bundle is opened (its start-up then overlaps the
 * decryption and checks) when the bundle file is at least this big: compressed rows run ~15×. */
const DEFAULT_MIN_FILE_BYTES = 64 * 1024;

/** Batches are taken for this long at most before other tasks (a cancel request) get a turn. */
const TASK_MS = 20;

/** How long close() waits for the thread to close its files before ending it. */
const CLOSE_WAIT_MS = 5000;

/** COURT_ROW_READER_MIN_BYTES: tests send every entry, however small, through the thread. */
function minEntryBytes(): number {
  const configured = process.env.COURT_ROW_READER_MIN_BYTES ? Number(process.env.COURT_ROW_READER_MIN_BYTES) : NaN;
  return Number.isFinite(configured) && configured >= 0 ? configured : DEFAULT_MIN_ENTRY_BYTES;
}

/**
 * The reader's script: the bundled rowReader.js beside this bundle (dist/main/, or next to the
 * command line's bundle in dist/cli/ → dist/main/). Run from source (tests, development), the one
 * COURT_TEST_ROW_READER names, else none: then every entry is read in this thread.
 */
function readerScript(): string | null {
  if (__filename.endsWith('.ts')) {
    const built = process.env.COURT_TEST_ROW_READER;
    return built && fs.existsSync(built) ? path.resolve(built) : null;
  }
  const candidates = [path.join(__dirname, 'rowReader.js'), path.join(__dirname, '..', 'main', 'rowReader.js')];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

interface PendingRead {
  /** Set once the import comes to this entry; rows read before wait in `waiting`. */
  onRow: ((row: BundleRow) => void) | null;
  table: string;
  waiting: { columns: unknown[][]; count: number }[];
  /** A task to take the next batch is queued. */
  scheduled: boolean;
  /** The handler's refusal, once it refused a row. */
  refused: { error: unknown } | null;
  /** The reader's last word, when it came before the import got to this entry. */
  outcome: Extract<FromRowReader, { type: 'done' | 'failed' }> | null;
  settle: { resolve(rows: number | null): void; reject(error: unknown): void } | null;
  /** Rows handed to the handler so far: none, and a failed thread leaves the entry to the import. */
  handed: number;
}

/** An entry of a bundle the import will read through the reader. */
export interface AheadEntry {
  table: string;
  entry: ManifestEntry;
}

const aheadKey = (file: string, entry: ManifestEntry) => `${file}\n${entry.name}\n${entry.sha256}`;

function revive(value: ErrorValue): Error {
  if (value.api) return new ApiError(value.code ?? 'E_INTERNAL', value.message, value.fieldErrors);
  const error = new Error(value.message) as NodeJS.ErrnoException;
  error.name = value.name;
  if (value.code !== undefined) error.code = value.code;
  if (value.syscall !== undefined) error.syscall = value.syscall;
  if (value.errno !== undefined) error.errno = value.errno;
  if (value.path !== undefined) error.path = value.path;
  return error;
}

export class RowReader {
  private readonly reads = new Map<number, PendingRead>();
  /** Reads asked for ahead, by bundle file and entry, until the import comes to them. */
  private readonly ahead = new Map<string, number>();
  /** Every entry ever asked for ahead: asked twice, the second read would never be taken, and the
   * reader (which reads in order, holding back once it is far enough ahead) would wait forever. */
  private readonly asked = new Set<string>();
  private readonly builders = new Map<string, (columns: unknown[][], count: number) => BundleRow[]>();
  private nextId = 1;
  private fault: Error | null = null;
  private closing: Promise<void> | null = null;
  private readonly exited: Promise<void>;
  private readonly filesClosed: Promise<void>;
  private onFilesClosed: () => void = () => undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromRowReader) => this.receive(message));
    worker.on('error', (error) => this.stopAll(error));
    this.filesClosed = new Promise((resolve) => (this.onFilesClosed = resolve));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        this.stopAll(new Error(`the row reader thread ended (${code})`));
        resolve();
      }),
    );
  }

  /** A reader for an import of this file, or null: no reader script, or a bundle too small to need one. */
  static forBundle(file: string): RowReader | null {
    const min = minEntryBytes();
    let size = 0;
    try {
      size = fs.statSync(file).size;
    } catch {
      return null;
    }
    if (size < Math.min(min, DEFAULT_MIN_FILE_BYTES)) return null;
    const script = readerScript();
    if (!script) return null;
    try {
      // SHARE_ENV: the reader reads no environment; copying it costs this thread a few milliseconds.
      return new RowReader(new Worker(script, { env: SHARE_ENV }));
    } catch {
      return null;
    }
  }

  /** Asks for a bundle's big entries, in the order the import will read them — the reader reads
   * the next while the import writes this one (messages wait for the thread while it loads). Only
   * entries this thread reads next, in this order: the reader works through them in turn. */
  readAhead(file: string, manifest: Manifest, entries: AheadEntry[], latestDay: string): void {
    for (const { table, entry } of entries) {
      const key = aheadKey(file, entry);
      if (!this.wants(entry) || this.asked.has(key)) continue;
      this.asked.add(key);
      this.ahead.set(key, this.ask(file, manifest, table, entry, latestDay));
    }
  }

  /** readCheckedRows for one rows/ entry of the plain bundle at `file`, in the reader thread. null
   * (at once, or once the thread failed before handing a row over): this thread reads it itself. */
  async read(
    file: string,
    manifest: Manifest,
    table: string,
    entry: ManifestEntry,
    latestDay: string,
    onRow: (row: BundleRow) => void,
  ): Promise<number | null> {
    const key = aheadKey(file, entry);
    let id = this.ahead.get(key);
    this.ahead.delete(key);
    if (id === undefined) {
      if (!this.wants(entry)) return null;
      id = this.ask(file, manifest, table, entry, latestDay);
    }
    this.dropSkipped(id);
    const read = this.reads.get(id);
    if (!read) return null; // the thread failed before this read began
    return new Promise<number | null>((resolve, reject) => {
      read.onRow = onRow;
      read.settle = { resolve, reject };
      this.schedule(id, read);
    });
  }

  /** Has the reader close its files (before the import deletes its temporary files) and end its
   * thread; resolves once the files are closed. A thread that does not answer is ended. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (!this.fault) this.post({ type: 'close' });
      const timer = setTimeout(() => void this.worker.terminate(), CLOSE_WAIT_MS);
      try {
        await Promise.race([this.filesClosed, this.exited]);
      } finally {
        clearTimeout(timer);
        // The thread ends on its own; it must not keep the process (the command line) running.
        this.worker.unref();
      }
    })();
    return this.closing;
  }

  /** Turns a batch's columns back into rows (compiled once per table). */
  private rowsOf(table: string): (columns: unknown[][], count: number) => BundleRow[] {
    let build = this.builders.get(table);
    if (!build) {
      build = compileRows(ROW_COLUMNS[table as SyncTableName] ?? []);
      this.builders.set(table, build);
    }
    return build;
  }

  /** Reads asked for before this one and never taken: the reader works in turn and would wait on
   * them for ever (holding back once far enough ahead), so they are called off. */
  private dropSkipped(id: number): void {
    for (const [earlier, read] of this.reads) {
      if (earlier >= id || read.onRow) continue;
      this.reads.delete(earlier);
      this.post({ type: 'stop', id: earlier });
    }
    for (const [key, earlier] of this.ahead) if (earlier < id) this.ahead.delete(key);
  }

  private wants(entry: ManifestEntry): boolean {
    return this.fault === null && this.closing === null && entry.size >= minEntryBytes();
  }

  private ask(file: string, manifest: Manifest, table: string, entry: ManifestEntry, latestDay: string): number {
    const id = this.nextId++;
    this.reads.set(id, {
      table,
      onRow: null,
      waiting: [],
      scheduled: false,
      refused: null,
      outcome: null,
      settle: null,
      handed: 0,
    });
    this.post({ type: 'read', id, file, manifest, table, entry, latestDay });
    return id;
  }

  private post(message: ToRowReader): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromRowReader): void {
    if (message.type === 'closed') {
      this.onFilesClosed();
      return;
    }
    const read = this.reads.get(message.id);
    if (!read) return;
    // Held until taken in turn (before the import asks for this entry, the reader gets no credit
    // for them, so it soon stops).
    if (message.type === 'rows') read.waiting.push({ columns: message.columns, count: message.count });
    else read.outcome = message;
    this.schedule(message.id, read);
  }

  /**
   * Takes the waiting batches in tasks of their own, TASK_MS at most each. Node hands a thread up
   * to a thousand waiting messages at once; taking every batch as it arrives would hold this thread
   * for the whole entry, and a cancel request or Ctrl+C (the command line) would be heard only
   * after the last row.
   */
  private schedule(id: number, read: PendingRead): void {
    if (!read.onRow || read.scheduled) return;
    read.scheduled = true;
    setImmediate(() => {
      read.scheduled = false;
      if (this.reads.get(id) !== read) return; // settled already: the thread failed
      const started = performance.now();
      let next = read.waiting.shift();
      while (next) {
        this.take(id, read, this.rowsOf(read.table)(next.columns, next.count));
        if (performance.now() - started >= TASK_MS) break;
        next = read.waiting.shift();
      }
      if (read.waiting.length > 0) this.schedule(id, read);
      else if (read.outcome) this.finish(id, read, read.outcome);
    });
  }

  /** One batch through the handler (none after it refused one), then credit for another. */
  private take(id: number, read: PendingRead, rows: BundleRow[]): void {
    if (!read.refused && read.onRow) {
      for (const row of rows) {
        try {
          read.handed += 1;
          read.onRow(row);
        } catch (error) {
          read.refused = { error };
          this.post({ type: 'stop', id });
          break;
        }
      }
    }
    this.post({ type: 'credit', id });
  }

  private finish(id: number, read: PendingRead, outcome: NonNullable<PendingRead['outcome']>): void {
    this.reads.delete(id);
    const settle = read.settle;
    if (!settle) return;
    if (outcome.type === 'done') {
      if (read.refused) settle.reject(read.refused.error);
      else settle.resolve(outcome.rows);
      return;
    }
    // The entry's damage outranks the handler's refusal; a later row's or line's refusal does not.
    settle.reject(read.refused && !outcome.damage ? read.refused.error : revive(outcome.error));
  }

  private stopAll(error: Error): void {
    this.fault ??= error;
    // A thread that failed before handing a row over costs only time: the import reads it itself.
    for (const read of this.reads.values()) {
      if (read.handed === 0) read.settle?.resolve(null);
      else read.settle?.reject(error);
    }
    this.reads.clear();
    this.ahead.clear();
  }
}
