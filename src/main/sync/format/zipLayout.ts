// The zip metadata of a bundle is not signed: only the entries' contents are (through the hashes in
// the manifest). So the reader trusts none of it. Every byte of zip metadata is checked against the
// one other place that says the same thing, and against what our writer (yazl 3.3) produces:
//
// * the end records first (readZipEnd, before yauzl sees the file): they end the file, with no
//   archive comment, disk numbers 0, and offsets and counts that are the real ones;
// * once yauzl has read the central directory (checkZipLayout): the directory, parsed here again
//   from its raw bytes, says exactly what yauzl read, with version "made by" and needed, flags,
//   method, attributes, comments (none) and extra fields as yazl writes them;
// * each local file header repeats its central record: the same name bytes, version needed,
//   flags, method, time and date, and (without a data descriptor) the same CRC-32 and sizes;
//   with a data descriptor (flag bit 3) the local CRC and sizes are zero and the descriptor after
//   the data repeats the central CRC and sizes (64-bit sizes exactly when the entry is ZIP64);
// * the layout leaves no room for anything else: the first local header at offset 0, each entry
//   (header, name, data, descriptor) followed at once by the next in directory order, the central
//   directory right after the last, then the ZIP64 end records (when present) and the end record,
//   which ends the file.
//
// Any disagreement is E_CORRUPT: the bundle is damaged, whatever the entries' hashes say. The
// CRC-32 of each entry's bytes is checked while the entry is read (container.ts), not here: this
// module reads only the end records, the directory, local headers and descriptors, never entry data.
import fs from 'node:fs';
import type yauzl from 'yauzl';
import { bundleError } from './errors';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const DATA_DESCRIPTOR_SIGNATURE = 0x08074b50;
const END_SIGNATURE = 0x06054b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;

const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const END_SIZE = 22;
const ZIP64_END_SIZE = 56;
const ZIP64_LOCATOR_SIZE = 20;

/** yazl: "made by" Unix (3), spec version 6.3 (63); the same in the ZIP64 end record. */
const VERSION_MADE_BY = (3 << 8) | 63;
/** yazl writes 2.0 in every local header and in central records, 4.5 in ZIP64 central records. */
const VERSION_NEEDED = 20;
const VERSION_NEEDED_ZIP64 = 45;
/** General-purpose flags: bit 11 (UTF-8 names) always, bit 3 (data descriptor) for streamed entries. */
const FLAG_UTF8 = 0x0800;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const ALLOWED_FLAGS = new Set([FLAG_UTF8, FLAG_UTF8 | FLAG_DATA_DESCRIPTOR]);
const STORED = 0;
const DEFLATED = 8;
/**
 * External attributes: the Unix mode in the high 16 bits, as yazl writes it — 0100644 from our
 * writer, 0100664 (yazl's default) from older tools and tests. Internal attributes are always 0.
 * Neither is used for anything when reading; they are held to these values only so that no byte of
 * the directory can change unnoticed.
 */
const ALLOWED_EXTERNAL_ATTRIBUTES = new Set([(0o100644 << 16) >>> 0, (0o100664 << 16) >>> 0]);

/** Extra fields yazl can write, both only in the central directory (its local headers have none). */
const ZIP64_FIELD = 0x0001;
const ZIP64_FIELD_DATA = 24; // uncompressed size, compressed size, local header offset: 8 bytes each
const TIMESTAMP_FIELD = 0x5455; // Info-ZIP extended timestamp, written unless forceDosTimestamp
const TIMESTAMP_FIELD_DATA = 5; // flags (mtime | atime = 0x03), then the mtime only
const TIMESTAMP_FLAGS = 0x03;
/** Info-ZIP Unicode Path: refused as a name problem (E_PATH), as the format describes. */
const UNICODE_PATH_FIELD = 0x7075;

const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
/** Reads of the central directory are done in pieces of this size. */
const DIRECTORY_CHUNK = 1024 * 1024;
/** Local headers are read synchronously; the event loop gets a turn after this many. */
const YIELD_EVERY = 1000;

