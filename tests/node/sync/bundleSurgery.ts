// Test tools that take a real bundle apart and put a modified one back together: to forge,
// tamper, truncate and re-sign bundles the way an attacker or a broken USB stick would.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { readZipEntries } from '../zipEntries';
import yazl from 'yazl';
import { encodeSignatureFile } from '../../../src/main/sync/format/container';
import { signBytes } from '../../../src/main/sync/format/keys';
import type { Manifest } from '../../../src/main/sync/format/manifest';

export interface OpenBundle {
  manifest: Manifest;
  entries: Map<string, Buffer>;
  signature: Buffer | null;
}

export async function readBundle(file: string): Promise<OpenBundle> {
  const entries = new Map((await readZipEntries(file)).map((entry) => [entry.name, entry.bytes]));
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
  const signature = entries.get('manifest.sig') ?? null;
  entries.delete('manifest.json');
  entries.delete('manifest.sig');
  return { manifest, entries, signature };
}

export const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Writes a bundle. `signWith` re-signs the (possibly edited) manifest; otherwise the old signature
 * is kept as it was (or left out when `signature` is null). */
export async function writeBundle(
  file: string,
  bundle: OpenBundle,
  options: { signWith?: string; manifestBytes?: Buffer; extra?: [string, Buffer][] } = {},
): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = new Promise<void>((resolve, reject) => {
    zip.outputStream
      .pipe(fs.createWriteStream(file))
      .on('close', () => resolve())
      .on('error', reject);
  });
  for (const [name, bytes] of [...bundle.entries, ...(options.extra ?? [])]) zip.addBuffer(bytes, name);
  const manifestBytes = options.manifestBytes ?? Buffer.from(JSON.stringify(bundle.manifest), 'utf8');
  zip.addBuffer(manifestBytes, 'manifest.json');
  if (options.signWith) zip.addBuffer(encodeSignatureFile(signBytes(manifestBytes, options.signWith)), 'manifest.sig');
  else if (bundle.signature) zip.addBuffer(bundle.signature, 'manifest.sig');
  zip.end();
  await done;
}

/** Replaces one rows entry and fixes the manifest's hash and size for it. */
export function setEntry(bundle: OpenBundle, name: string, bytes: Buffer): void {
  bundle.entries.set(name, bytes);
  const entry = bundle.manifest.entries.find((item) => item.name === name);
  if (entry) {
    entry.sha256 = sha256(bytes);
    entry.size = bytes.length;
  } else {
    bundle.manifest.entries.push({ name, sha256: sha256(bytes), size: bytes.length });
  }
}

export function rowsOf(bundle: OpenBundle, table: string): Record<string, unknown>[] {
  const bytes = bundle.entries.get(`rows/${table}.ndjson`);
  return bytes
    ? bytes
        .toString('utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];
}

export function ndjson(rows: Record<string, unknown>[]): Buffer {
  return Buffer.from(rows.map((row) => `${JSON.stringify(row)}\n`).join(''), 'utf8');
}
