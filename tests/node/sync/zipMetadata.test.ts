// The zip metadata of a bundle is not signed, so the reader trusts none of it: a real bundle from
// the engine has every byte of its local headers, data descriptors, central directory and end
// record flipped, one at a time, and every variant must be refused as damaged — never accepted,
// never blamed on something else (E_MISSING_REFERENCE: "import your superior's package first").
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/main/api/errors';
import { ensureCourtKeys } from '../../../src/main/sync/courtKeys';
import { checkEntriesAgainstManifest, openBundleZip, type RowHandler } from '../../../src/main/sync/format/container';
import { verifyBytes } from '../../../src/main/sync/format/keys';
import { DEFAULT_LIMITS } from '../../../src/main/sync/format/limits';
import { parseManifest } from '../../../src/main/sync/format/manifest';
import { courtFingerprint, exportReportUp, importBundle } from '../../../src/main/sync/syncService';
import {
  BASIC,
  INTERMEDIATE,
  databaseFile,
  fileHash,
  openEngineCourt,
  outFolder,
  type SyncCourt,
  ROSTER,
} from './syncFixtures';

/** What a damaged file may be refused with; anything else (or acceptance) is a failure. */
const DAMAGE_CODES = ['E_CORRUPT', 'E_TAMPERED', 'E_TRUNCATED', 'E_NOT_BUNDLE', 'E_PATH', 'E_TOO_LARGE'];

let basic: SyncCourt;
let middle: SyncCourt;
let folder: string;
/** The basic court's report up, plain: a zip written by the engine. */
let plainBundle: string;
let basicFingerprint: string;
let basicSignKey: string;

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

function dbHash(c: SyncCourt): string {
  c.h.services.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fileHash(databaseFile(c.h));
}

beforeAll(async () => {
  folder = outFolder();
  basic = await openEngineCourt(BASIC);
  middle = await openEngineCourt(INTERMEDIATE);
  const campaign = await basic.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
  const item = await basic.h.ok('items.create', { campaignId: campaign.id, title: '开展廉政风险排查' });
  await basic.h.ok('items.create', { campaignId: campaign.id, title: '落实“三个规定”记录报告' });
  await basic.h.ok('progress.add', { itemId: item.id, noteDate: '2026-11-20', text: '已排查廉政风险点 12 个' });
  await basic.h.ok('evidence.add', {
    itemId: item.id,
    name: '排查台账.pdf',
    mimeType: 'application/pdf',
    dataBase64: base64('%PDF 廉政风险排查台账 '.repeat(40)),
  });
  const exported = await exportReportUp(basic.ctx, { folder, full: false });
  expect(exported.encrypted).toBe(false);
  plainBundle = exported.filePath;
  expect(fs.readFileSync(plainBundle).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
  basicFingerprint = await courtFingerprint(basic.ctx);
  basicSignKey = (await ensureCourtKeys(basic.ctx)).signPublic;
}, 120_000);

afterAll(async () => {
  await basic?.h.close();
  await middle?.h.close();
});

// ---------------------------------------------------------------------------------------------
// The zip taken apart by offsets, independently of the reader under test.

interface MappedEntry {
  name: string;
  local: number;
  dataStart: number;
  dataEnd: number;
  /** Where the next local header (or the central directory) starts: the descriptor lies between. */
  next: number;
  central: number;
  centralEnd: number;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  zip64: boolean;
  timestampAt: number | null;
}

interface ZipMap {
  entries: MappedEntry[];
  cdOffset: number;
  cdEnd: number;
  eocd: number;
}

function mapZip(bytes: Buffer): ZipMap {
  const eocd = bytes.length - 22;
  expect(bytes.readUInt32LE(eocd)).toBe(0x06054b50);
  let cdOffset = bytes.readUInt32LE(eocd + 16);
  let count = bytes.readUInt16LE(eocd + 10);
  let cdEnd = eocd;
  if (bytes.length >= 98 && bytes.readUInt32LE(bytes.length - 42) === 0x07064b50) {
    cdEnd = bytes.length - 98;
    count = Number(bytes.readBigUInt64LE(cdEnd + 32));
    cdOffset = Number(bytes.readBigUInt64LE(cdEnd + 48));
  }
  const entries: MappedEntry[] = [];
  let at = cdOffset;
  for (let index = 0; index < count; index += 1) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    const n = bytes.readUInt16LE(at + 28);
    const m = bytes.readUInt16LE(at + 30);
    const k = bytes.readUInt16LE(at + 32);
    let compressedSize = bytes.readUInt32LE(at + 20);
    let uncompressedSize = bytes.readUInt32LE(at + 24);
    let local = bytes.readUInt32LE(at + 42);
    let zip64 = false;
    let timestampAt: number | null = null;
    for (let field = at + 46 + n; field < at + 46 + n + m; field += 4 + bytes.readUInt16LE(field + 2)) {
      const id = bytes.readUInt16LE(field);
      if (id === 0x0001) {
        zip64 = true;
        uncompressedSize = Number(bytes.readBigUInt64LE(field + 4));
        compressedSize = Number(bytes.readBigUInt64LE(field + 12));
        local = Number(bytes.readBigUInt64LE(field + 20));
      } else if (id === 0x5455) {
        timestampAt = field + 5;
      }
    }
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    entries.push({
      name: bytes.subarray(at + 46, at + 46 + n).toString('latin1'),
      local,
      dataStart,
      dataEnd: dataStart + compressedSize,
      next: 0,
      central: at,
      centralEnd: at + 46 + n + m + k,
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc32: bytes.readUInt32LE(at + 16),
      compressedSize,
      uncompressedSize,
      zip64,
      timestampAt,
    });
    at += 46 + n + m + k;
  }
  expect(at).toBe(cdEnd);
  entries.forEach((entry, index) => {
    entry.next = entries[index + 1]?.local ?? cdOffset;
  });
  return { entries, cdOffset, cdEnd, eocd };
}

