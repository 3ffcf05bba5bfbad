// The zip container of a sync bundle: writing entries as they are produced (rows streamed as
// NDJSON, evidence files, nested bundles of subordinate courts) and reading them back with every
// name, size and hash checked before anything reaches the database or the evidence folder.
import { isUtf8 } from 'node:buffer';
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import {
  PassThrough,
  Transform,
  Writable,
  pipeline as connectStreams,
  type Readable,
  type TransformCallback,
} from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { ApiError } from '../../api/errors';
import { bundleError, readableSize } from './errors';
import { DEFAULT_LIMITS, MAX_SIGNATURE_FILE_BYTES, RATIO_CHECK_MIN_BYTES, type BundleLimits } from './limits';
import { MANIFEST_NAME, SIGNATURE_NAME, entryKind, rowsEntryName, type Manifest, type ManifestEntry } from './manifest';
import { checkZipLayout, readZipEnd, type ZipEnd } from './zipLayout';

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ENTRY_MODE = 0o100644;
/** Entries carry the DOS date and time only: yazl's extended-timestamp extra field would exist in
 *  the central directory alone, with nothing to check it against. Bundles written before still read. */
const ENTRY_OPTIONS = { mode: ENTRY_MODE, forceDosTimestamp: true } as const;
/** Rows are handed to the zip in batches of about this size rather than one write per row. */
const ROWS_BATCH_BYTES = 64 * 1024;
/** Info-ZIP Unicode Path extra field: another name for the entry that other tools would show. */
const UNICODE_PATH_FIELD = 0x7075;
const ENCRYPTED_FLAG = 0x1;
const STORED = 0;
const DEFLATED = 8;

export const SIGNATURE_ALGORITHM = 'Ed25519';

/** manifest.sig: {"alg":"Ed25519","signature":"<base64 of 64 bytes>"} */
export function encodeSignatureFile(signature: Buffer): Buffer {
  return Buffer.from(JSON.stringify({ alg: SIGNATURE_ALGORITHM, signature: signature.toString('base64') }), 'utf8');
}