const damaged = () => bundleError('E_CORRUPT');

interface CentralRecord {
  name: Buffer;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  zip64: boolean;
}

function readUInt64(buffer: Buffer, at: number): number {
  const value = buffer.readUInt32LE(at + 4) * 0x100000000 + buffer.readUInt32LE(at);
  if (!Number.isSafeInteger(value)) throw damaged();
  return value;
}

function readAt(fd: number, length: number, position: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const buffer = Buffer.allocUnsafe(length);
    fs.read(fd, buffer, 0, length, position, (error, bytesRead) => {
      if (error) reject(error);
      else if (bytesRead !== length)
        reject(damaged()); // the file ends before a header it promises
      else resolve(buffer);
    });
  });
}

function readSyncAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  if (fs.readSync(fd, buffer, 0, length, position) !== length) throw damaged();
  return buffer;
}

/** Reads the central directory front to back in large pieces. */
class DirectoryReader {
  private buffer: Buffer = Buffer.alloc(0);
  private bufferStart = 0;

  constructor(
    private readonly fd: number,
    public position: number,
    private readonly end: number,
  ) {}

  /** Whether the next `length` bytes can be taken without reading. */
  has(length: number): boolean {
    return this.position + length <= this.bufferStart + this.buffer.length;
  }

  /** Reads so that the next `length` bytes can be taken. */
  async fill(length: number): Promise<void> {
    if (this.position + length > this.end) throw damaged();
    const size = Math.min(Math.max(length, DIRECTORY_CHUNK), this.end - this.position);
    this.buffer = await readAt(this.fd, size, this.position);
    this.bufferStart = this.position;
  }

  /** The next `length` bytes, made available by fill() if has() said they were not. */
  peek(length: number): Buffer {
    const from = this.position - this.bufferStart;
    if (from + length > this.buffer.length) throw damaged();
    return this.buffer.subarray(from, from + length);
  }

  take(length: number): Buffer {
    const bytes = this.peek(length);
    this.position += length;
    return bytes;
  }
}

/** DOS date and time as seconds on a clock with no time zone; null when not a real date. */
function dosSeconds(date: number, time: number): number | null {
  // Entries of one bundle nearly always share their time: remember the last answer.
  const key = date * 0x10000 + time;
  if (key !== lastDos.key) lastDos = { key, seconds: computeDosSeconds(date, time) };
  return lastDos.seconds;
}
let lastDos: { key: number; seconds: number | null } = { key: -1, seconds: null };

function computeDosSeconds(date: number, time: number): number | null {
  const year = 1980 + (date >> 9);
  const month = (date >> 5) & 0x0f;
  const day = date & 0x1f;
  const hours = time >> 11;
  const minutes = (time >> 5) & 0x3f;
  const seconds = (time & 0x1f) * 2;
  const value = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
  const real =
    value.getUTCFullYear() === year &&
    value.getUTCMonth() === month - 1 &&
    value.getUTCDate() === day &&
    value.getUTCHours() === hours &&
    value.getUTCMinutes() === minutes &&
    value.getUTCSeconds() === seconds;
  return real ? value.getTime() / 1000 : null;
}

const DOS_FIRST = Date.UTC(1980, 0, 1) / 1000;
const INT32_MAX = 0x7fffffff;

/**
 * The extended timestamp (UTC seconds) and the DOS time (the writer's local time, 2-second steps)
 * were made from the same moment: they differ by a whole time zone (a multiple of 15 minutes,
 * between UTC-12 and UTC+14), allowing for yazl's clamping of both ranges. The lowest bit of the
 * timestamp is below the DOS resolution and cannot be cross-checked; it is used for nothing.
 */
function timestampAgrees(mtime: number, dos: number): boolean {
  const even = mtime - (((mtime % 2) + 2) % 2);
  const offset = dos - even;
  if (offset % 900 === 0 && offset >= -12 * 3600 && offset <= 14 * 3600) return true;
  if (dos === DOS_FIRST && mtime < DOS_FIRST + 14 * 3600) return true; // clock before 1980
  return mtime === INT32_MAX && dos >= INT32_MAX - 12 * 3600; // after 2038
}