/** Every byte that is not entry data, with a label saying what it is. */
function metadataBytes(bytes: Buffer): { offset: number; label: string }[] {
  const map = mapZip(bytes);
  const labels: { offset: number; label: string }[] = [];
  const add = (from: number, to: number, label: string) => {
    for (let offset = from; offset < to; offset += 1) labels.push({ offset, label: `${label} +${offset - from}` });
  };
  for (const entry of map.entries) {
    add(entry.local, entry.dataStart, `local header ${entry.name}`);
    add(entry.dataEnd, entry.next, `data descriptor ${entry.name}`);
  }
  for (const entry of map.entries) add(entry.central, entry.centralEnd, `central record ${entry.name}`);
  add(map.cdEnd, bytes.length, 'end records');
  // Sanity: metadata and data together are the whole file.
  const dataBytes = map.entries.reduce((sum, entry) => sum + entry.compressedSize, 0);
  expect(labels.length + dataBytes).toBe(bytes.length);
  return labels;
}

// ---------------------------------------------------------------------------------------------
// Reading a bundle the fast way: open, manifest, signature, every entry read and hashed.

type Outcome = { accepted: true } | { accepted: false; error: unknown };

async function readWholeBundle(file: string, scratch: string): Promise<Outcome> {
  let zip;
  try {
    zip = await openBundleZip(file);
  } catch (error) {
    return { accepted: false, error };
  }
  try {
    const manifest = parseManifest(zip.manifestBytes);
    if (!zip.signature || !verifyBytes(zip.manifestBytes, zip.signature, manifest.source.signKey)) {
      return { accepted: false, error: new Error('signature no longer verifies') };
    }
    checkEntriesAgainstManifest(zip, manifest);
    for (const entry of manifest.entries) {
      if (entry.name.startsWith('rows/'))
        await zip.readRows(entry.name, entry.sha256, DEFAULT_LIMITS.maxRowsEntryBytes, () => undefined);
      else await zip.extractTo(entry.name, entry.sha256, DEFAULT_LIMITS.maxTotalBytes, scratch);
    }
    return { accepted: true };
  } catch (error) {
    return { accepted: false, error };
  } finally {
    await zip.close();
  }
}

/** Why an outcome is not a proper damage refusal, or null when it is one. */
function notADamageRefusal(outcome: Outcome): string | null {
  if (outcome.accepted) return 'accepted';
  const error = outcome.error;
  if (!(error instanceof ApiError)) return `not a refusal: ${String(error)}`;
  if (!DAMAGE_CODES.includes(error.code)) return `refused as ${error.code}`;
  if (!/[\u4e00-\u9fff]/.test(error.message) || /[A-Za-z]{4,}/.test(error.message))
    return `message not plain Chinese: ${error.message}`;
  return null;
}

interface Variant {
  label: string;
  bytes: Buffer;
}

function flips(bytes: Buffer, xors: number[], skip: (offset: number, xor: number) => boolean = () => false): Variant[] {
  const variants: Variant[] = [];
  for (const { offset, label } of metadataBytes(bytes)) {
    for (const xor of xors) {
      if (skip(offset, xor)) continue;
      const changed = Buffer.from(bytes);
      changed[offset] ^= xor;
      variants.push({ label: `${label} (byte ${offset} ^ 0x${xor.toString(16)})`, bytes: changed });
    }
  }
  return variants;
}

/** Runs every variant through the fast path; returns the ones not refused as damaged. */
async function survivors(variants: Variant[], name: string): Promise<string[]> {
  const file = path.join(folder, `${name}.dtsync`);
  const scratch = path.join(folder, `${name}.out`);
  const failures: string[] = [];
  for (const variant of variants) {
    fs.writeFileSync(file, variant.bytes);
    const problem = notADamageRefusal(await readWholeBundle(file, scratch));
    if (problem) failures.push(`${variant.label}: ${problem}`);
  }
  return failures;
}