/** An unusable manifest.sig yields an empty signature, which never verifies (E_BAD_SIGNATURE upstream). */
export function decodeSignatureFile(bytes: Buffer): Buffer {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as { alg?: unknown; signature?: unknown };
    if (value.alg !== SIGNATURE_ALGORITHM || typeof value.signature !== 'string') return Buffer.alloc(0);
    const signature = Buffer.from(value.signature, 'base64');
    return signature.length === 64 && signature.toString('base64') === value.signature ? signature : Buffer.alloc(0);
  } catch {
    return Buffer.alloc(0);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface RowsEntryWriter {
  add(row: Record<string, unknown>): Promise<void>;
  finish(): Promise<ManifestEntry>;
}

export class BundleZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly output: fs.WriteStream;
  private readonly closed: Promise<void>;
  private readonly failed: Promise<never>;
  private rejectFailed!: (error: Error) => void;
  private failure: Error | null = null;
  private openRowsEntry: string | null = null;
  private readonly names = new Set<string>();
  /** Streams feeding the zip, ended on failure so that no evidence file stays open. */
  private readonly sources = new Set<Readable>();
  private readonly mtime = new Date();
  private ended = false;

  constructor(private readonly outPath: string) {
    this.failed = new Promise<never>((_, reject) => {
      this.rejectFailed = reject;
    });
    this.failed.catch(() => undefined); // observed through the calls that race against it
    this.output = fs.createWriteStream(outPath);
    this.closed = new Promise((resolve) => this.output.once('close', () => resolve()));
    this.output.on('error', (error) => this.fail(error));
    this.zip.on('error', (error: Error) => this.fail(error));
    this.zip.outputStream.on('error', (error: Error) => this.fail(error));
    this.zip.outputStream.pipe(this.output);
  }

  /** Streams NDJSON rows: call add(row) per row (row = plain object), then finish(); hashing as it goes.
   *  One rows entry at a time: finish it before starting the next (the zip writes entries in order). */
  rowsEntry(table: string): RowsEntryWriter {
    const name = rowsEntryName(table);
    if (this.openRowsEntry !== null) {
      throw new Error(`rows entry ${this.openRowsEntry} must be finished before ${name} starts`);
    }
    this.claim(name);
    this.openRowsEntry = name;
    const stream = new PassThrough({ highWaterMark: 1024 * 1024 });
    this.track(stream);
    const consumed = once(stream, 'end');
    consumed.catch(() => undefined);
    this.zip.addReadStreamLazy(name, { ...ENTRY_OPTIONS, mtime: this.mtime, compress: true }, (callback) =>
      callback(null, stream),
    );
    const hash = crypto.createHash('sha256');
    let size = 0;
    let rows = 0;
    let batch: Buffer[] = [];
    let batchBytes = 0;
    let finished = false;

    const flush = async () => {
      if (batchBytes === 0) return;
      const chunk = batch.length === 1 ? batch[0] : Buffer.concat(batch, batchBytes);
      batch = [];
      batchBytes = 0;
      if (!stream.write(chunk)) await Promise.race([this.failed, once(stream, 'drain')]);
    };

    return {
      add: async (row) => {
        this.throwIfFailed();
        if (finished) throw new Error(`rows entry ${name} is already finished`);
        const line = Buffer.from(`${JSON.stringify(row)}\n`, 'utf8');
        if (line.length - 1 > DEFAULT_LIMITS.maxLineBytes) {
          throw bundleError(
            'E_TOO_LARGE',
            `数据表 ${table} 中有一条记录超过 ${readableSize(DEFAULT_LIMITS.maxLineBytes)}，无法放入同步数据包。`,
          );
        }
        hash.update(line);
        size += line.length;
        rows += 1;
        batch.push(line);
        batchBytes += line.length;
        if (batchBytes >= ROWS_BATCH_BYTES) await flush();
      },
      finish: async () => {
        this.throwIfFailed();
        if (finished) throw new Error(`rows entry ${name} is already finished`);
        finished = true;
        await flush();
        stream.end();
        await Promise.race([this.failed, consumed]);
        this.openRowsEntry = null;
        return { name, sha256: hash.digest('hex'), size, rows };
      },
    };
  }

  /** An evidence file, compressed. The bytes are hashed on the way in; a file that no longer
   *  matches sha256/size fails the whole bundle at finish() rather than shipping wrong content. */
  addFile(name: string, filePath: string, sha256: string, size: number): ManifestEntry {
    const kind = entryKind(name);
    if (kind.kind !== 'file' || kind.sha256 !== sha256) throw new Error(`${name} is not files/<sha256> of ${sha256}`);
    return this.addFromDisk(name, filePath, sha256, size, true);
  }

  /** A subordinate court's own signed bundle, stored without compression (it is a zip already). */
  addNested(name: string, filePath: string, sha256: string, size: number): ManifestEntry {
    const kind = entryKind(name);
    if (kind.kind !== 'nested' || kind.sha256 !== sha256)
      throw new Error(`${name} is not a nested bundle of ${sha256}`);
    return this.addFromDisk(name, filePath, sha256, size, false);
  }

  /** Writes manifest.json (exact bytes given) and manifest.sig, ends the zip, resolves when the file is flushed. */
  async finish(manifestBytes: Buffer, signature: Buffer): Promise<void> {
    this.throwIfFailed();
    if (this.openRowsEntry !== null) throw new Error(`rows entry ${this.openRowsEntry} is not finished`);
    if (this.ended) throw new Error('bundle already finished');
    this.ended = true;
    this.claim(MANIFEST_NAME);
    this.claim(SIGNATURE_NAME);
    this.zip.addBuffer(manifestBytes, MANIFEST_NAME, { ...ENTRY_OPTIONS, mtime: this.mtime, compress: true });
    this.zip.addBuffer(encodeSignatureFile(signature), SIGNATURE_NAME, {
      ...ENTRY_OPTIONS,
      mtime: this.mtime,
      compress: false,
    });
    this.zip.end();
    await Promise.race([this.failed, this.closed]);
    this.throwIfFailed();
    // The bundle is often written straight to a USB stick: make sure it is on the device.
    const handle = await fs.promises.open(this.outPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Gives up: closes the output file (the caller deletes it). Safe to call after a failure. */
  async abort(): Promise<void> {
    this.fail(new Error('bundle writing aborted'));
    await this.closed;
  }

  private addFromDisk(name: string, filePath: string, sha256: string, size: number, compress: boolean): ManifestEntry {
    this.throwIfFailed();
    this.claim(name);
    this.zip.addReadStreamLazy(name, { ...ENTRY_OPTIONS, mtime: this.mtime, compress, size }, (callback) => {
      const source = fs.createReadStream(filePath);
      this.track(source);
      const check = new HashCheck(sha256, Number.MAX_SAFE_INTEGER, () =>
        bundleError('E_CORRUPT', '本院保存的一个佐证材料或下级数据包文件已损坏或被改动，无法放入同步数据包。'),
      );
      source.on('error', (error) => check.destroy(error));
      check.on('error', (error) => this.fail(error));
      callback(null, source.pipe(check));
    });
    return { name, sha256, size };
  }

  private track(stream: Readable): void {
    if (this.failure) {
      stream.destroy();
      return;
    }
    this.sources.add(stream);
    stream.once('close', () => this.sources.delete(stream));
  }

  private claim(name: string): void {
    if (this.ended && name !== MANIFEST_NAME && name !== SIGNATURE_NAME) throw new Error('bundle already finished');
    if (this.names.has(name)) throw new Error(`entry ${name} added twice`);
    this.names.add(name);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.rejectFailed(error);
    for (const source of this.sources) source.destroy();
    this.sources.clear();
    this.output.destroy();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

/** Passes bytes through, counting and hashing them; fails past maxBytes, or at the end on a
 *  SHA-256 other than expected (mismatch()) or, when expectedCrc32 is given, on a CRC-32 other
 *  than the zip directory's with the right SHA-256 (the directory was altered: E_CORRUPT). */
class HashCheck extends Transform {
  private readonly digest: EntryDigest;

  constructor(expectedSha256: string, maxBytes: number, mismatch: () => Error, expectedCrc32: number | null = null) {
    super();
    this.digest = new EntryDigest(expectedSha256, expectedCrc32, maxBytes, mismatch);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.digest.update(chunk);
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.digest.verdict());
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ZipEntrySizes {
  compressedSize: number;
  uncompressedSize: number;
}

/** Called for each row by readRows, with its line number (from 1); may be async. */
export type RowHandler = (row: Record<string, unknown>, line: number) => void | Promise<void>;

export interface OpenedBundleZip {
  manifestBytes: Buffer;
  /** null when manifest.sig is absent; empty when it is present but unusable. */
  signature: Buffer | null;
  /** Names of all entries besides manifest.json and manifest.sig, with their sizes from the zip directory. */
  entries: Map<string, ZipEntrySizes>;
  /** Streams one entry; errors E_TAMPERED if its SHA-256 at the end differs from expectedSha256,
   *  E_CORRUPT if only its CRC-32 differs from the zip directory's, E_TOO_LARGE if it grows past maxBytes. */
  openEntry(name: string, expectedSha256: string, maxBytes: number): Promise<NodeJS.ReadableStream>;
  /**
   * Reads the NDJSON rows of one entry, calling onRow for each (awaited) with its line number.
   * When onRow throws, no more rows are handed over but the entry is still read to its end: if its
   * SHA-256 then differs from expectedSha256 the damage explains the failure and E_TAMPERED is
   * thrown (E_CORRUPT when only the CRC-32 differs), otherwise onRow's error, unchanged. A line
   * that is not one JSON object, a blank line, a byte-order mark or a last line without its
   * newline: E_CORRUPT naming the line; a line over the limit or an entry past maxBytes: E_TOO_LARGE.
   */
  readRows(name: string, expectedSha256: string, maxBytes: number, onRow: RowHandler): Promise<{ rows: number }>;
  /** Copies an entry to a file, verifying hash and size; used for evidence files and nested bundles. */
  extractTo(name: string, expectedSha256: string, maxBytes: number, outPath: string): Promise<void>;
  /** Reads an entry to its end for its checks alone (hash, CRC-32, size), keeping nothing. */
  verifyEntry(name: string, expectedSha256: string, maxBytes: number): Promise<void>;
  close(): Promise<void>;
}

const tampered = () => bundleError('E_TAMPERED');

/** The errors readRows gives for an entry's bytes themselves (a failed read, the size, SHA-256 or
 * CRC-32), which outrank a row handler's error. A reader running ahead of the rows' consumer
 * (rowReader.ts) needs to tell these from a row's or a line's refusal, which a consumer's own
 * earlier failure outranks. */
const entryDamage = new WeakSet<object>();

function asEntryDamage<E extends Error>(error: E): E {
  entryDamage.add(error);
  return error;
}

export function isEntryDamage(error: unknown): boolean {
  return typeof error === 'object' && error !== null && entryDamage.has(error);
}
/** The bytes are the signed ones but the zip's own checksum of them differs: the directory was changed. */
const crcMismatch = () =>
  bundleError('E_CORRUPT', '同步数据包中有文件的校验码与压缩目录记载的不一致，数据包已损坏，请重新复制或重新导出。');

/** What a failure from yauzl or zlib means for the person importing. */
function zipReadError(error: unknown): Error {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('too many bytes in the stream')) {
    return bundleError('E_TOO_LARGE', '同步数据包中有文件的实际大小超过了登记的大小，为安全起见已拒绝导入。');
  }
  if (message.startsWith('not enough bytes in the stream')) return tampered();
  // zlib cannot inflate it: the stored bytes are not the ones that were signed.
  if (
    typeof (error as { errno?: unknown }).errno === 'number' &&
    /^Z_/.test(String((error as { code?: unknown }).code))
  ) {
    return tampered();
  }
  if ((error as { syscall?: unknown }).syscall !== undefined) return error as Error; // disk trouble, not the bundle
  return bundleError('E_CORRUPT');
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const NEWLINE = 0x0a;

function lineError(line: number, what: string): ApiError {
  return bundleError('E_CORRUPT', `同步数据包中的数据文件第 ${line} 行${what}，无法读取，请重新复制或重新导出。`);
}

/**
 * Cuts an NDJSON entry into rows as its bytes arrive: one JSON object per line, every line ending
 * in a newline, no blank lines, no byte-order mark, no line longer than the limit. The first
 * problem is kept in `problem` and nothing after it is parsed.
 */
class NdjsonLines {
  problem: ApiError | null = null;
  private line = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  // ignoreBOM: a byte-order mark stays in the text (and is refused) instead of vanishing silently.

  constructor(private readonly lineLimit: number) {}

  /** The complete rows in this chunk, with their line numbers. */
  push(chunk: Buffer): { row: Record<string, unknown>; line: number }[] {
    const rows: { row: Record<string, unknown>; line: number }[] = [];
    let start = 0;
    while (start < chunk.length && !this.problem) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      const piece = chunk.subarray(start, end);
      if (this.pendingBytes + piece.length > this.lineLimit) {
        this.problem = bundleError(
          'E_TOO_LARGE',
          `同步数据包中的数据文件第 ${this.line + 1} 行超过 ${readableSize(this.lineLimit)}，为安全起见已拒绝导入。`,
        );
        break;
      }
      if (newline === -1) {
        this.pending.push(piece);
        this.pendingBytes += piece.length;
        break;
      }
      const bytes = this.pendingBytes === 0 ? piece : Buffer.concat([...this.pending, piece]);
      this.pending = [];
      this.pendingBytes = 0;
      start = newline + 1;
      this.line += 1;
      const row = this.parse(bytes);
      if (row) rows.push({ row, line: this.line });
    }
    return rows;
  }

  /** At the end of the entry: a last line without its newline is a problem. */
  finish(): void {
    if (!this.problem && this.pendingBytes > 0)
      this.problem = lineError(this.line + 1, '（最后一行）不完整，缺少行末的换行符');
  }

  private parse(bytes: Buffer): Record<string, unknown> | null {
    if (this.line === 1 && bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM)) {
      this.problem = lineError(1, '开头有多余的字节顺序标记');
    } else if (bytes.length === 0) {
      this.problem = lineError(this.line, '是空行');
    } else if (bytes[0] === OPEN_BRACE && bytes[bytes.length - 1] === CLOSE_BRACE) {
      // One object and nothing around it (no spaces, no carriage return).
      try {
        // Malformed UTF-8 is refused, never replaced: isUtf8 then a plain decode is the fast way.
        if (!isUtf8(bytes)) throw new Error('not UTF-8');
        const value: unknown = JSON.parse(bytes.toString('utf8'));
        if (typeof value === 'object' && value !== null && !Array.isArray(value))
          return value as Record<string, unknown>;
      } catch {
        // refused below
      }
    }
    this.problem ??= lineError(this.line, '格式有误，不是一条完整的记录');
    return null;
  }
}

/** Hashes an entry as it is read (and counts it: past maxBytes, E_TOO_LARGE at once) and judges it
 * at the end: a SHA-256 other than expected (mismatch(), E_TAMPERED unless said otherwise), then,
 * when the directory's CRC-32 is given, a CRC-32 other than it with the right SHA-256 (the
 * directory was altered: E_CORRUPT). */
class EntryDigest {
  private readonly hash = crypto.createHash('sha256');
  private crc = 0;
  private bytes = 0;

  constructor(
    private readonly expectedSha256: string,
    private readonly expectedCrc32: number | null,
    private readonly maxBytes: number,
    private readonly mismatch: () => ApiError | Error = tampered,
  ) {}

  update(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) throw bundleError('E_TOO_LARGE');
    this.hash.update(chunk);
    if (this.expectedCrc32 !== null) this.crc = zlib.crc32(chunk, this.crc);
  }

  /** The damage found, if any. */
  verdict(): ApiError | Error | null {
    if (this.hash.digest('hex') !== this.expectedSha256) return this.mismatch();
    if (this.expectedCrc32 !== null && this.crc !== this.expectedCrc32) return crcMismatch();
    return null;
  }
}

class OpenedZip implements OpenedBundleZip {
  private readonly streams = new Set<Readable>();
  private fdClosed = false;
  private readonly fdClosedEvent: Promise<void>;

  constructor(
    private readonly zipfile: yauzl.ZipFile,
    private readonly byName: Map<string, yauzl.Entry>,
    private readonly limits: BundleLimits,
    readonly manifestBytes: Buffer,
    readonly signature: Buffer | null,
    readonly entries: Map<string, ZipEntrySizes>,
  ) {
    this.fdClosedEvent = new Promise((resolve) =>
      zipfile.once('close', () => {
        this.fdClosed = true;
        resolve();
      }),
    );
  }

  private entry(name: string): yauzl.Entry {
    const entry = this.byName.get(name);
    if (!entry || !this.entries.has(name)) throw tampered();
    return entry;
  }

  async openEntry(name: string, expectedSha256: string, maxBytes: number): Promise<NodeJS.ReadableStream> {
    return openCheckedStream(this.zipfile, this.entry(name), expectedSha256, maxBytes, this.streams);
  }

  async readRows(name: string, expectedSha256: string, maxBytes: number, onRow: RowHandler): Promise<{ rows: number }> {
    const entry = this.entry(name);
    const raw = await openRawStream(this.zipfile, entry, maxBytes, this.streams);
    const digest = new EntryDigest(expectedSha256, entry.crc32, maxBytes);
    const lines = new NdjsonLines(this.limits.maxLineBytes);
    let rows = 0;
    let handlerFailed = false;
    let handlerError: unknown = null;
    try {
      for await (const chunk of raw as AsyncIterable<Buffer>) {
        digest.update(chunk);
        // After a problem or a failed row, read on only to hash: the damage, if any, is the real cause.
        if (handlerFailed || lines.problem) continue;
        for (const { row, line } of lines.push(chunk)) {
          try {
            const pending = onRow(row, line);
            if (pending !== undefined) await pending;
            rows += 1;
          } catch (error) {
            handlerFailed = true;
            handlerError = error;
            break;
          }
        }
      }
    } catch (error) {
      throw asEntryDamage(zipReadError(error));
    } finally {
      if (!raw.destroyed) raw.destroy();
    }
    const damage = digest.verdict();
    if (damage) throw asEntryDamage(damage);
    if (handlerFailed) throw handlerError;
    lines.finish();
    if (lines.problem) throw lines.problem;
    return { rows };
  }

  async extractTo(name: string, expectedSha256: string, maxBytes: number, outPath: string): Promise<void> {
    const stream = (await this.openEntry(name, expectedSha256, maxBytes)) as Readable;
    try {
      await pipeline(stream, fs.createWriteStream(outPath));
    } catch (error) {
      await fs.promises.rm(outPath, { force: true });
      throw error;
    }
  }

  async verifyEntry(name: string, expectedSha256: string, maxBytes: number): Promise<void> {
    const stream = (await this.openEntry(name, expectedSha256, maxBytes)) as Readable;
    await pipeline(stream, new Writable({ write: (_chunk, _encoding, done) => done() }));
  }

  async close(): Promise<void> {
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
    this.zipfile.close();
    if (!this.fdClosed) await this.fdClosedEvent;
  }
}

function openYauzlStream(
  zipfile: yauzl.ZipFile,
  entry: yauzl.Entry,
  options: yauzl.ZipFileOptions = {},
): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zipfile.openReadStream(entry, options, (error, stream) => (error ? reject(zipReadError(error)) : resolve(stream)));
  });
}