/** The central extra field: at most a timestamp then a ZIP64 field, each exactly as yazl writes it. */
function parseCentralExtra(
  extra: Buffer,
  dos: number,
  fixed: { compressedSize: number; uncompressedSize: number; localOffset: number },
): { compressedSize: number; uncompressedSize: number; localOffset: number; zip64: boolean } {
  let at = 0;
  let sawTimestamp = false;
  let zip64: { compressedSize: number; uncompressedSize: number; localOffset: number } | null = null;
  while (at < extra.length) {
    if (at + 4 > extra.length) throw damaged();
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    const data = extra.subarray(at + 4, at + 4 + size);
    if (data.length !== size) throw damaged();
    at += 4 + size;
    if (id === TIMESTAMP_FIELD && !sawTimestamp && !zip64 && size === TIMESTAMP_FIELD_DATA) {
      if (data[0] !== TIMESTAMP_FLAGS || !timestampAgrees(data.readInt32LE(1), dos)) throw damaged();
      sawTimestamp = true;
    } else if (id === ZIP64_FIELD && !zip64 && size === ZIP64_FIELD_DATA) {
      zip64 = {
        uncompressedSize: readUInt64(data, 0),
        compressedSize: readUInt64(data, 8),
        localOffset: readUInt64(data, 16),
      };
    } else if (id === UNICODE_PATH_FIELD) {
      throw bundleError('E_PATH'); // another name for the entry, shown by other tools (§1)
    } else {
      throw damaged();
    }
  }
  if (!zip64) {
    // Without the ZIP64 field the 32-bit values are the real ones (yazl switches at 0xfffffffe).
    if (fixed.compressedSize === U32_MAX || fixed.uncompressedSize === U32_MAX || fixed.localOffset === U32_MAX)
      throw damaged();
    return { ...fixed, zip64: false };
  }
  // yazl puts all three values in the field and marks all three 32-bit fields as "see ZIP64".
  if (fixed.compressedSize !== U32_MAX || fixed.uncompressedSize !== U32_MAX || fixed.localOffset !== U32_MAX)
    throw damaged();
  return { ...zip64, zip64: true };
}

/** One central directory record (fixed part, name, extra field; its comment must be empty), checked
 *  and compared with the entry yauzl made of it. */
function parseCentralRecord(head: Buffer, yauzlEntry: yauzl.Entry): CentralRecord {
  if (head.readUInt32LE(0) !== CENTRAL_HEADER_SIGNATURE) throw damaged();
  const versionMadeBy = head.readUInt16LE(4);
  const versionNeeded = head.readUInt16LE(6);
  const flags = head.readUInt16LE(8);
  const method = head.readUInt16LE(10);
  const time = head.readUInt16LE(12);
  const date = head.readUInt16LE(14);
  const crc32 = head.readUInt32LE(16);
  const nameLength = head.readUInt16LE(28);
  const extraLength = head.readUInt16LE(30);
  const commentLength = head.readUInt16LE(32);
  const diskStart = head.readUInt16LE(34);
  const internalAttributes = head.readUInt16LE(36);
  const externalAttributes = head.readUInt32LE(38);
  if (versionMadeBy !== VERSION_MADE_BY) throw damaged();
  if (!ALLOWED_FLAGS.has(flags)) throw damaged();
  if (method !== STORED && method !== DEFLATED) throw damaged();
  if (commentLength !== 0 || diskStart !== 0 || internalAttributes !== 0) throw damaged();
  if (!ALLOWED_EXTERNAL_ATTRIBUTES.has(externalAttributes)) throw damaged();
  const dos = dosSeconds(date, time);
  if (dos === null) throw damaged();
  const name = Buffer.from(head.subarray(CENTRAL_HEADER_SIZE, CENTRAL_HEADER_SIZE + nameLength));
  const extra = head.subarray(CENTRAL_HEADER_SIZE + nameLength, CENTRAL_HEADER_SIZE + nameLength + extraLength);
  const sizes = parseCentralExtra(extra, dos, {
    compressedSize: head.readUInt32LE(20),
    uncompressedSize: head.readUInt32LE(24),
    localOffset: head.readUInt32LE(42),
  });
  if (versionNeeded !== (sizes.zip64 ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED)) throw damaged();
  if (method === STORED && sizes.compressedSize !== sizes.uncompressedSize) throw damaged();

  // yauzl read the same bytes; make sure it understood them the same way, since its entry is the
  // one used to read the data.
  if (
    !yauzlEntry.fileNameRaw.equals(name) ||
    !yauzlEntry.extraFieldRaw.equals(extra) ||
    yauzlEntry.fileCommentRaw.length !== 0 ||
    yauzlEntry.generalPurposeBitFlag !== flags ||
    yauzlEntry.compressionMethod !== method ||
    yauzlEntry.crc32 !== crc32 ||
    yauzlEntry.compressedSize !== sizes.compressedSize ||
    yauzlEntry.uncompressedSize !== sizes.uncompressedSize ||
    yauzlEntry.relativeOffsetOfLocalHeader !== sizes.localOffset
  ) {
    throw damaged();
  }
  return { name, versionNeeded, flags, method, time, date, crc32, ...sizes };
}

