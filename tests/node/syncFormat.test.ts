// The sync bundle format on real files: keys and fingerprints, the signed zip container, the
// encrypted envelope, and every refusal produced by a genuinely damaged or hostile file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/main/api/errors';
import {
  BundleZipWriter,
  checkEntriesAgainstManifest,
  openBundleZip,
  type OpenedBundleZip,
} from '../../src/main/sync/format/container';
import {
  ENVELOPE_MAGIC,
  decryptFile,
  encryptFile,
  readEnvelopeHeader,
  sniffBundle,
} from '../../src/main/sync/format/envelope';
import {
  fingerprintOf,
  generateCourtKeys,
  normalizeFingerprint,
  signBytes,
  verifyBytes,
  type CourtKeys,
} from '../../src/main/sync/format/keys';
import { DEFAULT_LIMITS, type BundleLimits } from '../../src/main/sync/format/limits';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  entryKind,
  parseManifest,
  type CourtCard,
  type Manifest,
  type ManifestEntry,
} from '../../src/main/sync/format/manifest';

const MiB = 1024 * 1024;
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-format-'));
afterAll(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
let counter = 0;
function tempPath(name: string): string {
  counter += 1;
  return path.join(tempRoot, `${counter}-${name}`);
}

const sha256 = (bytes: Buffer | string) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Resolves to the ApiError code a promise (or function) fails with; fails the test if it succeeds. */
async function codeOf(action: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    if (error instanceof ApiError) {
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(error.message).not.toMatch(/[A-Za-z]{4,}/); // plain Chinese, no English or stack
      return error.code;
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

function courtCard(code: string, name: string, keys: CourtKeys, parentCode = 'J23'): CourtCard {
  return { code, name, level: 'basic', parentCode, signKey: keys.signPublic, boxKey: keys.boxPublic };
}

const basicKeys = generateCourtKeys();
const basicCard = courtCard('J2301', '哈尔滨市道里区人民法院', basicKeys);

function manifestFor(entries: ManifestEntry[], changes: Partial<Manifest> = {}): Manifest {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    kind: 'report_up',
    full: false,
    source: basicCard,
    target: { code: 'J23', name: '哈尔滨市中级人民法院' },
    seq: 3,
    changeFrom: 10,
    changeThrough: 42,
    createdAt: '2026-11-24T09:30:00.000Z',
    campaign: null,
    counts: {
      rows: entries.reduce((sum, entry) => sum + (entry.rows ?? 0), 0),
      files: entries.filter((entry) => entry.name.startsWith('files/')).length,
      nested: entries.filter((entry) => entry.name.startsWith('nested/')).length,
    },
    entries,
    vouches: [],
    app: { version: '0.1.0', schemaVersion: 3 },
    ...changes,
  };
}

function itemRows(count: number, prefix = 'item'): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${index}`,
    origin: 'J2301',
    version: 1 + (index % 3),
    change_seq: index + 1,
    title: `第${index}项：落实“三个规定”\n（含换行与引号 "quoted"）`,
    percent: index % 101,
    deleted_at: index % 50 === 0 ? '2026-11-24T10:00:00.000Z' : null,
  }));
}

interface WrittenBundle {
  path: string;
  manifest: Manifest;
  manifestBytes: Buffer;
  tables: Record<string, Record<string, unknown>[]>;
  files: { entry: ManifestEntry; bytes: Buffer }[];
}

/** A real signed bundle written through BundleZipWriter. */
async function writeBundle(
  options: {
    tables?: Record<string, Record<string, unknown>[]>;
    files?: Buffer[];
    nested?: { code: string; seq: number; filePath: string }[];
    sign?: boolean;
    changes?: Partial<Manifest>;
  } = {},
): Promise<WrittenBundle> {
  const out = tempPath('bundle.zip');
  const writer = new BundleZipWriter(out);
  const entries: ManifestEntry[] = [];
  const tables = options.tables ?? { items: itemRows(3000), progress_notes: itemRows(500, 'note') };
  for (const [table, rows] of Object.entries(tables)) {
    const entry = writer.rowsEntry(table);
    for (const row of rows) await entry.add(row);
    entries.push(await entry.finish());
  }
  const files: WrittenBundle['files'] = [];
  for (const bytes of options.files ?? [crypto.randomBytes(200_000), Buffer.from('会议纪要'.repeat(5000))]) {
    const filePath = tempPath('evidence.bin');
    fs.writeFileSync(filePath, bytes);
    const hash = sha256(bytes);
    const entry = writer.addFile(`files/${hash}`, filePath, hash, bytes.length);
    entries.push(entry);
    files.push({ entry, bytes });
  }
  for (const nested of options.nested ?? []) {
    const bytes = fs.readFileSync(nested.filePath);
    const hash = sha256(bytes);
    entries.push(
      writer.addNested(`nested/${nested.code}-${nested.seq}-${hash}.zip`, nested.filePath, hash, bytes.length),
    );
  }
  const manifest = manifestFor(entries, options.changes);
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const signature = options.sign === false ? Buffer.alloc(64) : signBytes(manifestBytes, basicKeys.signPrivate);
  await writer.finish(manifestBytes, signature);
  return { path: out, manifest, manifestBytes, tables, files };
}

async function collectRows(zip: OpenedBundleZip, entry: ManifestEntry, limit = DEFAULT_LIMITS.maxRowsEntryBytes) {
  const rows: Record<string, unknown>[] = [];
  await zip.readRows(entry.name, entry.sha256, limit, (row) => {
    rows.push(row);
  });
  return rows;
}

/** A zip written with yazl directly, for names and contents our writer would never produce. */
async function rawZip(entries: { name: string; data: Buffer; compress?: boolean }[]): Promise<string> {
  const out = tempPath('raw.zip');
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { compress: entry.compress ?? false });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const stream = fs.createWriteStream(out);
    zip.outputStream
      .pipe(stream)
      .on('close', () => resolve())
      .on('error', reject);
  });
  return out;
}

/** A raw zip with a manifest that lists exactly the given entries by their real hash and size. */
async function rawBundle(
  entries: { name: string; data: Buffer; compress?: boolean }[],
  extra: { name: string; data: Buffer }[] = [],
) {
  const listed = entries.map((entry) => ({
    name: entry.name,
    sha256: sha256(entry.data),
    size: entry.data.length,
    ...(entry.name.startsWith('rows/') ? { rows: entry.data.toString().split('\n').length - 1 } : {}),
  }));
  const manifestBytes = Buffer.from(JSON.stringify(manifestFor(listed)));
  const file = await rawZip([
    ...entries,
    ...extra,
    { name: 'manifest.json', data: manifestBytes },
    {
      name: 'manifest.sig',
      data: Buffer.from(
        JSON.stringify({
          alg: 'Ed25519',
          signature: signBytes(manifestBytes, basicKeys.signPrivate).toString('base64'),
        }),
      ),
    },
  ]);
  return { file, listed };
}

/** Replaces every occurrence of a same-length byte string (local header and central directory). */
function patchAll(file: string, from: string | Buffer, to: string | Buffer): void {
  const bytes = fs.readFileSync(file);
  const a = Buffer.isBuffer(from) ? from : Buffer.from(from, 'utf8');
  const b = Buffer.isBuffer(to) ? to : Buffer.from(to, 'utf8');
  expect(a.length).toBe(b.length);
  let found = 0;
  for (let at = bytes.indexOf(a); at !== -1; at = bytes.indexOf(a, at + 1)) {
    b.copy(bytes, at);
    found += 1;
  }
  expect(found).toBeGreaterThan(0);
  fs.writeFileSync(file, bytes);
}

/** Offset of an entry's data and of its central directory record, found by name. */
function locateEntry(bytes: Buffer, name: string): { dataStart: number; centralRecord: number } {
  const nameBytes = Buffer.from(name, 'latin1');
  const local = bytes.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04])]));
  let localAt = -1;
  for (let at = local; at !== -1; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 1)) {
    if (bytes.subarray(at + 30, at + 30 + nameBytes.length).equals(nameBytes)) {
      localAt = at;
      break;
    }
  }
  let centralRecord = -1;
  for (
    let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    at !== -1;
    at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 1)
  ) {
    if (bytes.subarray(at + 46, at + 46 + nameBytes.length).equals(nameBytes)) {
      centralRecord = at;
      break;
    }
  }
  expect(localAt).toBeGreaterThanOrEqual(0);
  expect(centralRecord).toBeGreaterThanOrEqual(0);
  const dataStart = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
  return { dataStart, centralRecord };
}

function openFds(): number | null {
  return fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : null;
}

describe('court keys and fingerprints', () => {
  it('gives 8 groups of 5 digits, stable for the same keys, different when either key differs', () => {
    const keys = generateCourtKeys();
    expect(Buffer.from(keys.signPublic, 'base64')).toHaveLength(32);
    expect(Buffer.from(keys.boxPublic, 'base64')).toHaveLength(32);
    const fingerprint = fingerprintOf(keys.signPublic, keys.boxPublic);
    expect(fingerprint).toMatch(/^\d{5}( \d{5}){7}$/);
    expect(fingerprintOf(keys.signPublic, keys.boxPublic)).toBe(fingerprint);
    const other = generateCourtKeys();
    expect(fingerprintOf(other.signPublic, keys.boxPublic)).not.toBe(fingerprint);
    expect(fingerprintOf(keys.signPublic, other.boxPublic)).not.toBe(fingerprint);
    expect(normalizeFingerprint(fingerprint)).toMatch(/^\d{40}$/);
    const typed = fingerprint.replace(/ /g, '-').replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(normalizeFingerprint(typed)).toBe(normalizeFingerprint(fingerprint));
  });

  it('computes the documented fingerprint from fixed keys', () => {
    const sign = Buffer.alloc(32, 1);
    const box = Buffer.alloc(32, 2);
    const hash = crypto
      .createHash('sha256')
      .update(Buffer.concat([Buffer.from('court-sync-key-v1\0'), sign, box]))
      .digest();
    const expected = Array.from({ length: 8 }, (_, i) =>
      String(hash.readUInt32BE(i * 4) % 100000).padStart(5, '0'),
    ).join(' ');
    expect(fingerprintOf(sign.toString('base64'), box.toString('base64'))).toBe(expected);
  });

  it('verifies its own signatures and nothing else, never throwing', () => {
    const keys = generateCourtKeys();
    const bytes = Buffer.from(JSON.stringify({ hello: '法院' }));
    const signature = signBytes(bytes, keys.signPrivate);
    expect(signature).toHaveLength(64);
    expect(verifyBytes(bytes, signature, keys.signPublic)).toBe(true);
    const changed = Buffer.from(bytes);
    changed[3] ^= 1;
    expect(verifyBytes(changed, signature, keys.signPublic)).toBe(false);
    expect(verifyBytes(bytes, signature, generateCourtKeys().signPublic)).toBe(false);
    expect(verifyBytes(bytes, signature.subarray(0, 63), keys.signPublic)).toBe(false);
    expect(verifyBytes(bytes, Buffer.alloc(0), keys.signPublic)).toBe(false);
    expect(verifyBytes(bytes, signature, 'not a key')).toBe(false);
    expect(verifyBytes(bytes, signature, keys.boxPublic)).toBe(false);
  });
});

describe('manifest', () => {
  it('parses what it describes and refuses other formats, newer versions and broken schemas', async () => {
    const manifest = manifestFor([{ name: 'rows/items.ndjson', sha256: 'a'.repeat(64), size: 10, rows: 1 }]);
    expect(parseManifest(Buffer.from(JSON.stringify(manifest)))).toEqual(manifest);
    expect(await codeOf(() => parseManifest(Buffer.from('PK not json')))).toBe('E_NOT_BUNDLE');
    expect(await codeOf(() => parseManifest(Buffer.from(JSON.stringify({ ...manifest, format: 'other' }))))).toBe(
      'E_NOT_BUNDLE',
    );
    const future = { format: BUNDLE_FORMAT, formatVersion: 2, somethingNew: { a: 1 } };
    expect(await codeOf(() => parseManifest(Buffer.from(JSON.stringify(future))))).toBe('E_FUTURE_FORMAT');
    const { seq: _seq, ...withoutSeq } = manifest;
    expect(await codeOf(() => parseManifest(Buffer.from(JSON.stringify(withoutSeq))))).toBe('E_CORRUPT');
    expect(await codeOf(() => parseManifest(Buffer.from(JSON.stringify({ ...manifest, changeFrom: 50 }))))).toBe(
      'E_CORRUPT',
    );
    const badName = { ...manifest, entries: [{ name: 'rows/../x.ndjson', sha256: 'a'.repeat(64), size: 1 }] };
    expect(await codeOf(() => parseManifest(Buffer.from(JSON.stringify(badName))))).toBe('E_PATH');
    const wrongHash = { ...manifest, entries: [{ name: `files/${'b'.repeat(64)}`, sha256: 'a'.repeat(64), size: 1 }] };
    expect(await codeOf(() => parseManifest(Buffer.from(JSON.stringify(wrongHash))))).toBe('E_CORRUPT');
  });

  it('allows only the three entry name forms', async () => {
    const hash = 'c'.repeat(64);
    expect(entryKind('rows/ledger_events.ndjson')).toEqual({ kind: 'rows', table: 'ledger_events' });
    expect(entryKind(`files/${hash}`)).toEqual({ kind: 'file', sha256: hash });
    expect(entryKind(`nested/J2301-12-${hash}.zip`)).toEqual({
      kind: 'nested',
      source: 'J2301',
      seq: 12,
      sha256: hash,
    });
    for (const name of [
      '../evil',
      '/etc/x',
      'files/..\\x',
      'rows/../x.ndjson',
      'C:/x',
      'rows/Items.ndjson',
      'rows/items.ndjson/',
      'rows/items.json',
      `files/${hash.toUpperCase()}`,
      `files/${hash}.pdf`,
      `files/sub/${hash}`,
      `nested/j2301-1-${hash}.zip`,
      `nested/J2301-01-${hash}.zip`,
      `nested/J2301-1-${hash}.zip.exe`,
      'manifest.json',
      `rows/${'a'.repeat(41)}.ndjson`,
      'rows/items.ndjson\n',
    ]) {
      expect(await codeOf(() => entryKind(name)), name).toBe('E_PATH');
    }
  });
});

describe('bundle container', () => {
  it('round-trips rows, evidence files and a nested bundle, hashes and signature intact', async () => {
    const inner = await writeBundle({ tables: { items: itemRows(20, 'inner') }, files: [] });
    const bundle = await writeBundle({
      nested: [{ code: 'J2301', seq: 7, filePath: inner.path }],
      changes: { vouches: [basicCard] },
    });
    const zip = await openBundleZip(bundle.path);
    try {
      expect(zip.manifestBytes.equals(bundle.manifestBytes)).toBe(true);
      expect(zip.signature).not.toBeNull();
      expect(verifyBytes(zip.manifestBytes, zip.signature!, basicKeys.signPublic)).toBe(true);
      const manifest = parseManifest(zip.manifestBytes);
      expect(manifest).toEqual(bundle.manifest);
      checkEntriesAgainstManifest(zip, manifest);
      expect([...zip.entries.keys()].sort()).toEqual(manifest.entries.map((entry) => entry.name).sort());

      for (const [table, rows] of Object.entries(bundle.tables)) {
        const entry = manifest.entries.find((candidate) => candidate.name === `rows/${table}.ndjson`)!;
        expect(entry.rows).toBe(rows.length);
        expect(await collectRows(zip, entry)).toEqual(rows);
      }
      for (const file of bundle.files) {
        const out = tempPath('extracted');
        await zip.extractTo(file.entry.name, file.entry.sha256, DEFAULT_LIMITS.maxFileBytes, out);
        expect(fs.readFileSync(out).equals(file.bytes)).toBe(true);
      }
      const nestedEntry = manifest.entries.find((entry) => entry.name.startsWith('nested/'))!;
      expect(zip.entries.get(nestedEntry.name)!.compressedSize).toBe(nestedEntry.size); // stored as-is
      const nestedCopy = tempPath('nested.zip');
      await zip.extractTo(nestedEntry.name, nestedEntry.sha256, DEFAULT_LIMITS.maxTotalBytes, nestedCopy);
      expect(fs.readFileSync(nestedCopy).equals(fs.readFileSync(inner.path))).toBe(true);
      const nestedZip = await openBundleZip(nestedCopy);
      expect(verifyBytes(nestedZip.manifestBytes, nestedZip.signature!, basicKeys.signPublic)).toBe(true);
      await nestedZip.close();

      // openEntry streams the exact bytes: one JSON object per line, snake_case keys as given.
      const itemsEntry = manifest.entries.find((entry) => entry.name === 'rows/items.ndjson')!;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openEntry(itemsEntry.name, itemsEntry.sha256, itemsEntry.size))
        chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      expect(text.endsWith('\n')).toBe(true);
      expect(text.split('\n')[0]).toBe(JSON.stringify(bundle.tables.items[0]));
    } finally {
      await zip.close();
    }
  });

  it('reports a missing manifest.sig as null and an unusable one as an empty signature', async () => {
    const data = Buffer.from('{"id":"x"}\n');
    const listed = [{ name: 'rows/items.ndjson', sha256: sha256(data), size: data.length, rows: 1 }];
    const manifestBytes = Buffer.from(JSON.stringify(manifestFor(listed)));
    const unsigned = await rawZip([
      { name: 'rows/items.ndjson', data },
      { name: 'manifest.json', data: manifestBytes },
    ]);
    const zip = await openBundleZip(unsigned);
    expect(zip.signature).toBeNull();
    await zip.close();
    const garbled = await rawZip([
      { name: 'rows/items.ndjson', data },
      { name: 'manifest.json', data: manifestBytes },
      { name: 'manifest.sig', data: Buffer.from('{"alg":"RSA","signature":"AAAA"}') },
    ]);
    const zip2 = await openBundleZip(garbled);
    expect(zip2.signature).toEqual(Buffer.alloc(0));
    expect(verifyBytes(zip2.manifestBytes, zip2.signature!, basicKeys.signPublic)).toBe(false);
    await zip2.close();
  });

  it('finds a changed manifest byte through the signature', async () => {
    const bundle = await writeBundle({ tables: { items: itemRows(5) }, files: [] });
    const zip = await openBundleZip(bundle.path);
    const changed = Buffer.from(zip.manifestBytes);
    changed[changed.indexOf('"seq":3') + 6] = '4'.charCodeAt(0);
    expect(verifyBytes(changed, zip.signature!, basicKeys.signPublic)).toBe(false);
    expect(verifyBytes(zip.manifestBytes, zip.signature!, basicKeys.signPublic)).toBe(true);
    await zip.close();
  });

  it('refuses a rows entry changed after signing: every row read, then E_TAMPERED', async () => {
    const rows = itemRows(200);
    const data = Buffer.from(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
    const { file, listed } = await rawBundle([{ name: 'rows/items.ndjson', data }]);
    patchAll(file, '第17项', '第71项'); // still valid JSON, different bytes
    const zip = await openBundleZip(file);
    checkEntriesAgainstManifest(zip, parseManifest(zip.manifestBytes));
    const seen: Record<string, unknown>[] = [];
    let code = '';
    try {
      await zip.readRows(listed[0].name, listed[0].sha256, DEFAULT_LIMITS.maxRowsEntryBytes, (row) => {
        seen.push(row);
      });
    } catch (error) {
      code = (error as ApiError).code;
    }
    expect(code).toBe('E_TAMPERED');
    expect(seen).toHaveLength(200); // the error comes after the last row: the caller's transaction rolls back
    await zip.close();
  });

  it('refuses a flipped byte inside a compressed rows entry written by the bundle writer', async () => {
    const bundle = await writeBundle({ tables: { items: itemRows(4000) }, files: [] });
    const bytes = fs.readFileSync(bundle.path);
    const { dataStart } = locateEntry(bytes, 'rows/items.ndjson');
    bytes[dataStart + 2000] ^= 0x10;
    fs.writeFileSync(bundle.path, bytes);
    const zip = await openBundleZip(bundle.path);
    const entry = bundle.manifest.entries[0];
    expect(await codeOf(collectRows(zip, entry))).toBe('E_TAMPERED');
    expect(await codeOf(zip.extractTo(entry.name, entry.sha256, entry.size, tempPath('x')))).toBe('E_TAMPERED');
    await zip.close();
  });

  it('refuses a malformed line that was signed as such (E_CORRUPT) and an over-long line (E_TOO_LARGE)', async () => {
    const data = Buffer.from('{"id":"a"}\n[1,2]\n');
    const { file, listed } = await rawBundle([{ name: 'rows/items.ndjson', data }]);
    const zip = await openBundleZip(file);
    expect(await codeOf(collectRows(zip, listed[0]))).toBe('E_CORRUPT');
    await zip.close();

    const long = Buffer.from(`{"id":"a","text":"${'长'.repeat(2000)}"}\n`);
    const second = await rawBundle([{ name: 'rows/items.ndjson', data: long }]);
    const limits: BundleLimits = { ...DEFAULT_LIMITS, maxLineBytes: 1000 };
    const zip2 = await openBundleZip(second.file, limits);
    expect(await codeOf(collectRows(zip2, second.listed[0]))).toBe('E_TOO_LARGE');
    await zip2.close();

    const unterminated = await rawBundle([{ name: 'rows/items.ndjson', data: Buffer.from('{"id":"a"}\n{"id":"b"}') }]);
    const zip3 = await openBundleZip(unterminated.file);
    expect(await codeOf(collectRows(zip3, unterminated.listed[0]))).toBe('E_CORRUPT');
    await zip3.close();
  });

  it('refuses a cut-short zip, trailing garbage, a broken directory and files that are not bundles', async () => {
    const bundle = await writeBundle({ tables: { items: itemRows(1000) } });
    const bytes = fs.readFileSync(bundle.path);
    const cut = tempPath('cut.zip');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await codeOf(openBundleZip(cut))).toBe('E_TRUNCATED');
    const cutNearEnd = tempPath('cut2.zip');
    fs.writeFileSync(cutNearEnd, bytes.subarray(0, bytes.length - 5));
    expect(await codeOf(openBundleZip(cutNearEnd))).toBe('E_TRUNCATED');

    const garbage = tempPath('garbage.zip');
    fs.writeFileSync(garbage, Buffer.concat([bytes, Buffer.from('多出来的内容')]));
    expect(await codeOf(openBundleZip(garbage))).toBe('E_CORRUPT');

    const brokenDirectory = Buffer.from(bytes);
    const { centralRecord } = locateEntry(brokenDirectory, 'manifest.json');
    brokenDirectory[centralRecord] = 0x00; // central directory signature destroyed
    const broken = tempPath('broken.zip');
    fs.writeFileSync(broken, brokenDirectory);
    expect(await codeOf(openBundleZip(broken))).toBe('E_CORRUPT');

    const text = tempPath('notes.txt');
    fs.writeFileSync(text, '这是一份普通的文本文件。');
    expect(await codeOf(openBundleZip(text))).toBe('E_NOT_BUNDLE');
    const empty = tempPath('empty.zip');
    fs.writeFileSync(empty, '');
    expect(await codeOf(openBundleZip(empty))).toBe('E_NOT_BUNDLE');
    const plainZip = await rawZip([{ name: 'readme.txt', data: Buffer.from('hi') }]);
    expect(await codeOf(openBundleZip(plainZip))).toBe('E_PATH');
    const noManifest = await rawZip([{ name: 'rows/items.ndjson', data: Buffer.from('{}\n') }]);
    expect(await codeOf(openBundleZip(noManifest))).toBe('E_NOT_BUNDLE');
  });

  it('refuses unsafe or unknown entry names, checked before anything else', async () => {
    const cases: [string, string][] = [
      ['../evil', 'aa/evil'],
      ['/etc/x', 'xetc/x'],
      ['files/..\\x', 'files/aa_x'],
      ['rows/../x.ndjson', 'rows/aa/x.ndjson'],
      ['C:/x', 'Cx/x'],
      ['rows/items.ndjson ', 'rows/items.ndjsonX'],
    ];
    for (const [evil, placeholder] of cases) {
      const { file } = await rawBundle(
        [{ name: 'rows/items.ndjson', data: Buffer.from('{"id":"a"}\n') }],
        [{ name: placeholder, data: Buffer.from('x') }],
      );
      patchAll(file, placeholder, evil);
      expect(await codeOf(openBundleZip(file)), evil).toBe('E_PATH');
    }
    const twice = await rawZip([
      { name: 'rows/items.ndjson', data: Buffer.from('{"id":"a"}\n') },
      { name: 'rows/items.ndjson', data: Buffer.from('{"id":"b"}\n') },
      { name: 'manifest.json', data: Buffer.from('{}') },
    ]);
    expect(await codeOf(openBundleZip(twice))).toBe('E_PATH');
    // A bad name wins over a size problem elsewhere in the same zip.
    const both = await rawZip([
      { name: 'rows/items.ndjson', data: Buffer.alloc(2 * MiB), compress: true },
      { name: 'xx/evil', data: Buffer.from('x') },
      { name: 'manifest.json', data: Buffer.from('{}') },
    ]);
    patchAll(both, 'xx/evil', '../evil');
    expect(await codeOf(openBundleZip(both))).toBe('E_PATH');
  });

  it('refuses entries added to or removed from the zip after signing, and sizes that differ', async () => {
    const data = Buffer.from('{"id":"a"}\n');
    const extra = await rawBundle([{ name: 'rows/items.ndjson', data }], [{ name: 'rows/people.ndjson', data }]);
    const zip = await openBundleZip(extra.file);
    expect(await codeOf(() => checkEntriesAgainstManifest(zip, parseManifest(zip.manifestBytes)))).toBe('E_TAMPERED');
    await zip.close();

    const bundle = await writeBundle({ tables: { items: itemRows(10) }, files: [] });
    const zip2 = await openBundleZip(bundle.path);
    const listsMissing = {
      ...bundle.manifest,
      entries: [...bundle.manifest.entries, { name: `files/${'d'.repeat(64)}`, sha256: 'd'.repeat(64), size: 5 }],
    };
    expect(await codeOf(() => checkEntriesAgainstManifest(zip2, listsMissing))).toBe('E_TAMPERED');
    expect(await codeOf(zip2.openEntry(`files/${'d'.repeat(64)}`, 'd'.repeat(64), 5))).toBe('E_TAMPERED');
    const wrongSize = {
      ...bundle.manifest,
      entries: bundle.manifest.entries.map((entry) => ({ ...entry, size: entry.size - 1 })),
    };
    expect(await codeOf(() => checkEntriesAgainstManifest(zip2, wrongSize))).toBe('E_TAMPERED');
    const tooMany = { ...bundle.manifest };
    expect(await codeOf(() => checkEntriesAgainstManifest(zip2, tooMany, { ...DEFAULT_LIMITS, maxEntries: 0 }))).toBe(
      'E_TOO_LARGE',
    );
    expect(
      await codeOf(() => checkEntriesAgainstManifest(zip2, tooMany, { ...DEFAULT_LIMITS, maxRowsEntryBytes: 100 })),
    ).toBe('E_TOO_LARGE');
    await zip2.close();
  });

  describe('zip bomb: 64 MiB of zeros that compress to about 64 KB', () => {
    const zeros = Buffer.alloc(64 * MiB);
    const zerosHash = sha256(zeros);
    const name = `files/${zerosHash}`;
    let bombPath = '';

    async function bomb(): Promise<string> {
      if (bombPath) return bombPath;
      const source = tempPath('zeros.bin');
      fs.writeFileSync(source, zeros);
      const out = tempPath('bomb.zip');
      const writer = new BundleZipWriter(out);
      writer.addFile(name, source, zerosHash, zeros.length);
      // The manifest claims a small evidence file.
      const manifestBytes = Buffer.from(JSON.stringify(manifestFor([{ name, sha256: zerosHash, size: 1000 }])));
      await writer.finish(manifestBytes, signBytes(manifestBytes, basicKeys.signPrivate));
      expect(fs.statSync(out).size).toBeLessThan(200_000);
      bombPath = out;
      return out;
    }

    it('is refused as soon as it is opened, by its compression ratio', async () => {
      expect(['E_TOO_LARGE', 'E_TAMPERED']).toContain(await codeOf(openBundleZip(await bomb())));
    });

    it('is refused against the manifest when the ratio check is relaxed', async () => {
      const zip = await openBundleZip(await bomb(), { ...DEFAULT_LIMITS, maxCompressionRatio: 1e9 });
      expect(await codeOf(() => checkEntriesAgainstManifest(zip, parseManifest(zip.manifestBytes)))).toBe('E_TAMPERED');
      await zip.close();
    });

    it('is refused by size with lowered limits, before any inflating', async () => {
      expect(
        await codeOf(openBundleZip(await bomb(), { ...DEFAULT_LIMITS, maxCompressionRatio: 1e9, maxFileBytes: MiB })),
      ).toBe('E_TOO_LARGE');
      const zip = await openBundleZip(await bomb(), { ...DEFAULT_LIMITS, maxCompressionRatio: 1e9 });
      expect(await codeOf(zip.openEntry(name, zerosHash, MiB))).toBe('E_TOO_LARGE');
      await zip.close();
    });

    it('stops inflating at the declared size when the zip directory lies, with memory staying small', async () => {
      const lying = tempPath('lying.zip');
      const bytes = fs.readFileSync(await bomb());
      const { dataStart, centralRecord } = locateEntry(bytes, name);
      bytes.writeUInt32LE(1000, centralRecord + 24); // directory: 1000 bytes uncompressed
      // The data descriptor after the data must tell the same lie, or the open itself refuses the
      // zip for disagreeing with itself (E_CORRUPT): signature, CRC, compressed, uncompressed size.
      const descriptor = dataStart + bytes.readUInt32LE(centralRecord + 20);
      expect(bytes.readUInt32LE(descriptor)).toBe(0x08074b50);
      bytes.writeUInt32LE(1000, descriptor + 12);
      fs.writeFileSync(lying, bytes);
      const zip = await openBundleZip(lying); // default limits: 1000 bytes is small, ratio not checked
      checkEntriesAgainstManifest(zip, parseManifest(zip.manifestBytes)); // manifest agrees with the lie
      const before = process.memoryUsage();
      let received = 0;
      let code = '';
      try {
        for await (const chunk of await zip.openEntry(name, zerosHash, DEFAULT_LIMITS.maxFileBytes))
          received += (chunk as Buffer).length;
      } catch (error) {
        code = (error as ApiError).code;
      }
      const after = process.memoryUsage();
      expect(code).toBe('E_TOO_LARGE');
      expect(received).toBeLessThanOrEqual(1000);
      expect(after.arrayBuffers + after.heapUsed - (before.arrayBuffers + before.heapUsed)).toBeLessThan(16 * MiB);
      expect(await codeOf(zip.extractTo(name, zerosHash, DEFAULT_LIMITS.maxFileBytes, tempPath('bomb.out')))).toBe(
        'E_TOO_LARGE',
      );
      await zip.close();
    });

    it('is refused up front when the caller allows less than the directory declares', async () => {
      const zip = await openBundleZip(await bomb(), { ...DEFAULT_LIMITS, maxCompressionRatio: 1e9 });
      let received = 0;
      const code = await codeOf(
        (async () => {
          for await (const chunk of await zip.openEntry(name, zerosHash, 4 * MiB)) received += (chunk as Buffer).length;
        })(),
      );
      expect(code).toBe('E_TOO_LARGE');
      expect(received).toBe(0);
      await zip.close();
    });
  });

  it('refuses too many entries before reading them', async () => {
    const { file } = await rawBundle([
      { name: 'rows/items.ndjson', data: Buffer.from('{}\n') },
      { name: 'rows/people.ndjson', data: Buffer.from('{}\n') },
    ]);
    expect(await codeOf(openBundleZip(file, { ...DEFAULT_LIMITS, maxEntries: 1 }))).toBe('E_TOO_LARGE');
    expect(await codeOf(openBundleZip(file, { ...DEFAULT_LIMITS, maxTotalBytes: 100 }))).toBe('E_TOO_LARGE');
    const zip = await openBundleZip(file, { ...DEFAULT_LIMITS, maxEntries: 2 });
    await zip.close();
  });

  it('fails the bundle when an evidence file no longer matches its hash', async () => {
    const filePath = tempPath('changed.bin');
    fs.writeFileSync(filePath, 'original');
    const hash = sha256('original');
    fs.writeFileSync(filePath, 'ORIGINAL'); // same size, different content
    const writer = new BundleZipWriter(tempPath('bad.zip'));
    writer.addFile(`files/${hash}`, filePath, hash, 8);
    const manifestBytes = Buffer.from('{}');
    expect(await codeOf(writer.finish(manifestBytes, signBytes(manifestBytes, basicKeys.signPrivate)))).toBe(
      'E_CORRUPT',
    );
  });

  it('writes a large table with bounded memory (rows are streamed, not collected)', async () => {
    const out = tempPath('large.zip');
    const writer = new BundleZipWriter(out);
    const entry = writer.rowsEntry('progress_notes');
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    const count = 200_000;
    for (let index = 0; index < count; index += 1) {
      await entry.add({
        id: `note-${index}`,
        item_id: `item-${index % 97}`,
        body: `第${index}条进展：${crypto.randomBytes(48).toString('hex')}`,
      });
      if (index % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    const written = await entry.finish();
    const manifestBytes = Buffer.from(JSON.stringify(manifestFor([written])));
    await writer.finish(manifestBytes, signBytes(manifestBytes, basicKeys.signPrivate));
    expect(written.rows).toBe(count);
    expect(written.size).toBeGreaterThan(25 * MiB);
    expect(peak).toBeLessThan(64 * MiB);
    const zip = await openBundleZip(out);
    let read = 0;
    await zip.readRows(written.name, written.sha256, written.size, (row) => {
      if (read === 123_456) expect(row.id).toBe('note-123456');
      read += 1;
    });
    expect(read).toBe(count);
    await zip.close();
  });
});

describe('envelope', () => {
  const high = generateCourtKeys();
  const highFingerprint = fingerprintOf(high.signPublic, high.boxPublic);
  const highBox = { boxPublic: high.boxPublic, boxPrivate: high.boxPrivate, fingerprint: highFingerprint };
  const header = {
    kind: 'report_up' as const,
    source: { code: 'J2301', name: '哈尔滨市道里区人民法院' },
    target: { code: 'J23', name: '哈尔滨市中级人民法院' },
    createdAt: '2026-11-24T09:30:00.000Z',
  };

  async function sealed(bytes: Buffer): Promise<{ plain: string; sealedPath: string }> {
    const plain = tempPath('plain.zip');
    fs.writeFileSync(plain, bytes);
    const sealedPath = tempPath('sealed.ddt');
    await encryptFile(plain, sealedPath, header, { boxPublic: high.boxPublic, fingerprint: highFingerprint });
    return { plain, sealedPath };
  }

  it('round-trips files of several chunks, an exact multiple of the chunk size, and nothing at all', async () => {
    for (const size of [300_000, 131_072, 65_536, 1, 0]) {
      const bytes = crypto.randomBytes(size);
      const { sealedPath } = await sealed(bytes);
      expect(await sniffBundle(sealedPath)).toBe('envelope');
      const read = await readEnvelopeHeader(sealedPath);
      expect(read).toMatchObject({
        format: 'court-sync-envelope',
        version: 1,
        ...header,
        chunkSize: 65536,
        recipientFingerprint: highFingerprint,
      });
      const out = tempPath('opened.zip');
      const opened = await decryptFile(sealedPath, out, highBox, 10 * MiB);
      expect(opened).toEqual(read);
      expect(fs.readFileSync(out).equals(bytes)).toBe(true);
      const chunks = Math.floor(size / 65536) + (size % 65536 === 0 && size > 0 ? 0 : 1);
      expect(fs.statSync(sealedPath).size).toBe(8 + 4 + Buffer.byteLength(JSON.stringify(read)) + chunks * 20 + size);
    }
  });

  it('can be decrypted with the documented construction by another program', async () => {
    const bytes = crypto.randomBytes(70_000);
    const { sealedPath } = await sealed(bytes);
    const file = fs.readFileSync(sealedPath);
    expect(file.subarray(0, 8).equals(ENVELOPE_MAGIC)).toBe(true);
    const headerLength = file.readUInt32BE(8);
    const headerBytes = file.subarray(12, 12 + headerLength);
    const parsed = JSON.parse(headerBytes.toString());
    const ephemeral = Buffer.from(parsed.ephemeralKey, 'base64');
    const spki = (raw: Buffer) => Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), raw]);
    const shared = crypto.diffieHellman({
      privateKey: crypto.createPrivateKey({
        key: Buffer.from(high.boxPrivate, 'base64'),
        format: 'der',
        type: 'pkcs8',
      }),
      publicKey: crypto.createPublicKey({ key: spki(ephemeral), format: 'der', type: 'spki' }),
    });
    const key = Buffer.from(
      crypto.hkdfSync(
        'sha256',
        shared,
        Buffer.concat([ephemeral, Buffer.from(high.boxPublic, 'base64')]),
        'court-sync-envelope-v1',
        32,
      ),
    );
    let at = 12 + headerLength;
    const parts: Buffer[] = [];
    for (let index = 0; at < file.length; index += 1) {
      const length = file.readUInt32BE(at);
      const nonce = Buffer.alloc(12);
      nonce.writeUInt32BE(index, 7);
      nonce[11] = at + 4 + length + 16 === file.length ? 1 : 0;
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce);
      decipher.setAAD(headerBytes);
      decipher.setAuthTag(file.subarray(at + 4 + length, at + 4 + length + 16));
      parts.push(decipher.update(file.subarray(at + 4, at + 4 + length)), decipher.final());
      at += 4 + length + 16;
    }
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
  });

  it('refuses a cut-short envelope, a flipped byte, appended garbage and a changed header', async () => {
    const bytes = crypto.randomBytes(200_000);
    const { sealedPath } = await sealed(bytes);
    const file = fs.readFileSync(sealedPath);
    const headerEnd = 12 + file.readUInt32BE(8);
    const write = (content: Buffer) => {
      const target = tempPath('damaged.ddt');
      fs.writeFileSync(target, content);
      return target;
    };
    const out = tempPath('never.zip');
    const attempt = (target: string, limit = 10 * MiB) => decryptFile(target, out, highBox, limit);

    expect(await codeOf(attempt(write(file.subarray(0, file.length - 1000))))).toBe('E_TRUNCATED');
    // Cut exactly after a whole (non-final) chunk: the missing final chunk is noticed.
    expect(await codeOf(attempt(write(file.subarray(0, headerEnd + 2 * (4 + 65536 + 16)))))).toBe('E_TRUNCATED');
    expect(await codeOf(attempt(write(file.subarray(0, headerEnd - 3))))).toBe('E_TRUNCATED');
    expect(await codeOf(readEnvelopeHeader(write(file.subarray(0, 10))))).toBe('E_TRUNCATED');
    expect(fs.existsSync(out)).toBe(false); // nothing half-decrypted is left behind

    const flipped = Buffer.from(file);
    flipped[headerEnd + 4 + 70_000] ^= 0x01;
    expect(await codeOf(attempt(write(flipped)))).toBe('E_TAMPERED');

    expect(await codeOf(attempt(write(Buffer.concat([file, Buffer.from('garbage')]))))).toBe('E_CORRUPT');
    const extraChunk = Buffer.concat([file, file.subarray(headerEnd, headerEnd + 4 + 65536 + 16)]);
    expect(await codeOf(attempt(write(extraChunk)))).toBe('E_CORRUPT');

    // The header is authenticated: renaming the sender breaks the first chunk.
    const renamed = write(file);
    patchAll(renamed, 'J2301', 'J2309');
    expect(await readEnvelopeHeader(renamed)).toMatchObject({ source: { code: 'J2309' } });
    expect(await codeOf(attempt(renamed))).toBe('E_TAMPERED');

    const swapped = Buffer.from(file);
    const second = headerEnd + 4 + 65536 + 16;
    file.copy(swapped, headerEnd, second, second + 4 + 65536 + 16); // chunk 1 where chunk 0 was
    expect(await codeOf(attempt(write(swapped)))).toBe('E_TAMPERED');

    const longChunk = Buffer.from(file);
    longChunk.writeUInt32BE(65537, headerEnd);
    expect(await codeOf(attempt(write(longChunk)))).toBe('E_CORRUPT');

    expect(await codeOf(attempt(sealedPath, 100_000))).toBe('E_TOO_LARGE');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a newer envelope version, a broken header and a file that is not an envelope', async () => {
    const { sealedPath, plain } = await sealed(crypto.randomBytes(1000));
    const future = tempPath('future.ddt');
    fs.copyFileSync(sealedPath, future);
    patchAll(future, '"version":1', '"version":2');
    expect(await codeOf(readEnvelopeHeader(future))).toBe('E_FUTURE_FORMAT');
    expect(await codeOf(decryptFile(future, tempPath('x'), highBox, MiB))).toBe('E_FUTURE_FORMAT');
    const broken = tempPath('broken.ddt');
    fs.copyFileSync(sealedPath, broken);
    patchAll(broken, '"format"', '"format{');
    expect(await codeOf(readEnvelopeHeader(broken))).toBe('E_CORRUPT');
    const hugeHeader = Buffer.from(fs.readFileSync(sealedPath));
    hugeHeader.writeUInt32BE(0x7fffffff, 8);
    const huge = tempPath('huge.ddt');
    fs.writeFileSync(huge, hugeHeader);
    expect(await codeOf(readEnvelopeHeader(huge))).toBe('E_CORRUPT');
    expect(await sniffBundle(plain)).toBe('unknown');
    expect(await codeOf(readEnvelopeHeader(plain))).toBe('E_NOT_BUNDLE');
  });

  it('refuses to decrypt for a court it was not sealed for', async () => {
    const bytes = crypto.randomBytes(5000);
    const { sealedPath } = await sealed(bytes);
    const other = generateCourtKeys();
    const otherBox = {
      boxPublic: other.boxPublic,
      boxPrivate: other.boxPrivate,
      fingerprint: fingerprintOf(other.signPublic, other.boxPublic),
    };
    const out = tempPath('other.zip');
    expect(await codeOf(decryptFile(sealedPath, out, otherBox, MiB))).toBe('E_WRONG_KEY');
    expect(fs.existsSync(out)).toBe(false);
    // Right fingerprint, wrong private key: authentication fails rather than producing garbage.
    expect(await codeOf(decryptFile(sealedPath, out, { ...otherBox, fingerprint: highFingerprint }, MiB))).toBe(
      'E_TAMPERED',
    );
  });

  it('wraps a real bundle: sniffed as an envelope outside and a zip inside', async () => {
    const bundle = await writeBundle({ tables: { items: itemRows(100) }, files: [crypto.randomBytes(150_000)] });
    expect(await sniffBundle(bundle.path)).toBe('zip');
    const sealedPath = tempPath('bundle.ddt');
    await encryptFile(bundle.path, sealedPath, header, {
      boxPublic: high.boxPublic,
      fingerprint: normalizeFingerprint(highFingerprint),
    });
    expect((await readEnvelopeHeader(sealedPath)).recipientFingerprint).toBe(highFingerprint);
    const out = tempPath('unsealed.zip');
    await decryptFile(sealedPath, out, highBox, DEFAULT_LIMITS.maxTotalBytes);
    const zip = await openBundleZip(out);
    checkEntriesAgainstManifest(zip, parseManifest(zip.manifestBytes));
    expect(verifyBytes(zip.manifestBytes, zip.signature!, basicKeys.signPublic)).toBe(true);
    await zip.close();
  });
});

describe('file handles', () => {
  it('are all closed again after refusals and after reading', async () => {
    const before = openFds();
    if (before === null) return; // only countable where /proc exists
    const bundle = await writeBundle({ tables: { items: itemRows(300) }, files: [crypto.randomBytes(70_000)] });
    const start = openFds()!;
    const bytes = fs.readFileSync(bundle.path);
    const cut = tempPath('cut.zip');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    for (let round = 0; round < 5; round += 1) {
      // A writer that fails (evidence changed on disk) or is given up releases its files too.
      const evidence = tempPath('evidence.bin');
      fs.writeFileSync(evidence, crypto.randomBytes(300_000));
      const failing = new BundleZipWriter(tempPath('failing.zip'));
      failing.addFile(`files/${'f'.repeat(64)}`, evidence, 'f'.repeat(64), 300_000);
      await codeOf(failing.finish(Buffer.from('{}'), Buffer.alloc(64)));
      const abandoned = new BundleZipWriter(tempPath('abandoned.zip'));
      const rows = abandoned.rowsEntry('items');
      await rows.add({ id: 'a' });
      await abandoned.abort();

      await codeOf(openBundleZip(cut));
      await codeOf(openBundleZip(bundle.path, { ...DEFAULT_LIMITS, maxEntries: 1 }));
      const zip = await openBundleZip(bundle.path);
      const entry = bundle.manifest.entries[0];
      // Give up on the rows half-way, and leave a stream unread: close() still releases the file.
      await zip
        .readRows(entry.name, entry.sha256, entry.size, (row) => {
          if (row.id === 'item-10') throw new Error('stop');
        })
        .catch(() => undefined);
      await zip.openEntry(bundle.files[0].entry.name, bundle.files[0].entry.sha256, MiB);
      await codeOf(zip.openEntry(bundle.files[0].entry.name, 'e'.repeat(64), 10));
      await zip.close();
    }
    expect(openFds()).toBe(start);
  });
});