/** Inflated in pieces of this size, not zlib's default 16 KiB: each piece is a round trip to the
 * thread pool and through every stream after it. A basic court's 7.7 MB of progress notes
 * inflated in ~68 ms in 16 KiB pieces, ~7 ms in 256 KiB ones (2026-12-05). */
const INFLATE_CHUNK_BYTES = 256 * 1024;

/** Passes the bytes on and holds them to the size the zip directory gives (as yauzl's own check,
 * with its messages, which zipReadError reads). */
class ExactSize extends Transform {
  private seen = 0;

  constructor(private readonly expected: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.expected) {
      done(new Error(`too many bytes in the stream. expected ${this.expected}. got at least ${this.seen}`));
      return;
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.seen < this.expected) {
      done(new Error(`not enough bytes in the stream. expected ${this.expected}. got only ${this.seen}`));
      return;
    }
    done();
  }
}

/** The entry's bytes as stored (inflated), its errors already turned into refusals; tracked until closed. */
async function openRawStream(
  zipfile: yauzl.ZipFile,
  entry: yauzl.Entry,
  maxBytes: number,
  openStreams: Set<Readable>,
): Promise<Readable> {
  if (entry.uncompressedSize > maxBytes) throw bundleError('E_TOO_LARGE');
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw bundleError('E_CORRUPT');
  // The stored bytes, inflated here in big pieces (INFLATE_CHUNK_BYTES) rather than by yauzl.
  const stored = await openYauzlStream(zipfile, entry, { decodeFileData: false });
  const stages: (Readable | Transform)[] = [stored];
  if (entry.compressionMethod === 8) stages.push(zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES }));
  const raw = new ExactSize(entry.uncompressedSize);
  // Destroying `raw` (a consumer stopping early, close()) ends every stage and releases the read.
  connectStreams([...stages, raw], () => {});
  openStreams.add(raw);
  raw.once('close', () => openStreams.delete(raw));
  // yauzl's streams may emit errors without destroying themselves; always end them on error.
  raw.on('error', () => {
    if (!raw.destroyed) raw.destroy();
  });
  return raw;
}