/** Length of the data descriptor after an entry's data: 0 without flag bit 3. */
function descriptorLengths(record: CentralRecord): number[] {
  if (!(record.flags & FLAG_DATA_DESCRIPTOR)) return [0];
  // With or without its optional signature; sizes are 64-bit exactly for a ZIP64 entry (as yazl writes).
  return record.zip64 ? [20, 24] : [12, 16];
}

/** The data descriptor of `record`, which must fill `bytes` exactly. */
function checkDescriptor(record: CentralRecord, bytes: Buffer): void {
  if (!(record.flags & FLAG_DATA_DESCRIPTOR)) {
    if (bytes.length !== 0) throw damaged();
    return;
  }
  let at = 0;
  const withSignature = bytes.length === (record.zip64 ? 24 : 16);
  if (withSignature) {
    if (bytes.readUInt32LE(0) !== DATA_DESCRIPTOR_SIGNATURE) throw damaged();
    at = 4;
  } else if (bytes.length !== (record.zip64 ? 20 : 12)) {
    throw damaged();
  }
  const crc32 = bytes.readUInt32LE(at);
  const compressedSize = record.zip64 ? readUInt64(bytes, at + 4) : bytes.readUInt32LE(at + 4);
  const uncompressedSize = record.zip64 ? readUInt64(bytes, at + 12) : bytes.readUInt32LE(at + 8);
  if (
    crc32 !== record.crc32 ||
    compressedSize !== record.compressedSize ||
    uncompressedSize !== record.uncompressedSize
  ) {
    throw damaged();
  }
}

/** The local file header of `record` at the start of `bytes` (header + name, nothing after). */
function checkLocalHeader(record: CentralRecord, bytes: Buffer): void {
  if (bytes.length !== LOCAL_HEADER_SIZE + record.name.length) throw damaged();
  if (bytes.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) throw damaged();
  // yazl writes version 2.0 locally even for ZIP64 entries (whose central record says 4.5).
  if (bytes.readUInt16LE(4) !== VERSION_NEEDED) throw damaged();
  if (bytes.readUInt16LE(6) !== record.flags) throw damaged();
  if (bytes.readUInt16LE(8) !== record.method) throw damaged();
  if (bytes.readUInt16LE(10) !== record.time || bytes.readUInt16LE(12) !== record.date) throw damaged();
  const crc32 = bytes.readUInt32LE(14);
  const compressedSize = bytes.readUInt32LE(18);
  const uncompressedSize = bytes.readUInt32LE(22);
  if (record.flags & FLAG_DATA_DESCRIPTOR) {
    if (crc32 !== 0 || compressedSize !== 0 || uncompressedSize !== 0) throw damaged();
  } else if (
    crc32 !== record.crc32 ||
    compressedSize !== record.compressedSize ||
    uncompressedSize !== record.uncompressedSize
  ) {
    // Also refuses sizes too big for the 32-bit fields: yazl never writes a local ZIP64 field.
    throw damaged();
  }
  if (bytes.readUInt16LE(26) !== record.name.length) throw damaged();
  if (bytes.readUInt16LE(28) !== 0) throw damaged(); // yazl's local headers carry no extra field
  if (!bytes.subarray(LOCAL_HEADER_SIZE).equals(record.name)) throw damaged();
}