/** The real import on the intermediate court: refused as damaged, its database file unchanged. */
async function expectImportRefused(variants: Variant[], name: string): Promise<void> {
  const file = path.join(folder, `${name}.dtsync`);
  const before = dbHash(middle);
  const failures: string[] = [];
  for (const variant of variants) {
    fs.writeFileSync(file, variant.bytes);
    const outcome: Outcome = await importBundle(middle.ctx, {
      file,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [basicFingerprint],
    }).then(
      () => ({ accepted: true as const }),
      (error: unknown) => ({ accepted: false as const, error }),
    );
    const problem = notADamageRefusal(outcome);
    if (problem) failures.push(`${variant.label}: ${problem}`);
    if (dbHash(middle) !== before) failures.push(`${variant.label}: database changed`);
  }
  expect(failures).toEqual([]);
}

/** Reads a zip's entries back in order: name, bytes, method and whether it had a descriptor. */
async function zipEntries(file: string): Promise<{ name: string; bytes: Buffer; method: number; streamed: boolean }[]> {
  const zipfile = await yauzl.openPromise(file, { decodeStrings: true });
  const entries: { name: string; bytes: Buffer; method: number; streamed: boolean }[] = [];
  for await (const entry of zipfile.eachEntry()) {
    const stream = await zipfile.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    entries.push({
      name: entry.fileName,
      bytes: Buffer.concat(chunks),
      method: entry.compressionMethod,
      streamed: (entry.generalPurposeBitFlag & 8) !== 0,
    });
  }
  zipfile.close();
  return entries;
}

/** Writes the same entries again (so manifest and signature stay valid) with the given yazl options. */
async function rewrite(
  file: string,
  entries: { name: string; bytes: Buffer; method: number; streamed: boolean }[],
  options: (entry: { name: string; method: number; streamed: boolean }) => Partial<yazl.FileOptions>,
  endOptions: Partial<yazl.EndOptions> = {},
): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = new Promise<void>((resolve, reject) => {
    zip.outputStream
      .pipe(fs.createWriteStream(file))
      .on('close', () => resolve())
      .on('error', reject);
  });
  for (const entry of entries) {
    const entryOptions = options(entry);
    if (entry.streamed) {
      const stream = new PassThrough();
      zip.addReadStream(stream, entry.name, { ...entryOptions, size: entry.bytes.length });
      stream.end(entry.bytes);
    } else {
      zip.addBuffer(entry.bytes, entry.name, entryOptions);
    }
  }
  zip.end(endOptions as yazl.EndOptions);
  await done;
}

/** Inserts bytes at a position and moves every offset that pointed at or after it: a zip that
 *  yauzl reads happily, but with bytes that belong to nothing. */