async function openCheckedStream(
  zipfile: yauzl.ZipFile,
  entry: yauzl.Entry,
  expectedSha256: string,
  maxBytes: number,
  openStreams: Set<Readable>,
): Promise<Readable> {
  const raw = await openRawStream(zipfile, entry, maxBytes, openStreams);
  const checked = new HashCheck(expectedSha256, maxBytes, tampered, entry.crc32);
  openStreams.add(checked);
  raw.on('error', (error) => checked.destroy(zipReadError(error)));
  checked.once('close', () => {
    openStreams.delete(checked);
    // Stop reading the zip when the consumer stops early or a check failed; this also releases the fd.
    if (!raw.destroyed) {
      raw.unpipe(checked);
      raw.destroy();
    }
  });
  raw.pipe(checked);
  return checked;
}

/** Reads a whole small entry (manifest, signature) into memory, bounded by maxBytes; its CRC-32
 *  must match the directory's (E_CORRUPT), as nothing else vouches for these bytes yet. */
async function readSmallEntry(zipfile: yauzl.ZipFile, entry: yauzl.Entry, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) throw bundleError('E_TOO_LARGE');
  const raw = await openYauzlStream(zipfile, entry);
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw bundleError('E_TOO_LARGE');
      chunks.push(chunk);
    }
  } catch (error) {
    raw.destroy();
    throw zipReadError(error);
  }
  const content = Buffer.concat(chunks, bytes);
  if (zlib.crc32(content) !== entry.crc32) throw crcMismatch();
  return content;
}