export interface ZipEnd {
  entryCount: number;
  directoryOffset: number;
  directoryEnd: number;
}

/** How far from the end an end record can be (yauzl searches as far, for one with a comment). */
const END_SEARCH = END_SIZE + ZIP64_LOCATOR_SIZE + U16_MAX;

/**
 * The end records, read before yauzl sees the file: they must end the file with nothing after
 * (no archive comment), and every offset in them must be the real one. yauzl would otherwise
 * follow a ZIP64 offset past 2^53 into a read that throws outside any callback (crashing the
 * process) or search back for another end record. No end record at all is E_TRUNCATED (the
 * caller says E_NOT_BUNDLE when the file does not start like a zip); anything else E_CORRUPT.
 */
export async function readZipEnd(fd: number, fileSize: number): Promise<ZipEnd> {
  const tailLength = Math.min(fileSize, END_SEARCH);
  const tail = tailLength > 0 ? await readAt(fd, tailLength, fileSize - tailLength) : Buffer.alloc(0);
  if (tailLength < END_SIZE || tail.readUInt32LE(tailLength - END_SIZE) !== END_SIGNATURE) {
    for (let at = tailLength - END_SIZE; at >= 0; at -= 1) {
      if (tail.readUInt32LE(at) === END_SIGNATURE) throw damaged(); // bytes after it, or a comment
    }
    throw bundleError('E_TRUNCATED');
  }
  const end = tail.subarray(tailLength - END_SIZE);
  if (end.readUInt16LE(4) !== 0 || end.readUInt16LE(6) !== 0) throw damaged(); // disk numbers
  if (end.readUInt16LE(20) !== 0) throw damaged(); // archive comment
  const endEntries = end.readUInt16LE(10);
  if (end.readUInt16LE(8) !== endEntries) throw damaged();
  const endSize = end.readUInt32LE(12);
  const endOffset = end.readUInt32LE(16);

  const locatorAt = tailLength - END_SIZE - ZIP64_LOCATOR_SIZE;
  const zip64 = locatorAt >= 0 && tail.readUInt32LE(locatorAt) === ZIP64_LOCATOR_SIGNATURE;
  if (!zip64) {
    // Without ZIP64 end records every value must fit (yazl adds them when one does not).
    if (endEntries === U16_MAX || endSize === U32_MAX || endOffset === U32_MAX) throw damaged();
    const directoryEnd = fileSize - END_SIZE;
    if (endOffset + endSize !== directoryEnd) throw damaged();
    return { entryCount: endEntries, directoryOffset: endOffset, directoryEnd };
  }

  const recordAt = locatorAt - ZIP64_END_SIZE;
  if (recordAt < 0) throw damaged();
  const locator = tail.subarray(locatorAt, locatorAt + ZIP64_LOCATOR_SIZE);
  const record = tail.subarray(recordAt, recordAt + ZIP64_END_SIZE);
  const recordOffset = fileSize - tailLength + recordAt;
  // The locator points at the ZIP64 end record right before it, on disk 0 of 1.
  if (locator.readUInt32LE(4) !== 0 || readUInt64(locator, 8) !== recordOffset || locator.readUInt32LE(16) !== 1)
    throw damaged();
  if (record.readUInt32LE(0) !== ZIP64_END_SIGNATURE) throw damaged();
  if (readUInt64(record, 4) !== ZIP64_END_SIZE - 12) throw damaged(); // no extensible data
  if (record.readUInt16LE(12) !== VERSION_MADE_BY || record.readUInt16LE(14) !== VERSION_NEEDED_ZIP64) throw damaged();
  if (record.readUInt32LE(16) !== 0 || record.readUInt32LE(20) !== 0) throw damaged();
  const entryCount = readUInt64(record, 32);
  if (readUInt64(record, 24) !== entryCount) throw damaged();
  const directorySize = readUInt64(record, 40);
  const directoryOffset = readUInt64(record, 48);
  if (directoryOffset + directorySize !== recordOffset) throw damaged();

  // The 32-bit end record says "see ZIP64" (all-ones) where yazl needed it, or everywhere when forced.
  const needed = [entryCount >= U16_MAX, directorySize >= U32_MAX, directoryOffset >= U32_MAX];
  const marked = [endEntries === U16_MAX, endSize === U32_MAX, endOffset === U32_MAX];
  const forced = marked.every(Boolean);
  if (!forced) {
    if (!needed.some(Boolean)) throw damaged();
    for (let index = 0; index < 3; index += 1) if (marked[index] !== needed[index]) throw damaged();
    if (
      (!needed[0] && endEntries !== entryCount) ||
      (!needed[1] && endSize !== directorySize) ||
      (!needed[2] && endOffset !== directoryOffset)
    ) {
      throw damaged();
    }
  }
  return { entryCount, directoryOffset, directoryEnd: recordOffset };
}

