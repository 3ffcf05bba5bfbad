// The row reader thread, started by rowReader.ts for one import: reads a bundle's big rows/
// entries exactly as readCheckedRows does in the importing thread (inflate, hash, cut lines, parse,
// check every row) and hands the checked rows over in batches, while the importing thread writes
// the batches before. At most BATCHES_AHEAD batches are on their way at once, so memory stays
// bounded whatever the bundle's size. It never opens the database.
import { parentPort, type MessagePort } from 'node:worker_threads';
import { ApiError } from '../api/errors';
import { readCheckedRows } from './bundleChecks';
import { isEntryDamage, openBundleZip, type OpenedBundleZip } from './format/container';
import { DEFAULT_LIMITS } from './format/limits';
import { ROW_COLUMNS, type SyncTableName } from '../data/rowSchemas';
import { toColumns } from './rowColumns';
import type { BundleRow, ErrorValue, FromRowReader, ReadRowsRequest, ToRowReader } from './rowReaderProtocol';

/** Rows per batch: the first batches small, so the importing thread starts writing soon. */
const FIRST_BATCH_ROWS = 32;
const BATCH_ROWS = 256;
const BATCHES_AHEAD = 32;

/** Thrown into readRows once the importing thread refused a row: it then only hashes to the end. */
class Stopped extends Error {}

interface ReadState {
  credit: number;
  stopped: boolean;
  wake: (() => void) | null;
}

function ownPort(): MessagePort {
  if (!parentPort) throw new Error('rowReaderWorker runs only as a worker thread');
  return parentPort;
}

const port = ownPort();
const post = (message: FromRowReader) => port.postMessage(message);
const reads = new Map<number, ReadState>();
const zips = new Map<string, Promise<OpenedBundleZip>>();

function zipOf(file: string): Promise<OpenedBundleZip> {
  let zip = zips.get(file);
  if (!zip) {
    zip = openBundleZip(file, DEFAULT_LIMITS);
    zips.set(file, zip);
  }
  return zip;
}

function errorValue(error: unknown): ErrorValue {
  if (error instanceof ApiError) {
    return { api: true, name: 'ApiError', code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  }
  const other = (error instanceof Error ? error : new Error(String(error))) as NodeJS.ErrnoException;
  return {
    api: false,
    name: other.name,
    message: other.message,
    code: other.code,
    syscall: other.syscall,
    errno: other.errno,
    path: other.path,
  };
}

async function send(id: number, state: ReadState, names: readonly string[], rows: BundleRow[]): Promise<void> {
  while (state.credit === 0 && !state.stopped) await new Promise<void>((resolve) => (state.wake = resolve));
  if (state.stopped) return;
  state.credit -= 1;
  post({ type: 'rows', id, columns: toColumns(names, rows), count: rows.length });
}

let closed = false;
/** Reads called off before they began. */
const cancelled = new Set<number>();

async function read(request: ReadRowsRequest): Promise<void> {
  if (closed || cancelled.delete(request.id)) return;
  const { id } = request;
  const state: ReadState = { credit: BATCHES_AHEAD, stopped: false, wake: null };
  reads.set(id, state);
  // A checked row holds exactly its table's columns: they travel as columns, in this order.
  const names = ROW_COLUMNS[request.table as SyncTableName] ?? [];
  let batch: BundleRow[] = [];
  let batchRows = FIRST_BATCH_ROWS;
  // Rows go over before the verdict, so the importing thread meets a refused row of its own before
  // a later line's or the count's refusal, as it would reading the entry itself.
  const flush = async () => {
    const rows = batch;
    batch = [];
    if (rows.length > 0) await send(id, state, names, rows);
  };
  try {
    let opened: OpenedBundleZip;
    try {
      opened = await zipOf(request.file);
    } catch (error) {
      // The importing thread opened this very file: failing now, it changed or went away.
      post({ type: 'failed', id, error: errorValue(error), damage: true });
      return;
    }
    const { manifest, table, entry, latestDay } = request;
    const rows = await readCheckedRows(opened, manifest, table, entry, latestDay, (row) => {
      if (state.stopped) throw new Stopped();
      batch.push(row);
      if (batch.length >= batchRows) {
        batchRows = Math.min(batchRows * 2, BATCH_ROWS);
        return flush();
      }
    });
    await flush();
    post({ type: 'done', id, rows });
  } catch (error) {
    await flush();
    post({ type: 'failed', id, error: errorValue(error), damage: isEntryDamage(error) });
  } finally {
    reads.delete(id);
  }
}

async function close(): Promise<void> {
  closed = true;
  for (const state of reads.values()) {
    state.stopped = true;
    state.wake?.();
  }
  for (const zip of zips.values()) await zip.then((opened) => opened.close()).catch(() => undefined);
  zips.clear();
  post({ type: 'closed' });
  port.close();
}

// Reads run one after another, in the order asked: an import asks for a bundle's entries ahead,
// in the order it writes them, and the reader works on the next while it writes this one.
let queue = Promise.resolve();

port.on('message', (message: ToRowReader) => {
  if (message.type === 'read') {
    queue = queue.then(() => read(message));
    return;
  }
  if (message.type === 'close') {
    void close();
    return;
  }
  const state = reads.get(message.id);
  if (!state) {
    if (message.type === 'stop') cancelled.add(message.id);
    return;
  }
  if (message.type === 'credit') state.credit += 1;
  else state.stopped = true;
  const wake = state.wake;
  state.wake = null;
  wake?.();
});