/** Opens the file, checks its end records (readZipEnd) and only then hands the descriptor to
 *  yauzl, which closes it when the zip is closed; the layout check later reads headers through the
 *  same descriptor, so everything is judged on the same file. */
async function openYauzl(path: string): Promise<{ zipfile: yauzl.ZipFile; fd: number; end: ZipEnd }> {
  const fd = await new Promise<number>((resolve, reject) =>
    fs.open(path, 'r', (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  try {
    const { size } = await new Promise<fs.Stats>((resolve, reject) =>
      fs.fstat(fd, (error, stats) => (error ? reject(error) : resolve(stats))),
    );
    const end = await readZipEnd(fd, size);
    const zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      yauzl.fromFd(
        fd,
        // decodeStrings off: we judge the raw names ourselves (yauzl would silently turn \ into /).
        { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true },
        (error, zipfile) => (error ? reject(error) : resolve(zipfile)),
      );
    });
    return { zipfile, fd, end };
  } catch (error) {
    // yauzl owns the descriptor only once it opened the zip.
    await new Promise<void>((resolve) => fs.close(fd, () => resolve()));
    throw error;
  }
}

function nextEntry(zipfile: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zipfile.off('entry', onEntry);
      zipfile.off('end', onEnd);
      zipfile.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    zipfile.on('entry', onEntry);
    zipfile.on('end', onEnd);
    zipfile.on('error', onError);
    zipfile.readEntry();
  });
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function openError(error: unknown, head: Buffer): Error {
  const looksLikeZip = head.subarray(0, 4).equals(ZIP_LOCAL_HEADER);
  if (error instanceof ApiError) {
    // The end records are judged before yauzl opens the file: the same rule as for its errors.
    if (!looksLikeZip && (error.code === 'E_TRUNCATED' || error.code === 'E_CORRUPT'))
      return bundleError('E_NOT_BUNDLE');
    return error;
  }
  if ((error as { syscall?: unknown }).syscall !== undefined) return error as Error;
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('End of central directory record signature not found')) {
    // A zip whose beginning is there but whose directory (at the very end) is not: cut short.
    return looksLikeZip ? bundleError('E_TRUNCATED') : bundleError('E_NOT_BUNDLE');
  }
  return looksLikeZip ? bundleError('E_CORRUPT') : bundleError('E_NOT_BUNDLE');
}