/**
 * Checks the rest of the zip structure of an opened bundle (see the top of this file), once yauzl
 * has read `entries` from the central directory that `end` (from readZipEnd) locates. Throws
 * E_CORRUPT; disk errors pass through.
 */
export async function checkZipLayout(fd: number, end: ZipEnd, entries: readonly yauzl.Entry[]): Promise<void> {
  if (end.entryCount !== entries.length) throw damaged();

  const reader = new DirectoryReader(fd, end.directoryOffset, end.directoryEnd);
  const records: CentralRecord[] = [];
  for (const entry of entries) {
    // Awaits only when the next piece of the directory has to be read.
    if (!reader.has(CENTRAL_HEADER_SIZE)) await reader.fill(CENTRAL_HEADER_SIZE);
    const fixed = reader.peek(CENTRAL_HEADER_SIZE);
    const length = CENTRAL_HEADER_SIZE + fixed.readUInt16LE(28) + fixed.readUInt16LE(30);
    if (!reader.has(length)) await reader.fill(length);
    records.push(parseCentralRecord(reader.take(length), entry));
  }
  if (reader.position !== end.directoryEnd) throw damaged();

  // Where each piece must be: entries back to back in directory order from offset 0, each window
  // holding the previous entry's descriptor and this entry's local header, the last window holding
  // the last descriptor up to the central directory.
  const windows: {
    start: number;
    descriptorOf: CentralRecord | null;
    headerOf: CentralRecord | null;
    headerAt: number;
  }[] = [];
  let dataEnd = 0;
  let previous: CentralRecord | null = null;
  for (const record of [...records, null]) {
    const next = record ? record.localOffset : end.directoryOffset;
    const gap = next - dataEnd;
    if (!(previous ? descriptorLengths(previous) : [0]).includes(gap)) throw damaged();
    windows.push({ start: dataEnd, descriptorOf: previous, headerOf: record, headerAt: gap });
    if (record) {
      dataEnd = record.localOffset + LOCAL_HEADER_SIZE + record.name.length + record.compressedSize;
      if (dataEnd > end.directoryOffset) throw damaged();
    }
    previous = record;
  }

  for (let index = 0; index < windows.length; index += 1) {
    const window = windows[index];
    const length = window.headerAt + (window.headerOf ? LOCAL_HEADER_SIZE + window.headerOf.name.length : 0);
    if (length === 0) continue;
    // Read synchronously: one small read per entry costs about half as much as an asynchronous
    // one (this runs in the sync worker, not in a window); let other work in now and then.
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const bytes = readSyncAt(fd, length, window.start);
    if (window.descriptorOf) checkDescriptor(window.descriptorOf, bytes.subarray(0, window.headerAt));
    if (window.headerOf) checkLocalHeader(window.headerOf, bytes.subarray(window.headerAt));
  }
}
