// The manifest of a sync bundle: what the bundle is, who signed it, for whom, which range of the
// source's change counter it carries and the SHA-256 of every entry. Also the only entry names a
// bundle may contain. The export/import engine builds and reads manifests through this file.
import { z } from 'zod';
import { bundleError } from './errors';

export const BUNDLE_FORMAT = 'court-sync-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'manifest.sig';

export interface CourtCard {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  signKey: string;
  boxKey: string;
}

export interface ManifestEntry {
  name: string;
  sha256: string;
  size: number;
  rows?: number;
}

export interface Manifest {
  format: 'court-sync-bundle';
  formatVersion: number;
  kind: 'report_up' | 'package_down';
  full: boolean;
  /** Who signed. */
  source: CourtCard;
  /** Code '*' = any subordinate (packages down). */
  target: { code: string; name: string };
  seq: number;
  /** The source's change counter: rows with changeFrom < change_seq <= changeThrough. */
  changeFrom: number;
  changeThrough: number;
  /** ISO time, for people only. */
  createdAt: string;
  /** Set on package_down. */
  campaign: { id: string; title: string } | null;
  counts: { rows: number; files: number; nested: number };
  /** Every entry of the zip except manifest.json / manifest.sig. */
  entries: ManifestEntry[];
  /** Keys of courts whose nested bundles this bundle carries. */
  vouches: CourtCard[];
  app: { version: string; schemaVersion: number };
  /** Report up only: the sender's audit-log head, for the parent court to witness (§3 of the format). */
  audit?: ManifestAudit;
}

/** The sender's audit log as it stands: entry count and the last entry's hash, plus the hashes now
 * found at the positions its recent bundles to this target reported (null: no such entry now). */
export interface ManifestAudit {
  count: number;
  hash: string;
  reported: { count: number; hash: string | null }[];
}

export const COURT_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,15}$/;
const TABLE_PATTERN = /^[a-z_]{1,40}$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const ROWS_NAME = /^rows\/([a-z_]{1,40})\.ndjson$/;
const FILE_NAME = /^files\/([0-9a-f]{64})$/;
const NESTED_NAME = /^nested\/([A-Z][A-Z0-9]{1,15})-(0|[1-9][0-9]{0,14})-([0-9a-f]{64})\.zip$/;

/** The manifest's schema, built on first use: the row reader thread (rowReaderWorker.ts) loads
 * this module but never parses a manifest, and starts sooner without zod. */
let builtManifestSchema: ReturnType<typeof buildManifestSchema> | null = null;
const manifestSchema = () => (builtManifestSchema ??= buildManifestSchema());

function buildManifestSchema() {
  const count = z.number().int().nonnegative();
  const rawKey = z.string().refine((text) => {
    const raw = Buffer.from(text, 'base64');
    return raw.length === 32 && raw.toString('base64') === text;
  }, 'a raw 32-byte key in base64');

  const courtCardSchema = z.object({
    code: z.string().regex(COURT_CODE_PATTERN),
    name: z.string().min(1).max(200),
    level: z.string().max(40),
    parentCode: z.string().max(16),
    signKey: rawKey,
    boxKey: rawKey,
  });

  return z
    .object({
      format: z.literal(BUNDLE_FORMAT),
      formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
      kind: z.enum(['report_up', 'package_down']),
      full: z.boolean(),
      source: courtCardSchema,
      target: z.object({
        code: z.string().refine((code) => code === '*' || COURT_CODE_PATTERN.test(code), 'a court code or *'),
        name: z.string().max(200),
      }),
      seq: count,
      changeFrom: count,
      changeThrough: count,
      createdAt: z.string().min(1).max(64),
      campaign: z.object({ id: z.string().min(1).max(64), title: z.string().max(500) }).nullable(),
      counts: z.object({ rows: count, files: count, nested: count }),
      entries: z.array(
        z.object({
          name: z.string().max(200),
          sha256: z.string().regex(SHA256_PATTERN),
          size: count,
          rows: count.optional(),
        }),
      ),
      vouches: z.array(courtCardSchema),
      app: z.object({ version: z.string().max(64), schemaVersion: count }),
      audit: z
        .object({
          count,
          hash: z.string().regex(SHA256_PATTERN),
          reported: z.array(z.object({ count, hash: z.string().regex(SHA256_PATTERN).nullable() })).max(64),
        })
        .optional(),
    })
    .refine((manifest) => manifest.changeFrom <= manifest.changeThrough, 'changeFrom > changeThrough');
}

const notBundle = () => bundleError('E_NOT_BUNDLE');
const corrupt = () => bundleError('E_CORRUPT', '同步数据包的清单内容不完整或格式有误，文件可能已损坏。');

/** Reads manifest.json. Checks the format name and version before the schema, so that a manifest
 *  written by a newer program (with fields we do not know) is reported as such, not as damage. */
export function parseManifest(bytes: Buffer): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw notBundle();
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== BUNDLE_FORMAT) {
    throw notBundle();
  }
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BUNDLE_FORMAT_VERSION) {
    throw bundleError('E_FUTURE_FORMAT');
  }
  // Parsed once per bundle: zod's compiled fast path would cost more to build than it saves.
  const parsed = manifestSchema().safeParse(value, { jitless: true });
  if (!parsed.success) throw corrupt();
  const manifest = parsed.data as Manifest;
  const seen = new Set<string>();
  for (const entry of manifest.entries) {
    const kind = entryKind(entry.name);
    if (seen.has(entry.name)) throw corrupt();
    seen.add(entry.name);
    // Files and nested bundles are named by their content hash; the name must agree with it.
    if (kind.kind !== 'rows' && kind.sha256 !== entry.sha256) throw corrupt();
  }
  return manifest;
}

export type EntryKind =
  | { kind: 'rows'; table: string }
  | { kind: 'file'; sha256: string }
  | { kind: 'nested'; source: string; seq: number; sha256: string };

/** Classifies an entry name; any name outside the three allowed forms is refused with E_PATH. */
export function entryKind(name: string): EntryKind {
  const rows = ROWS_NAME.exec(name);
  if (rows) return { kind: 'rows', table: rows[1] };
  const file = FILE_NAME.exec(name);
  if (file) return { kind: 'file', sha256: file[1] };
  const nested = NESTED_NAME.exec(name);
  if (nested) return { kind: 'nested', source: nested[1], seq: Number(nested[2]), sha256: nested[3] };
  throw pathError();
}

const pathError = () => bundleError('E_PATH');

export function rowsEntryName(table: string): string {
  if (!TABLE_PATTERN.test(table)) throw pathError();
  return `rows/${table}.ndjson`;
}

export function fileEntryName(sha256: string): string {
  if (!SHA256_PATTERN.test(sha256)) throw pathError();
  return `files/${sha256}`;
}

export function nestedEntryName(sourceCode: string, seq: number, sha256: string): string {
  const name = `nested/${sourceCode}-${seq}-${sha256}.zip`;
  entryKind(name);
  return name;
}