/** The raw entry name if it is printable ASCII with no alternative Unicode name; else E_PATH. */
function plainEntryName(entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw;
  if (raw.length === 0 || raw.some((byte) => byte < 0x21 || byte > 0x7e)) throw bundleError('E_PATH');
  if (entry.extraFields.some((field) => field.id === UNICODE_PATH_FIELD)) throw bundleError('E_PATH');
  return raw.toString('latin1');
}

function sizeLimitFor(name: string, limits: BundleLimits): number {
  if (name === MANIFEST_NAME) return limits.maxManifestBytes;
  if (name === SIGNATURE_NAME) return MAX_SIGNATURE_FILE_BYTES;
  const kind = entryKind(name);
  if (kind.kind === 'rows') return limits.maxRowsEntryBytes;
  if (kind.kind === 'file') return limits.maxFileBytes;
  return limits.maxTotalBytes;
}

export async function openBundleZip(path: string, limits: BundleLimits = DEFAULT_LIMITS): Promise<OpenedBundleZip> {
  const head = await readHead(path, 4);
  let zipfile: yauzl.ZipFile;
  let fd: number;
  let end: ZipEnd;
  try {
    ({ zipfile, fd, end } = await openYauzl(path));
  } catch (error) {
    throw openError(error, head);
  }
  // yauzl reports fd trouble as 'error' events at any time; never let one go unheard.
  zipfile.on('error', () => undefined);
  try {
    if (zipfile.entryCount !== end.entryCount) throw bundleError('E_CORRUPT');
    if (zipfile.entryCount > limits.maxEntries + 2) {
      throw bundleError(
        'E_TOO_LARGE',
        `同步数据包里的文件数超过 ${limits.maxEntries} 个的上限，为安全起见已拒绝导入。`,
      );
    }

    const inOrder: yauzl.Entry[] = [];
    for (let entry = await nextEntry(zipfile); entry; entry = await nextEntry(zipfile)) inOrder.push(entry);

    // The zip structure first: local headers, descriptors and end records agree with the
    // directory and leave no byte unaccounted for (zipLayout.ts). It is not signed, so any
    // disagreement is damage (E_CORRUPT), whatever the names or sizes it would give.
    await checkZipLayout(fd, end, inOrder);

    // Then every name: a bad name is refused before any size or content is looked at.
    const byName = new Map<string, yauzl.Entry>();
    for (const entry of inOrder) {
      const name = plainEntryName(entry);
      if (name !== MANIFEST_NAME && name !== SIGNATURE_NAME) entryKind(name);
      if (byName.has(name)) throw bundleError('E_PATH');
      byName.set(name, entry);
    }

    let total = 0;
    const entries = new Map<string, ZipEntrySizes>();
    for (const [name, entry] of byName) {
      if (entry.generalPurposeBitFlag & ENCRYPTED_FLAG) throw bundleError('E_CORRUPT');
      if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) throw bundleError('E_CORRUPT');
      const limit = sizeLimitFor(name, limits);
      if (entry.uncompressedSize > limit) {
        throw bundleError(
          'E_TOO_LARGE',
          `同步数据包中有文件超过 ${readableSize(limit)} 的上限，为安全起见已拒绝导入。`,
        );
      }
      if (
        entry.uncompressedSize > RATIO_CHECK_MIN_BYTES &&
        entry.uncompressedSize > Math.max(entry.compressedSize, 1) * limits.maxCompressionRatio
      ) {
        throw bundleError('E_TOO_LARGE', '同步数据包中有文件的压缩比异常（疑似“压缩炸弹”），为安全起见已拒绝导入。');
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        throw bundleError(
          'E_TOO_LARGE',
          `同步数据包解开后超过 ${readableSize(limits.maxTotalBytes)} 的上限，为安全起见已拒绝导入。`,
        );
      }
      if (name !== MANIFEST_NAME && name !== SIGNATURE_NAME) {
        entries.set(name, { compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
      }
    }

    const manifestEntry = byName.get(MANIFEST_NAME);
    if (!manifestEntry) throw bundleError('E_NOT_BUNDLE', '这个压缩文件里没有同步清单，不是本系统导出的同步数据包。');
    const manifestBytes = await readSmallEntry(zipfile, manifestEntry, limits.maxManifestBytes);
    const signatureEntry = byName.get(SIGNATURE_NAME);
    const signature = signatureEntry
      ? decodeSignatureFile(await readSmallEntry(zipfile, signatureEntry, MAX_SIGNATURE_FILE_BYTES))
      : null;
    return new OpenedZip(zipfile, byName, limits, manifestBytes, signature, entries);
  } catch (error) {
    await closeQuietly(zipfile);
    throw zipReadError(error);
  }
}

async function closeQuietly(zipfile: yauzl.ZipFile): Promise<void> {
  // An error while closing the fd arrives instead of 'close'.
  const closed = new Promise<void>((resolve) => {
    zipfile.once('close', () => resolve());
    zipfile.once('error', () => resolve());
  });
  const wasOpen = zipfile.isOpen;
  zipfile.close();
  // 'close' fires once the fd is released; with no streams open that is right away.
  if (wasOpen) await closed;
}

/** Checks the manifest against the zip: the same set of names (E_TAMPERED for an extra or missing
 *  entry), declared sizes match the directory (E_TAMPERED), per-kind limits (E_TOO_LARGE). */
export function checkEntriesAgainstManifest(
  zip: OpenedBundleZip,
  manifest: Manifest,
  limits: BundleLimits = DEFAULT_LIMITS,
): void {
  if (manifest.entries.length > limits.maxEntries) {
    throw bundleError('E_TOO_LARGE', `同步数据包里的文件数超过 ${limits.maxEntries} 个的上限，为安全起见已拒绝导入。`);
  }
  const listed = new Set<string>();
  let total = 0;
  for (const entry of manifest.entries) {
    if (listed.has(entry.name)) throw bundleError('E_CORRUPT');
    listed.add(entry.name);
    const limit = sizeLimitFor(entry.name, limits);
    if (entry.size > limit) {
      throw bundleError('E_TOO_LARGE', `同步数据包中有文件超过 ${readableSize(limit)} 的上限，为安全起见已拒绝导入。`);
    }
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      throw bundleError(
        'E_TOO_LARGE',
        `同步数据包解开后超过 ${readableSize(limits.maxTotalBytes)} 的上限，为安全起见已拒绝导入。`,
      );
    }
    const inZip = zip.entries.get(entry.name);
    if (!inZip || inZip.uncompressedSize !== entry.size) throw tampered();
  }
  for (const name of zip.entries.keys()) {
    if (!listed.has(name)) throw tampered();
  }
}
