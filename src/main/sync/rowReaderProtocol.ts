// Messages between an import (rowReader.ts, in the importing thread) and its row reader thread
// (rowReaderWorker.ts). Rows cross already checked, as plain objects; an error crosses as a value.
import type { Manifest, ManifestEntry } from './format/manifest';

export type BundleRow = Record<string, unknown>;

/** Read one rows/ entry of a plain bundle file, as readCheckedRows would. */
export interface ReadRowsRequest {
  type: 'read';
  id: number;
  file: string;
  manifest: Manifest;
  table: string;
  entry: ManifestEntry;
  latestDay: string;
}

export type ToRowReader =
  | ReadRowsRequest
  /** One batch of that read was taken in: the reader may send one more. */
  | { type: 'credit'; id: number }
  /** The importing thread refused a row: send no more rows, only the entry's verdict. */
  | { type: 'stop'; id: number }
  /** Close every bundle file and end the thread. */
  | { type: 'close' };

export interface ErrorValue {
  /** An ApiError (code and message are the refusal people read) or any other error. */
  api: boolean;
  name: string;
  message: string;
  code?: string;
  fieldErrors?: Record<string, string>;
  syscall?: string;
  errno?: number;
  path?: string;
}

export type FromRowReader =
  /** A batch of checked rows as columns: one array per ROW_COLUMNS name of the table, `count` each. */
  | { type: 'rows'; id: number; columns: unknown[][]; count: number }
  | { type: 'done'; id: number; rows: number }
  /** `damage`: about the entry's bytes (read, size, hash), which outranks a refused row. */
  | { type: 'failed'; id: number; error: ErrorValue; damage: boolean }
  | { type: 'closed' };
