// Small file and naming helpers shared by export and import: temp files inside the data folder
// (same disk, so the final rename is atomic), moving across disks, hashing, and court cards.
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { ServiceContext } from '../api/context';
import { actorName } from '../access/accounts';
import type { BundleSummary, NestedRole } from '../../shared/model';
import { fingerprintOf } from './format/keys';
import type { Manifest } from './format/manifest';
import { syncPath } from './syncHistory';
import { hashFile } from '../evidence/blobStore';

/** A temporary file in sync/tmp, named with this process's id so that the next start can tell
 * the leftovers of a process that died from the work of one still running. */
export function tempPath(dataDir: string, label: string): string {
  const dir = syncPath(dataDir, 'tmp');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${label}-${process.pid}-${uuidv7()}`);
}

/** Rename, or copy then remove when the target is on another drive (a USB stick). */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const partial = `${to}.part`;
    await fs.promises.copyFile(from, partial);
    fs.renameSync(partial, to);
    fs.rmSync(from, { force: true });
  }
}

export async function sha256File(file: string): Promise<string> {
  return (await hashFile(file)).sha256;
}

export function actorLabel(ctx: Pick<ServiceContext, 'user'>): string {
  return ctx.user ? actorName(ctx.user) : '系统';
}

/** What a verified manifest says about its bundle, with `rows` as counted while it was read. */
export function bundleSummary(
  manifest: Manifest,
  encrypted: boolean,
  nested: BundleSummary['nested'],
  rows: number,
): BundleSummary {
  return {
    kind: manifest.kind,
    full: manifest.full,
    source: {
      code: manifest.source.code,
      name: manifest.source.name,
      fingerprint: fingerprintOf(manifest.source.signKey, manifest.source.boxKey),
    },
    target: manifest.target,
    seq: manifest.seq,
    changeFrom: manifest.changeFrom,
    changeThrough: manifest.changeThrough,
    createdAt: manifest.createdAt,
    encrypted,
    rows,
    files: manifest.counts.files,
    nested,
    campaign: manifest.campaign,
  };
}

/** A nested bundle's role in words, for the import message and the command line. */
export const NESTED_ROLE_WORDS: Record<NestedRole, string> = {
  subordinate_report: '下级法院同步包',
  superior_package: '上级法院的原始下发包',
  addressed_package: '督导意见和督办单包',
};

/** What a nested bundle is, for the screens (see NestedBundleSummary). */
export function nestedSummary(
  inner: Manifest,
  counted: { rows: number; files: number },
): BundleSummary['nested'][number] {
  return {
    role:
      inner.kind === 'report_up'
        ? 'subordinate_report'
        : inner.target.code === '*'
          ? 'superior_package'
          : 'addressed_package',
    kind: inner.kind,
    target: inner.target.code === '*' ? { code: '*', name: '各下级法院' } : { ...inner.target },
    source: { code: inner.source.code, name: inner.source.name },
    seq: inner.seq,
    full: inner.full,
    rows: counted.rows,
    files: counted.files,
  };
}