function insertBytes(bytes: Buffer, position: number, junk: Buffer): Buffer {
  const map = mapZip(bytes);
  const out = Buffer.concat([bytes.subarray(0, position), junk, bytes.subarray(position)]);
  const moved = (offset: number) => (offset >= position ? offset + junk.length : offset);
  for (const entry of map.entries) {
    expect(entry.zip64).toBe(false);
    out.writeUInt32LE(moved(entry.local), moved(entry.central) + 42);
  }
  out.writeUInt32LE(moved(map.cdOffset), moved(map.eocd) + 16);
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('a bundle written by the engine', () => {
  it('reads, imports in a preview, and every metadata byte is part of the structure checked', async () => {
    expect(notADamageRefusal(await readWholeBundle(plainBundle, path.join(folder, 'plain.out')))).toBe('accepted');
    const bytes = fs.readFileSync(plainBundle);
    const map = mapZip(bytes);
    expect(map.entries.map((entry) => entry.name)).toEqual(
      expect.arrayContaining([
        'rows/items.ndjson',
        'rows/progress_notes.ndjson',
        'rows/evidence.ndjson',
        'manifest.json',
        'manifest.sig',
      ]),
    );
    expect(map.entries.some((entry) => entry.name.startsWith('files/'))).toBe(true);
    // New bundles carry no extended timestamp (forceDosTimestamp): the directory has no extra fields.
    expect(map.entries.every((entry) => entry.timestampAt === null && !entry.zip64)).toBe(true);
    const preview = await importBundle(middle.ctx, { file: plainBundle, dryRun: true, trust: [basicFingerprint] });
    expect(preview.totals.added).toBeGreaterThan(0);
  });

  it('is refused as damaged, whichever byte of its zip metadata is flipped (fast path)', async () => {
    const bytes = fs.readFileSync(plainBundle);
    const variants = flips(bytes, [0x01, 0x80, 0xff]);
    expect(variants.length).toBeGreaterThan(1500);
    expect(await survivors(variants, 'flipped')).toEqual([]);
  }, 300_000);

  it('is refused by the real import, database untouched, for a sample and the named cases', async () => {
    const bytes = fs.readFileSync(plainBundle);
    const map = mapZip(bytes);
    const items = map.entries.find((entry) => entry.name === 'rows/items.ndjson')!;
    const manifest = map.entries.find((entry) => entry.name === 'manifest.json')!;
    const flip = (label: string, offset: number, xor: number): Variant => {
      const changed = Buffer.from(bytes);
      changed[offset] ^= xor;
      return { label, bytes: changed };
    };
    expect(items.flags & 0x08).toBe(0x08); // streamed: sizes in the descriptor
    expect(manifest.flags & 0x08).toBe(0); // written whole: sizes in the local header
    const named: Variant[] = [
      flip('local name copy, last letter', items.local + 30 + items.name.length - 1, 0x01),
      flip('local name copy, a letter of the table', items.local + 30 + 'rows/i'.length, 0x01),
      flip('local flags: data descriptor bit cleared', items.local + 6, 0x08),
      flip('local flags: data descriptor bit set', manifest.local + 6, 0x08),
      flip('local flags: encrypted bit', items.local + 6, 0x01),
      flip('local compressed size of a streamed entry', items.local + 18, 0x01),
      flip('local uncompressed size of a streamed entry', items.local + 22, 0x10),
      flip('local compressed size', manifest.local + 18, 0x01),
      flip('local uncompressed size', manifest.local + 22, 0x01),
      flip('local crc', manifest.local + 14, 0x01),
      flip('local extra field length', items.local + 28, 0x01),
      flip('descriptor compressed size', items.dataEnd + 8, 0x01),
      flip('central extra field length', items.central + 30, 0x01),
      flip('central comment length', items.central + 32, 0x01),
      flip('central external attributes', items.central + 40, 0x01),
    ];
    const sample = flips(bytes, [0x01, 0xff]).filter((_, index) => index % 7 === 0);
    await expectImportRefused([...named, ...sample], 'import-flipped');
  }, 300_000);
});

describe('bundles written before (with the extended timestamp field) and ZIP64 bundles', () => {
  it('still read, and are refused as damaged for any flipped metadata byte, central extra fields included', async () => {
    const entries = await zipEntries(plainBundle);
    const mtime = new Date();

    // As the writer wrote them until now: one time for all entries, mode 0644, the timestamp field.
    const older = path.join(folder, 'older-writer.dtsync');
    await rewrite(older, entries, (entry) => ({ mtime, mode: 0o100644, compress: entry.method === 8 }));
    const olderBytes = fs.readFileSync(older);
    const olderMap = mapZip(olderBytes);
    expect(olderMap.entries.every((entry) => entry.timestampAt !== null)).toBe(true);
    expect(notADamageRefusal(await readWholeBundle(older, path.join(folder, 'older.out')))).toBe('accepted');
    // The timestamp's lowest bit is below the 2-second DOS time it is checked against, and is read
    // by nothing: that one flip per entry is the only one that cannot be told apart.
    const lowestTimestampBit = new Set(olderMap.entries.map((entry) => entry.timestampAt!));
    const olderVariants = flips(
      olderBytes,
      [0x01, 0x02, 0xff],
      (offset, xor) => xor === 0x01 && lowestTimestampBit.has(offset),
    );
    expect(await survivors(olderVariants, 'older-flipped')).toEqual([]);

    // ZIP64 everywhere: extra fields in the directory, 64-bit descriptors, ZIP64 end records.
    const zip64 = path.join(folder, 'zip64.dtsync');
    await rewrite(
      zip64,
      entries,
      (entry) => ({
        mtime,
        mode: 0o100644,
        compress: entry.method === 8,
        forceZip64Format: true,
        forceDosTimestamp: true,
      }),
      { forceZip64Format: true },
    );
    const zip64Bytes = fs.readFileSync(zip64);
    const zip64Map = mapZip(zip64Bytes);
    expect(zip64Map.entries.every((entry) => entry.zip64)).toBe(true);
    expect(zip64Map.entries.some((entry) => entry.flags & 0x08)).toBe(true);
    expect(zip64Map.entries.some((entry) => !(entry.flags & 0x08))).toBe(true);
    expect(notADamageRefusal(await readWholeBundle(zip64, path.join(folder, 'zip64.out')))).toBe('accepted');
    expect(await survivors(flips(zip64Bytes, [0x01, 0xff]), 'zip64-flipped')).toEqual([]);

    // And through the real import: a flipped byte in the directory's extra fields of both kinds.
    const items = olderMap.entries.find((entry) => entry.name === 'rows/items.ndjson')!;
    const items64 = zip64Map.entries.find((entry) => entry.name === 'rows/items.ndjson')!;
    const flipIn = (source: Buffer, label: string, offset: number, xor: number): Variant => {
      const changed = Buffer.from(source);
      changed[offset] ^= xor;
      return { label, bytes: changed };
    };
    const extraAt = (entry: MappedEntry) => entry.central + 46 + entry.name.length;
    await expectImportRefused(
      [
        flipIn(olderBytes, 'timestamp field: mtime low byte ^ 0x3c', items.timestampAt!, 0x3c),
        flipIn(olderBytes, 'timestamp field: flags', extraAt(items) + 4, 0x01),
        flipIn(olderBytes, 'timestamp field: tag', extraAt(items), 0x01),
        flipIn(zip64Bytes, 'ZIP64 field: uncompressed size', extraAt(items64) + 4, 0x01),
        flipIn(zip64Bytes, 'ZIP64 field: local header offset', extraAt(items64) + 20, 0x01),
      ],
      'import-extra',
    );
  }, 300_000);
});

describe('an Info-ZIP Unicode Path field in the directory', () => {
  it('is a name problem (E_PATH), as the format says, even in an otherwise intact zip', async () => {
    const entries = await zipEntries(plainBundle);
    const file = path.join(folder, 'unicode-path.dtsync');
    await rewrite(file, entries, (entry) => ({ mode: 0o100644, compress: entry.method === 8 }));
    const bytes = fs.readFileSync(file);
    const items = mapZip(bytes).entries.find((entry) => entry.name === 'rows/items.ndjson')!;
    const tag = items.central + 46 + items.name.length;
    expect(bytes.readUInt16LE(tag)).toBe(0x5455);
    bytes.writeUInt16LE(0x7075, tag); // the timestamp's bytes now read as another name
    fs.writeFileSync(file, bytes);
    const outcome = await readWholeBundle(file, path.join(folder, 'unicode-path.out'));
    expect(outcome.accepted ? 'accepted' : (outcome.error as ApiError).code).toBe('E_PATH');
  });
});

describe('bytes that belong to nothing, comments', () => {
  it('are refused as damaged: before the first header, between entries, around the directory, after the end', async () => {
    const bytes = fs.readFileSync(plainBundle);
    const map = mapZip(bytes);
    const junk = Buffer.from('PK\x05\x06 多余的字节', 'utf8');
    const variants: Variant[] = [
      { label: 'before the first header', bytes: insertBytes(bytes, 0, junk) },
      { label: 'one byte before the first header', bytes: insertBytes(bytes, 0, Buffer.from([0])) },
      { label: 'between two entries', bytes: insertBytes(bytes, map.entries[2].local, junk) },
      { label: 'one byte between two entries', bytes: insertBytes(bytes, map.entries[1].local, Buffer.from([0])) },
      { label: 'between the last entry and the directory', bytes: insertBytes(bytes, map.cdOffset, junk) },
      { label: 'between the directory and the end record', bytes: insertBytes(bytes, map.eocd, junk) },
      { label: 'after the end record', bytes: Buffer.concat([bytes, junk]) },
      { label: 'one zero byte after the end record', bytes: Buffer.concat([bytes, Buffer.from([0])]) },
    ];
    // An archive comment that covers the added bytes, so that the end record is consistent.
    const commented = Buffer.concat([bytes, junk.subarray(4)]);
    commented.writeUInt16LE(junk.length - 4, bytes.length - 2);
    variants.push({ label: 'archive comment patched in', bytes: commented });
    const codes: string[] = [];
    for (const variant of variants) {
      const file = path.join(folder, 'junk.dtsync');
      fs.writeFileSync(file, variant.bytes);
      const outcome = await readWholeBundle(file, path.join(folder, 'junk.out'));
      codes.push(`${variant.label}: ${outcome.accepted ? 'accepted' : (outcome.error as ApiError).code}`);
    }
    expect(codes).toEqual(variants.map((variant) => `${variant.label}: E_CORRUPT`));
    await expectImportRefused(variants, 'import-junk');
  });

  it('refuses an archive comment and an entry comment written by yazl itself', async () => {
    const entries = await zipEntries(plainBundle);
    const withComment = path.join(folder, 'archive-comment.dtsync');
    await rewrite(
      withComment,
      entries,
      (entry) => ({ mode: 0o100644, compress: entry.method === 8, forceDosTimestamp: true }),
      { comment: 'remark' },
    );
    const entryComment = path.join(folder, 'entry-comment.dtsync');
    await rewrite(entryComment, entries, (entry) => ({
      mode: 0o100644,
      compress: entry.method === 8,
      forceDosTimestamp: true,
      ...(entry.name === 'manifest.json' ? { fileComment: '清单' } : {}),
    }));
    for (const file of [withComment, entryComment]) {
      const outcome = await readWholeBundle(file, path.join(folder, 'comment.out'));
      expect(outcome.accepted ? 'accepted' : (outcome.error as ApiError).code, path.basename(file)).toBe('E_CORRUPT');
    }
  });
});

describe('CRC-32 of the data', () => {
  it('is checked while entries are read: changed consistently in every copy, with the content intact, it is E_CORRUPT', async () => {
    const bytes = fs.readFileSync(plainBundle);
    const map = mapZip(bytes);
    const alterCrc = (entry: MappedEntry): Buffer => {
      const changed = Buffer.from(bytes);
      const crc = (entry.crc32 ^ 0x00010000) >>> 0;
      changed.writeUInt32LE(crc, entry.central + 16);
      if (entry.flags & 0x08)
        changed.writeUInt32LE(crc, entry.dataEnd + 4); // the descriptor
      else changed.writeUInt32LE(crc, entry.local + 14);
      return changed;
    };
    const manifest = parseManifest(
      (await zipEntries(plainBundle)).find((entry) => entry.name === 'manifest.json')!.bytes,
    );
    const file = path.join(folder, 'crc.dtsync');
    for (const entry of map.entries) {
      fs.writeFileSync(file, alterCrc(entry));
      const listed = manifest.entries.find((candidate) => candidate.name === entry.name);
      if (!listed) {
        // manifest.json and manifest.sig are read whole when the bundle is opened.
        expect(
          await openBundleZip(file).then(
            () => 'opened',
            (error: ApiError) => error.code,
          ),
          entry.name,
        ).toBe('E_CORRUPT');
        continue;
      }
      const zip = await openBundleZip(file); // the directory agrees with itself
      try {
        const read = listed.name.startsWith('rows/')
          ? zip.readRows(listed.name, listed.sha256, listed.size, () => undefined)
          : zip.extractTo(listed.name, listed.sha256, listed.size, path.join(folder, 'crc.out'));
        const error = await read.then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error, entry.name).toBeInstanceOf(ApiError);
        expect((error as ApiError).code, entry.name).toBe('E_CORRUPT');
        expect((error as ApiError).message).toMatch(/校验码/);
      } finally {
        await zip.close();
      }
    }
  });
});

describe('a rows entry stored without compression and changed after signing', () => {
  let stored: string;
  let flipped: string;
  let campaignIds: Set<string>;

  /** Like the importer: a row citing a campaign the receiver does not hold is refused as such. */
  const importerLike = (): RowHandler => (row) => {
    if (typeof row.campaign_id === 'string' && !campaignIds.has(row.campaign_id)) {
      throw new ApiError(
        'E_MISSING_REFERENCE',
        '同步包中的事项引用了本院没有的记录。请先导入上级法院的下发包，再导入这个同步包。',
      );
    }
  };

  beforeAll(async () => {
    const entries = await zipEntries(plainBundle);
    const campaigns = entries.find((entry) => entry.name === 'rows/campaigns.ndjson')!;
    campaignIds = new Set(
      campaigns.bytes
        .toString('utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id),
    );
    // The same entries (the manifest and its signature stay valid), the items stored as they are.
    stored = path.join(folder, 'stored-items.dtsync');
    await rewrite(stored, entries, (entry) => ({
      mode: 0o100644,
      forceDosTimestamp: true,
      compress: entry.method === 8 && entry.name !== 'rows/items.ndjson',
    }));
    const bytes = fs.readFileSync(stored);
    const items = mapZip(bytes).entries.find((entry) => entry.name === 'rows/items.ndjson')!;
    expect(items.method).toBe(0);
    // One byte of the first item's campaign_id, after signing: a digit becomes another digit.
    const key = bytes.indexOf('"campaign_id":"', items.dataStart, 'latin1');
    expect(key).toBeGreaterThan(items.dataStart);
    expect(key).toBeLessThan(items.dataEnd);
    let at = key + '"campaign_id":"'.length;
    while (!(bytes[at] >= 0x30 && bytes[at] <= 0x39)) at += 1;
    bytes[at] ^= 0x01;
    flipped = path.join(folder, 'stored-items-flipped.dtsync');
    fs.writeFileSync(flipped, bytes);
  });

  it('reads as it was signed when nothing is changed; an error while handling a row is passed on unchanged', async () => {
    expect(notADamageRefusal(await readWholeBundle(stored, path.join(folder, 'stored.out')))).toBe('accepted');
    const zip = await openBundleZip(stored);
    try {
      const manifest = parseManifest(zip.manifestBytes);
      expect(verifyBytes(zip.manifestBytes, zip.signature!, basicSignKey)).toBe(true);
      const entry = manifest.entries.find((candidate) => candidate.name === 'rows/items.ndjson')!;
      expect(await zip.readRows(entry.name, entry.sha256, entry.size, importerLike())).toEqual({ rows: entry.rows });
      const refusal = new ApiError('E_ORIGIN', '只能报送自己的数据。');
      const seen: number[] = [];
      const error = await zip
        .readRows(entry.name, entry.sha256, entry.size, (_row, line) => {
          seen.push(line);
          throw refusal;
        })
        .then(
          () => null,
          (caught: unknown) => caught,
        );
      expect(error).toBe(refusal);
      expect(seen).toEqual([1]); // no row handed over after the failure
    } finally {
      await zip.close();
    }
  });

  it('is E_TAMPERED from readRows when the row handler refuses the changed row', async () => {
    const zip = await openBundleZip(flipped); // the zip structure is intact: only content changed
    try {
      const manifest = parseManifest(zip.manifestBytes);
      checkEntriesAgainstManifest(zip, manifest);
      const entry = manifest.entries.find((candidate) => candidate.name === 'rows/items.ndjson')!;
      const lines: number[] = [];
      const handler = importerLike();
      const error = await zip
        .readRows(entry.name, entry.sha256, entry.size, (row, line) => {
          lines.push(line);
          handler(row, line);
        })
        .then(
          () => null,
          (caught: unknown) => caught,
        );
      expect(lines).toEqual([1]); // the changed row is the first: refused, then the rest only hashed
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('E_TAMPERED');
    } finally {
      await zip.close();
    }
  });

  // EXPECTS E_TAMPERED FROM THE IMPORTER. It fails (E_MISSING_REFERENCE) until importBundle reads
  // rows through readRows instead of rows(): that switch is made separately.
  it('is E_TAMPERED from the real import, database untouched (needs the importer on readRows)', async () => {
    const before = dbHash(middle);
    const error = await importBundle(middle.ctx, {
      file: flipped,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [basicFingerprint],
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(dbHash(middle)).toBe(before);
    expect(error).toMatchObject({ code: 'E_TAMPERED' });
  });
});

describe('readRows', () => {
  async function ndjsonBundle(content: Buffer): Promise<string> {
    const file = path.join(folder, `rows-${sha256(content).slice(0, 12)}.zip`);
    await rewrite(
      file,
      [
        { name: 'rows/items.ndjson', bytes: content, method: 8, streamed: true },
        { name: 'manifest.json', bytes: Buffer.from('{}'), method: 8, streamed: false },
      ],
      () => ({ mode: 0o100644, forceDosTimestamp: true }),
    );
    return file;
  }

  async function read(
    content: string | Buffer,
    onRow: RowHandler = () => undefined,
    limits = DEFAULT_LIMITS,
    expected?: string,
  ) {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const zip = await openBundleZip(await ndjsonBundle(bytes), limits);
    try {
      return await zip.readRows('rows/items.ndjson', expected ?? sha256(bytes), bytes.length, onRow).then(
        (result) => ({ result, error: null }),
        (error: unknown) => ({ result: null, error: error as ApiError }),
      );
    } finally {
      await zip.close();
    }
  }

  function expectCorrupt(outcome: { error: ApiError | null }, line: number, what: RegExp) {
    expect(outcome.error).toBeInstanceOf(ApiError);
    expect(outcome.error!.code).toBe('E_CORRUPT');
    expect(outcome.error!.message).toContain(`第 ${line} 行`);
    expect(outcome.error!.message).toMatch(what);
    expect(outcome.error!.message).not.toMatch(/[A-Za-z]{4,}/);
  }

  it('hands over each row with its line number, awaiting the handler, and counts them', async () => {
    const seen: [string, number][] = [];
    const outcome = await read('{"id":"a"}\n{"id":"b","title":"第二项"}\n{"id":"c"}\n', async (row, line) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push([row.id as string, line]);
    });
    expect(outcome).toEqual({ result: { rows: 3 }, error: null });
    expect(seen).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('refuses a byte-order mark, a blank line, a line that is not one object and a last line without its newline, by line number', async () => {
    expectCorrupt(
      await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":"a"}\n')])),
      1,
      /字节顺序标记/,
    );
    expectCorrupt(await read('{"id":"a"}\n\uFEFF{"id":"b"}\n'), 2, /格式有误/);
    expectCorrupt(await read('{"id":"a"}\n\n{"id":"b"}\n'), 2, /空行/);
    expectCorrupt(await read('{"id":"a"}\n{"id":"b"}\n[1,2]\n'), 3, /格式有误/);
    expectCorrupt(await read('{"id":"a"}\n{"id":"b"} {"id":"c"}\n'), 2, /格式有误/);
    expectCorrupt(await read('{"id":"a"}\r\n'), 1, /格式有误/);
    expectCorrupt(await read('{"id":"a"}\n{"id":"b"}\n{"id":'), 3, /换行/);
    expectCorrupt(await read('{"id":"a"}\n{"id":"b"}'), 2, /最后一行/);
    expectCorrupt(
      await read(Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')])),
      1,
      /格式有误/,
    );
    const long = await read(`{"id":"a"}\n{"id":"${'长'.repeat(400)}"}\n`, undefined, {
      ...DEFAULT_LIMITS,
      maxLineBytes: 1000,
    });
    expect(long.error?.code).toBe('E_TOO_LARGE');
    expect(long.error?.message).toContain('第 2 行');
  });

  it('hands over no row after a broken line, and blames damage rather than the line when the hash is wrong', async () => {
    const lines: number[] = [];
    const broken = await read('{"id":"a"}\n\n{"id":"b"}\n', (_row, line) => void lines.push(line));
    expectCorrupt(broken, 2, /空行/);
    expect(lines).toEqual([1]);
    const damaged = await read('{"id":"a"}\n\n{"id":"b"}\n', undefined, DEFAULT_LIMITS, 'f'.repeat(64));
    expect(damaged.error?.code).toBe('E_TAMPERED');
  });

  it('passes on the handler error when the hash is good, and reports damage instead when it is not', async () => {
    const refusal = new Error('本院没有这个专项活动');
    const calls: number[] = [];
    const handler: RowHandler = (_row, line) => {
      calls.push(line);
      if (line === 2) throw refusal;
    };
    const content = '{"id":"a"}\n{"id":"b"}\n{"id":"c"}\n';
    const good = await read(content, handler);
    expect(good.error).toBe(refusal);
    expect(calls).toEqual([1, 2]);
    const bad = await read(
      content,
      handler,
      DEFAULT_LIMITS,
      sha256(Buffer.from('{"id":"a"}\n{"id":"B"}\n{"id":"c"}\n')),
    );
    expect(bad.error?.code).toBe('E_TAMPERED');
    const rejecting = await read(content, async () => Promise.reject(refusal));
    expect(rejecting.error).toBe(refusal);
  });
});

describe('readRows over many inflated pieces', () => {
  // Rows arrive in inflated pieces of 256 KiB; a line, or a character of it, may begin in one piece
  // and end in the next. ~1.2 MB of rows, each with three-byte characters.
  const rowText = (index: number) => `${'督导'.repeat(index % 97)}第${index}条`;
  const manyRows = (count: number) =>
    Array.from({ length: count }, (_, index) => JSON.stringify({ id: `r${index + 1}`, text: rowText(index + 1) }));
  const lines = manyRows(6000);

  async function readAll(content: Buffer, limits = DEFAULT_LIMITS) {
    const file = path.join(folder, `pieces-${sha256(content).slice(0, 12)}.zip`);
    await rewrite(
      file,
      [
        { name: 'rows/items.ndjson', bytes: content, method: 8, streamed: true },
        { name: 'manifest.json', bytes: Buffer.from('{}'), method: 8, streamed: false },
      ],
      () => ({ mode: 0o100644, forceDosTimestamp: true }),
    );
    const seen: { id: unknown; text: unknown; line: number }[] = [];
    const zip = await openBundleZip(file, limits);
    try {
      const outcome = await zip
        .readRows('rows/items.ndjson', sha256(content), content.length, (row, line) => {
          seen.push({ id: row.id, text: row.text, line });
        })
        .then(
          (result) => ({ result, error: null }),
          (error: unknown) => ({ result: null, error: error as ApiError }),
        );
      return { ...outcome, seen };
    } finally {
      await zip.close();
    }
  }

  it('hands over every row whole, with its line number, wherever the pieces are cut', async () => {
    const content = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    expect(content.length).toBeGreaterThan(4 * 256 * 1024);
    const { result, error, seen } = await readAll(content);
    expect(error).toBeNull();
    expect(result).toEqual({ rows: lines.length });
    expect(seen.length).toBe(lines.length);
    seen.forEach((row, index) => {
      expect(row.line).toBe(index + 1);
      expect(row.id).toBe(`r${index + 1}`);
      expect(row.text).toBe(rowText(index + 1));
    });
  });

  it('names the line of malformed UTF-8, a blank line or an over-long line deep in the entry, and hands over none after it', async () => {
    const bad = 4321;
    const withLine = (replacement: Buffer) =>
      Buffer.concat([
        Buffer.from(`${lines.slice(0, bad - 1).join('\n')}\n`, 'utf8'),
        replacement,
        Buffer.from(`\n${lines.slice(bad).join('\n')}\n`, 'utf8'),
      ]);
    // A three-byte character cut short: valid bytes on either side, in a piece that is otherwise fine.
    const malformed = await readAll(
      withLine(Buffer.concat([Buffer.from('{"id":"x","text":"督'), Buffer.from([0xe7, 0x9d]), Buffer.from('"}')])),
    );
    expect(malformed.error?.code).toBe('E_CORRUPT');
    expect(malformed.error?.message).toContain(`第 ${bad} 行`);
    expect(malformed.error?.message).toMatch(/格式有误/);
    expect(malformed.seen.length).toBe(bad - 1);
    expect(malformed.seen.at(-1)?.line).toBe(bad - 1);

    const blank = await readAll(withLine(Buffer.alloc(0)));
    expect(blank.error?.message).toContain(`第 ${bad} 行是空行`);
    expect(blank.seen.length).toBe(bad - 1);

    const spaced = await readAll(withLine(Buffer.from(` ${lines[bad - 1]}`, 'utf8')));
    expect(spaced.error?.message).toContain(`第 ${bad} 行格式有误`);

    const long = await readAll(withLine(Buffer.from(JSON.stringify({ id: 'x', text: '长'.repeat(2000) }), 'utf8')), {
      ...DEFAULT_LIMITS,
      maxLineBytes: 5000,
    });
    expect(long.error?.code).toBe('E_TOO_LARGE');
    expect(long.error?.message).toContain(`第 ${bad} 行`);
    expect(long.seen.length).toBe(bad - 1);
  });
});

describe('the last import of all', () => {
  it('accepts the bundle the engine wrote, unchanged', async () => {
    const imported = await importBundle(middle.ctx, {
      file: plainBundle,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [basicFingerprint],
    });
    expect(imported.outcome).toBe('imported');
  });
});
